package report

import (
	"sort"
	"strconv"
)

// Summarizer builds a batch Summary one article at a time, so that a batch
// of any size is summarised in memory proportional to the catalog, not to
// the number of articles.
//
// Counting rules:
//   - every article counts in Articles; one with Error counts in Errors,
//     the others in Scored;
//   - a scored article with PlanContext counts in PlanContext and in the
//     running MeanCoverage;
//   - a scored article counts once per clause it mentions (in that clause's
//     PointSummary.Articles), whatever its plan context: the scorer decides
//     which mentions an article lists;
//   - Stances counts, per clause, the stance of the article's first
//     mention of that clause when it has a Framing;
//   - Coverage is the share of the catalog's points that at least one
//     article mentions.
//
// Mentions of a clause that is not in the list NewSummarizer was given are
// still counted, in an entry added on first sight.
type Summarizer struct {
	points  []PointSummary
	index   map[string]int // clause (or "#point" when the clause is empty) -> points index
	nPoints int

	articles, scored, errors, planContext int
	meanCoverage                          float64

	// seen marks the clause entries an article has already counted; it is
	// reset for each article (len == len(points)).
	seen []bool
}

// NewSummarizer returns a Summarizer for a catalog whose clauses are
// points (Point, Clause, Theme and Title filled in; counts are ignored) and
// which has nPoints points (distinct point numbers). When nPoints is 0 the
// number of distinct points in points is used.
func NewSummarizer(points []PointSummary, nPoints int) *Summarizer {
	s := &Summarizer{
		points:  make([]PointSummary, len(points)),
		index:   make(map[string]int, len(points)),
		nPoints: nPoints,
	}
	distinct := map[int]bool{}
	for i, p := range points {
		p.Articles = 0
		p.Stances = nil
		s.points[i] = p
		s.index[clauseKey(p.Point, p.Clause)] = i
		distinct[p.Point] = true
	}
	if s.nPoints == 0 {
		s.nPoints = len(distinct)
	}
	s.seen = make([]bool, len(s.points))
	return s
}

func clauseKey(point int, clause string) string {
	if clause != "" {
		return clause
	}
	return "#" + strconv.Itoa(point)
}

// Add counts one article.
func (s *Summarizer) Add(a *Article) {
	s.articles++
	if a.Error != "" {
		s.errors++
		return
	}
	s.scored++
	if a.PlanContext {
		s.planContext++
		s.meanCoverage += (a.Coverage - s.meanCoverage) / float64(s.planContext)
	}
	clear(s.seen)
	for i := range a.Mentions {
		m := &a.Mentions[i]
		k := clauseKey(m.Point, m.Clause)
		j, ok := s.index[k]
		if !ok {
			j = len(s.points)
			s.points = append(s.points, PointSummary{Point: m.Point, Clause: m.Clause, Theme: m.Theme, Title: m.Title})
			s.index[k] = j
			s.seen = append(s.seen, false)
		}
		if s.seen[j] {
			continue
		}
		s.seen[j] = true
		p := &s.points[j]
		p.Articles++
		if m.Framing != nil && m.Framing.Stance != "" {
			if p.Stances == nil {
				p.Stances = make(map[string]int, 3)
			}
			p.Stances[m.Framing.Stance]++
		}
	}
}

// Summary returns the summary of the articles added so far. The result
// shares nothing with the Summarizer, which can go on adding.
func (s *Summarizer) Summary() Summary {
	out := Summary{
		Articles:     s.articles,
		Scored:       s.scored,
		Errors:       s.errors,
		PlanContext:  s.planContext,
		MeanCoverage: s.meanCoverage,
		Points:       make([]PointSummary, len(s.points)),
	}
	mentioned := map[int]bool{}
	for i, p := range s.points {
		if p.Stances != nil {
			st := make(map[string]int, len(p.Stances))
			for k, v := range p.Stances {
				st[k] = v
			}
			p.Stances = st
		}
		out.Points[i] = p
		if p.Articles > 0 {
			mentioned[p.Point] = true
		}
	}
	// Entries added for unknown clauses go to their place by point; the
	// catalog's own order is kept otherwise.
	sort.SliceStable(out.Points, func(i, j int) bool { return out.Points[i].Point < out.Points[j].Point })
	if s.nPoints > 0 {
		out.Coverage = min(float64(len(mentioned))/float64(s.nPoints), 1)
	}
	return out
}
