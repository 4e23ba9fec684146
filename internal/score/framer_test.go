package score

import (
	"testing"

	"github.com/plancheck/plancheck/internal/document"
	"github.com/plancheck/plancheck/internal/frame"
)

// testFramer is the framer the accuracy tests use: the built-in cue and
// actor lexicons.
func testFramer(t testing.TB) Framer {
	t.Helper()
	fr, err := frame.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return fr
}

// baselineFramer frames with a general-purpose sentiment word list over
// the same passages, to compare testFramer with.
func baselineFramer(t testing.TB) Framer {
	t.Helper()
	return frame.NewBaseline(document.NewAnalyzer())
}
