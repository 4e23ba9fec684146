package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/iostreams"
	"github.com/plancheck/plancheck/internal/report"
)

func TestScoreFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
		check   func(*testing.T, *ScoreOptions)
	}{
		{name: "defaults", args: []string{"a.txt"}, check: func(t *testing.T, o *ScoreOptions) {
			if o.Format != "table" || o.Workers < 1 || o.MaxBytes != 20<<20 || o.Catalog != "" {
				t.Errorf("defaults %+v", o)
			}
		}},
		{name: "all flags", args: []string{"-f", "json", "-o", "r.json", "-j", "3", "--include", "a/**,b", "--exclude", "*.md", "--catalog", "c.yaml", "--max-bytes", "10", "x", "y"}, check: func(t *testing.T, o *ScoreOptions) {
			if o.Format != "json" || o.Output != "r.json" || o.Workers != 3 || len(o.Include) != 2 || o.Exclude[0] != "*.md" || o.Catalog != "c.yaml" || o.MaxBytes != 10 || len(o.Paths) != 2 {
				t.Errorf("parsed %+v", o)
			}
		}},
		{name: "no paths", args: []string{}, wantErr: "requires at least 1 arg"},
		{name: "bad format", args: []string{"-f", "xml", "a"}, wantErr: `--format must be one of`},
		{name: "bad workers", args: []string{"-j", "-1", "a"}, wantErr: "-j must be 1 or more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseArgs(NewCmdScore, tt.args)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, got)
		})
	}
}

func TestScoreSeedsJSON(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	code := Run(ios, []string{"score", "--format", "json", "-j", "2", "../../seeds"})
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var r report.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("invalid JSON: %v", err)
	}
	if len(r.Articles) != 5 || r.Summary.Scored != 5 || r.Catalog.Points == 0 {
		t.Fatalf("report: %d articles, summary %+v", len(r.Articles), r.Summary)
	}
	for i, a := range r.Articles {
		if i > 0 && a.Path <= r.Articles[i-1].Path {
			t.Errorf("articles not sorted: %s after %s", a.Path, r.Articles[i-1].Path)
		}
		if !a.PlanContext {
			t.Errorf("%s: not in plan context", a.Path)
		}
		for _, m := range a.Mentions {
			for _, e := range m.Evidence {
				data, _ := os.ReadFile(a.Path)
				if string(data[e.Start:e.End]) != e.Text {
					t.Errorf("%s: evidence offsets %d-%d do not quote %q", a.Path, e.Start, e.End, e.Text)
				}
			}
		}
	}
}

func TestScoreSameOutputWhateverWorkers(t *testing.T) {
	var outs []string
	for _, j := range []string{"1", "2", "5"} {
		ios, _, out, _ := iostreams.Test()
		if code := Run(ios, []string{"score", "--format", "jsonl", "-j", j, "../../seeds", "../../testdata"}); code > ExitError {
			t.Fatalf("exit %d", code)
		}
		outs = append(outs, out.String())
	}
	if outs[0] != outs[1] || outs[1] != outs[2] {
		t.Error("output differs with the number of workers")
	}
}

func TestScoreErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(good, []byte("Russia struck Kyiv overnight, officials said."), 0o644)
	os.WriteFile(empty, []byte("  \n"), 0o644)
	ios, _, out, errOut := iostreams.Test()
	code := Run(ios, []string{"score", "--format", "json", dir, filepath.Join(dir, "missing.txt")})
	if code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	var r report.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, out)
	}
	if len(r.Articles) != 3 || r.Summary.Errors != 2 {
		t.Fatalf("%d articles, %d errors; want 3 and 2", len(r.Articles), r.Summary.Errors)
	}
	for _, want := range []string{empty + ": empty file", "missing.txt: no such file"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestScoreOutputFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	dst := filepath.Join(dir, "report.json")
	ios, _, _, _ := iostreams.Test()
	if code := Run(ios, []string{"score", "-f", "json", "-o", dst, "../../seeds/003_1cab0ae5860972d2.txt"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	data, err := os.ReadFile(dst)
	if err != nil || !json.Valid(data) {
		t.Fatalf("output file not written whole: %v", err)
	}
	// A run that fails before writing (bad catalog) leaves the old file.
	ios, _, _, errOut := iostreams.Test()
	code := Run(ios, []string{"score", "-f", "json", "-o", dst, "--catalog", filepath.Join(dir, "nope.yaml"), "../../seeds"})
	if code != ExitError || !strings.Contains(errOut.String(), "nope.yaml") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	again, _ := os.ReadFile(dst)
	if string(again) != string(data) {
		t.Error("failed run changed the output file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temp files left behind: %v", entries)
	}
}

func TestScoreStdin(t *testing.T) {
	ios, in, out, _ := iostreams.Test()
	data, _ := os.ReadFile("../../seeds/003_1cab0ae5860972d2.txt")
	in.Write(data)
	if code := Run(ios, []string{"score", "-f", "json", "-"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	var r report.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil || len(r.Articles) != 1 || r.Articles[0].Path != "-" || len(r.Articles[0].Mentions) == 0 {
		t.Fatalf("stdin report: %v %+v", err, r.Articles)
	}
}
