// Package diff compares two plancheck reports, a baseline and a new one,
// and prints what changed in plan coverage: per article the points newly
// mentioned, the points no longer mentioned and the stances that moved,
// the articles added and removed, and per point how many articles mention
// it before and after. Compare is a pure function from two reports to a
// Changes value; one printer per format writes it (table.go, json.go,
// markdown.go, github.go).
package diff

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/plancheck/plancheck/internal/report"
)

// Changes is everything that differs between a base and a head report.
type Changes struct {
	// Catalog is the catalog both reports were made with (head's copy).
	Catalog report.Catalog `json:"catalog"`
	Base    Side           `json:"base"`
	Head    Side           `json:"head"`
	Stats   Stats          `json:"stats"`
	// Articles lists the articles that changed, in path order: added,
	// removed, or present on both sides with a point gained or lost, a
	// stance moved, or scored on one side only.
	Articles []ArticleChange `json:"articles"`
	// Points has one entry per point of the catalog (and per point a
	// mention names that the summaries do not list), in point order,
	// changed or not.
	Points []PointChange `json:"points"`
}

// Side describes one of the two reports.
type Side struct {
	// Name says where the report came from (a file or folder name); set
	// by the caller, empty from Compare.
	Name string      `json:"name,omitempty"`
	Tool report.Tool `json:"tool"`
	// Articles counts the report's articles, Scored those without an
	// error.
	Articles int `json:"articles"`
	Scored   int `json:"scored"`
	// Mentioned counts the catalog points at least one article mentions.
	Mentioned int `json:"points_mentioned"`
}

// Stats counts the changes.
type Stats struct {
	// Articles is len(Changes.Articles): added, removed and changed.
	Articles int `json:"articles_changed"`
	Added    int `json:"articles_added"`
	Removed  int `json:"articles_removed"`
	// New, Lost and Stances count points newly mentioned, points no
	// longer mentioned and stance changes, over all articles.
	New     int `json:"points_new"`
	Lost    int `json:"points_lost"`
	Stances int `json:"stance_changes"`
	// Unscored counts the articles compared that could not be scored on
	// one side (their points are not compared).
	Unscored int `json:"unscored"`
}

// Status says how an article changed.
type Status string

// Statuses.
const (
	Added   Status = "added"
	Removed Status = "removed"
	Changed Status = "changed"
)

// ArticleChange is what changed in one article.
type ArticleChange struct {
	Path   string `json:"path"`
	Status Status `json:"status"`
	// New lists the points head mentions and base does not (all of
	// head's for an added article), with head's evidence; Lost the points
	// base mentions and head does not, with base's evidence.
	New  []PointRef `json:"new"`
	Lost []PointRef `json:"lost"`
	// Stances lists the points both mention with a different stance.
	Stances []StanceChange `json:"stances"`
	// Coverage before and after (0 on a side without the article).
	CoverageBefore float64 `json:"coverage_before"`
	CoverageAfter  float64 `json:"coverage_after"`
	// BaseError and HeadError are set when the article could not be
	// scored on that side; its points are then not compared.
	BaseError string `json:"base_error,omitempty"`
	HeadError string `json:"head_error,omitempty"`
}

// PointRef is a point an article mentions, with the sentences that show
// it.
type PointRef struct {
	Point    int               `json:"point"`
	Clause   string            `json:"clause"`
	Theme    string            `json:"theme"`
	Title    string            `json:"title,omitempty"`
	Stance   string            `json:"stance,omitempty"`
	Evidence []report.Evidence `json:"evidence"`
}

// StanceChange is a point whose framing moved; Evidence is head's.
type StanceChange struct {
	PointRef
	From string `json:"from"`
	To   string `json:"to"`
}

// PointChange counts, for one point, the scored articles that mention it
// in each report.
type PointChange struct {
	Point  int    `json:"point"`
	Clause string `json:"clause"`
	Theme  string `json:"theme"`
	Title  string `json:"title,omitempty"`
	Before int    `json:"before"`
	After  int    `json:"after"`
}

// Changed reports whether the number of articles mentioning the point
// moved.
func (p *PointChange) Changed() bool { return p.Before != p.After }

// Kind names a kind of change that --fail-on can ask about.
type Kind string

// Kinds of change.
const (
	// KindNew: a point newly mentioned by an article.
	KindNew Kind = "new"
	// KindLost: a point an article no longer mentions.
	KindLost Kind = "lost"
	// KindChanged: a stance change.
	KindChanged Kind = "changed"
)

// Kinds lists the kinds, in the order help shows them.
var Kinds = []Kind{KindNew, KindLost, KindChanged}

// Has reports whether c holds a change of kind k.
func (c *Changes) Has(k Kind) bool {
	switch k {
	case KindNew:
		return c.Stats.New > 0
	case KindLost:
		return c.Stats.Lost > 0
	case KindChanged:
		return c.Stats.Stances > 0
	}
	return false
}

// CoverageChanged reports whether any point was gained or lost or any
// stance moved.
func (c *Changes) CoverageChanged() bool {
	return c.Stats.New+c.Stats.Lost+c.Stats.Stances > 0
}

// CatalogMismatchError is returned by Compare for reports made with
// different catalogs, whose points cannot be compared.
type CatalogMismatchError struct {
	Base, Head report.Catalog
}

func (e *CatalogMismatchError) Error() string {
	return fmt.Sprintf("the reports were made with different catalogs: base %s, head %s; score both with the same catalog",
		catalogName(e.Base), catalogName(e.Head))
}

func catalogName(c report.Catalog) string {
	id, hash := c.ID, c.Hash
	if id == "" {
		id = `""`
	}
	if hash == "" {
		hash = "no hash"
	}
	return id + " (" + hash + ")"
}

// Compare returns what changed from base to head. Articles are matched by
// path. It fails only when the reports were made with different catalogs
// (a *CatalogMismatchError) or one is nil.
func Compare(base, head *report.Report) (*Changes, error) {
	if base == nil || head == nil {
		return nil, fmt.Errorf("diff: nil report")
	}
	if base.Catalog.ID != head.Catalog.ID || base.Catalog.Hash != head.Catalog.Hash {
		return nil, &CatalogMismatchError{Base: base.Catalog, Head: head.Catalog}
	}
	c := &Changes{
		Catalog:  head.Catalog,
		Base:     Side{Tool: base.Tool},
		Head:     Side{Tool: head.Tool},
		Articles: []ArticleChange{},
	}
	pts := newPointTable(base, head)

	baseByPath := make(map[string]*report.Article, len(base.Articles))
	for i := range base.Articles {
		a := &base.Articles[i]
		baseByPath[a.Path] = a
		c.Base.Articles++
		if a.Error == "" {
			c.Base.Scored++
			pts.count(a, true)
		}
	}
	headByPath := make(map[string]*report.Article, len(head.Articles))
	for i := range head.Articles {
		a := &head.Articles[i]
		headByPath[a.Path] = a
		c.Head.Articles++
		if a.Error == "" {
			c.Head.Scored++
			pts.count(a, false)
		}
	}
	// Repeated paths count once, the last entry winning, as in a map.
	c.Base.Articles, c.Head.Articles = len(baseByPath), len(headByPath)

	paths := make([]string, 0, len(headByPath)+len(baseByPath)/8)
	for p := range headByPath {
		paths = append(paths, p)
	}
	for p := range baseByPath {
		if _, ok := headByPath[p]; !ok {
			paths = append(paths, p)
		}
	}
	sort.Slice(paths, func(i, j int) bool { return pathLess(paths[i], paths[j]) })

	for _, p := range paths {
		ac, ok := compareArticle(p, baseByPath[p], headByPath[p])
		if !ok {
			continue
		}
		c.Articles = append(c.Articles, ac)
		st := &c.Stats
		switch ac.Status {
		case Added:
			st.Added++
		case Removed:
			st.Removed++
		}
		st.New += len(ac.New)
		st.Lost += len(ac.Lost)
		st.Stances += len(ac.Stances)
		if ac.Status == Changed && (ac.BaseError != "") != (ac.HeadError != "") {
			st.Unscored++
		}
	}
	c.Stats.Articles = len(c.Articles)
	c.Points = pts.list()
	c.Base.Mentioned = distinctPoints(c.Points, true)
	c.Head.Mentioned = distinctPoints(c.Points, false)
	return c, nil
}

// compareArticle compares the two sides of one path (either may be nil);
// ok is false when nothing changed.
func compareArticle(path string, b, h *report.Article) (ac ArticleChange, ok bool) {
	ac = ArticleChange{Path: path, Status: Changed, New: []PointRef{}, Lost: []PointRef{}, Stances: []StanceChange{}}
	switch {
	case b == nil:
		ac.Status = Added
		ac.HeadError = h.Error
		ac.CoverageAfter = h.Coverage
		if h.Error == "" {
			for _, m := range firstMentions(h) {
				ac.New = append(ac.New, ref(m))
			}
		}
		return ac, true
	case h == nil:
		ac.Status = Removed
		ac.BaseError = b.Error
		ac.CoverageBefore = b.Coverage
		if b.Error == "" {
			for _, m := range firstMentions(b) {
				ac.Lost = append(ac.Lost, ref(m))
			}
		}
		return ac, true
	}
	ac.BaseError, ac.HeadError = b.Error, h.Error
	ac.CoverageBefore, ac.CoverageAfter = b.Coverage, h.Coverage
	if b.Error != "" || h.Error != "" {
		// Nothing to compare; a change only when one side was scored.
		return ac, (b.Error == "") != (h.Error == "")
	}
	bm, hm := firstMentions(b), firstMentions(h)
	if sameMentions(bm, hm) {
		return ac, false
	}
	bIdx := make(map[string]*report.Mention, len(bm))
	for _, m := range bm {
		bIdx[key(m)] = m
	}
	hIdx := make(map[string]*report.Mention, len(hm))
	for _, m := range hm {
		hIdx[key(m)] = m
	}
	for _, m := range hm {
		old, ok := bIdx[key(m)]
		if !ok {
			ac.New = append(ac.New, ref(m))
			continue
		}
		from, to := stance(old), stance(m)
		if from != "" && to != "" && from != to {
			ac.Stances = append(ac.Stances, StanceChange{PointRef: ref(m), From: from, To: to})
		}
	}
	for _, m := range bm {
		if _, ok := hIdx[key(m)]; !ok {
			ac.Lost = append(ac.Lost, ref(m))
		}
	}
	return ac, len(ac.New)+len(ac.Lost)+len(ac.Stances) > 0
}

// sameMentions reports whether two lists from firstMentions name the same
// clauses with the same stances, in the same order: the usual case of an
// unchanged article, told without building maps.
func sameMentions(a, b []*report.Mention) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if key(a[i]) != key(b[i]) || stance(a[i]) != stance(b[i]) {
			return false
		}
	}
	return true
}

// firstMentions returns a's first mention of each clause, in point order.
func firstMentions(a *report.Article) []*report.Mention {
	out := make([]*report.Mention, 0, len(a.Mentions))
	// Articles mention a few points: a quadratic look-up beats a map.
	var seen map[string]bool
	if len(a.Mentions) > 32 {
		seen = make(map[string]bool, len(a.Mentions))
	}
	sorted := true
	for i := range a.Mentions {
		m := &a.Mentions[i]
		k := key(m)
		if seen != nil {
			if seen[k] {
				continue
			}
			seen[k] = true
		} else if repeated(out, k) {
			continue
		}
		if len(out) > 0 && out[len(out)-1].Point > m.Point {
			sorted = false
		}
		out = append(out, m)
	}
	if !sorted {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Point < out[j].Point })
	}
	return out
}

func repeated(ms []*report.Mention, k string) bool {
	for _, m := range ms {
		if key(m) == k {
			return true
		}
	}
	return false
}

// key identifies a mention's clause: its id, or its point number when the
// id is missing.
func key(m *report.Mention) string { return clauseKey(m.Point, m.Clause) }

func clauseKey(point int, clause string) string {
	if clause != "" {
		return clause
	}
	return "#" + strconv.Itoa(point)
}

func stance(m *report.Mention) string {
	if m.Framing == nil {
		return ""
	}
	return m.Framing.Stance
}

func ref(m *report.Mention) PointRef {
	ev := m.Evidence
	if ev == nil {
		ev = []report.Evidence{}
	}
	return PointRef{Point: m.Point, Clause: m.Clause, Theme: m.Theme, Title: m.Title, Stance: stance(m), Evidence: ev}
}

// pointTable counts, per clause, the scored articles that mention it on
// each side.
type pointTable struct {
	index  map[string]int
	points []PointChange
}

// newPointTable starts from the clauses the reports' summaries list (the
// whole catalog, in a report from plancheck score), head's first.
func newPointTable(base, head *report.Report) *pointTable {
	t := &pointTable{index: map[string]int{}}
	for _, r := range []*report.Report{head, base} {
		for _, ps := range r.Summary.Points {
			t.entry(ps.Point, ps.Clause, ps.Theme, ps.Title)
		}
	}
	return t
}

func (t *pointTable) entry(point int, clause, theme, title string) *PointChange {
	k := clauseKey(point, clause)
	if i, ok := t.index[k]; ok {
		return &t.points[i]
	}
	t.index[k] = len(t.points)
	t.points = append(t.points, PointChange{Point: point, Clause: clause, Theme: theme, Title: title})
	return &t.points[len(t.points)-1]
}

// count adds a scored article's mentions, once per clause.
func (t *pointTable) count(a *report.Article, before bool) {
	for _, m := range firstMentions(a) {
		p := t.entry(m.Point, m.Clause, m.Theme, m.Title)
		if before {
			p.Before++
		} else {
			p.After++
		}
	}
}

func (t *pointTable) list() []PointChange {
	out := t.points
	if out == nil {
		out = []PointChange{}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Point != out[j].Point {
			return out[i].Point < out[j].Point
		}
		return out[i].Clause < out[j].Clause
	})
	return out
}

// distinctPoints counts the point numbers with at least one article on a
// side.
func distinctPoints(ps []PointChange, before bool) int {
	seen := map[int]bool{}
	for i := range ps {
		n := ps[i].After
		if before {
			n = ps[i].Before
		}
		if n > 0 {
			seen[ps[i].Point] = true
		}
	}
	return len(seen)
}

// pathLess orders paths as reports list articles: component by component,
// so "a/b.txt" comes before "a-c.txt".
func pathLess(a, b string) bool {
	for a != "" && b != "" {
		ai, bi := strings.IndexByte(a, '/'), strings.IndexByte(b, '/')
		ac, bc := a, b
		if ai >= 0 {
			ac = a[:ai]
		}
		if bi >= 0 {
			bc = b[:bi]
		}
		if ac != bc {
			return ac < bc
		}
		if ai < 0 || bi < 0 {
			return ai < bi
		}
		a, b = a[ai+1:], b[bi+1:]
	}
	return a < b
}
