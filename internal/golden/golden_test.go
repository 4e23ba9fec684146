package golden

import (
	"os"
	"testing"
)

// recorder is a testing.TB that records failures instead of stopping.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Fatal(...any)          { r.failed = true }

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	old, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(old)

	*Update = true
	Check(t, "x.golden", "hello\n")
	*Update = false

	ok := &recorder{TB: t}
	Check(ok, "x.golden", "hello\n")
	if ok.failed {
		t.Error("same output reported as different")
	}
	bad := &recorder{TB: t}
	Check(bad, "x.golden", "bye\n")
	if !bad.failed {
		t.Error("different output passed")
	}
	missing := &recorder{TB: t}
	Check(missing, "none.golden", "x")
	if !missing.failed {
		t.Error("a missing golden file passed")
	}
}

func TestStripANSI(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                         "plain",
		"\x1b[31mcritical\x1b[0m":       "critical",
		"a \x1b[1;2mbold\x1b[0m b\x1b[": "a bold b", // an unfinished escape at the end goes too
	} {
		if got := StripANSI(in); got != want {
			t.Errorf("StripANSI(%q) = %q, want %q", in, got, want)
		}
	}
}
