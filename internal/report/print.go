package report

// Print writes a whole report through p: Begin, every article in order,
// End with the report's summary. Printing stops at the first error.
func Print(p Printer, r *Report) error {
	if err := p.Begin(r.Tool, r.Catalog); err != nil {
		return err
	}
	for i := range r.Articles {
		if err := p.Article(&r.Articles[i]); err != nil {
			return err
		}
	}
	return p.End(&r.Summary)
}
