package score

import "testing"

// testFramer is the framer the accuracy tests use.
func testFramer(t *testing.T) Framer {
	t.Helper()
	return nil
}
