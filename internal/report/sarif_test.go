package report

import (
	"bytes"
	"encoding/json"
	"github.com/plancheck/plancheck/internal/golden"
	"math"
	"strings"
	"testing"
)

func TestSARIFGolden(t *testing.T) {
	golden.Check(t, "report.sarif.golden", render(t, "sarif", Options{}, testReport()))
}

// sarifLog is the part of a SARIF log the tests look at.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Artifacts []struct {
			Location struct {
				URI string `json:"uri"`
			} `json:"location"`
		} `json:"artifacts"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI   string `json:"uri"`
						Index int    `json:"index"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine  int `json:"startLine"`
						ByteOffset int `json:"byteOffset"`
						ByteLength int `json:"byteLength"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID string `json:"id"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful bool              `json:"executionSuccessful"`
			Notifications       []json.RawMessage `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

func readSARIF(t *testing.T, out string) *sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("invalid json: %v\n%s", err, out)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	return &log
}

// One result per mention, its rule in the driver's rules, located at the
// first evidence sentence.
func TestSARIFResults(t *testing.T) {
	r := testReport()
	log := readSARIF(t, render(t, "sarif", Options{}, r))
	run := log.Runs[0]
	if len(run.Artifacts) != len(r.Articles) {
		t.Errorf("%d artifacts for %d articles", len(run.Artifacts), len(r.Articles))
	}
	rules := map[string]bool{}
	for _, rule := range run.Tool.Driver.Rules {
		rules[rule.ID] = true
	}
	if len(rules) != 28 {
		t.Errorf("%d rules, want the catalog's 28", len(rules))
	}
	var want []Mention
	for _, a := range r.Articles {
		want = append(want, a.Mentions...)
	}
	if len(run.Results) != len(want) {
		t.Fatalf("%d results for %d mentions", len(run.Results), len(want))
	}
	for i, res := range run.Results {
		m := want[i]
		if res.RuleID != m.Clause || res.Level != "note" || !rules[res.RuleID] {
			t.Errorf("result %d: rule %q level %q", i, res.RuleID, res.Level)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "seeds/ft-plan-leak.txt" || loc.ArtifactLocation.Index != 0 ||
			loc.Region.StartLine != m.Evidence[0].Line || loc.Region.ByteOffset != m.Evidence[0].Start ||
			loc.Region.ByteLength != m.Evidence[0].End-m.Evidence[0].Start {
			t.Errorf("result %d located at %+v", i, loc)
		}
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.Notifications) != 1 {
		t.Errorf("the article that could not be scored is not a notification: %+v", inv)
	}
}

func TestSARIFEmptyAndEndOnly(t *testing.T) {
	var buf bytes.Buffer
	p, _ := NewPrinter("sarif", &buf, Options{})
	if err := p.End(nil); err != nil {
		t.Fatal(err)
	}
	log := readSARIF(t, buf.String())
	if log.Runs[0].Tool.Driver.Name != "plancheck" || !log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Errorf("empty log: %+v", log.Runs[0])
	}
	if strings.Contains(buf.String(), "null") {
		t.Errorf("null in\n%s", buf.String())
	}
}

func TestSARIFLocations(t *testing.T) {
	r := &Report{Tool: Tool{Name: "plancheck"}, Articles: []Article{
		{Path: "news/kyiv talks #1.md", Coverage: math.NaN(), Mentions: []Mention{{Point: 7, Clause: "c7", Score: math.Inf(1)}}},
		{Path: "/abs/story.txt", Mentions: []Mention{}},
		{Path: "./rel/a:b.txt", Mentions: []Mention{}},
		{Path: "c:d.txt", Mentions: []Mention{}},
	}}
	out := render(t, "sarif", Options{}, r)
	log := readSARIF(t, out)
	var uris []string
	for _, a := range log.Runs[0].Artifacts {
		uris = append(uris, a.Location.URI)
	}
	want := []string{"news/kyiv%20talks%20%231.md", "file:///abs/story.txt", "rel/a:b.txt", "./c:d.txt"}
	if strings.Join(uris, " ") != strings.Join(want, " ") {
		t.Errorf("uris %q, want %q", uris, want)
	}
	// A mention without evidence is still located on its file, and its
	// clause still has a rule.
	res := log.Runs[0].Results
	if len(res) != 1 || res[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != want[0] {
		t.Errorf("results %+v", res)
	}
	if rules := log.Runs[0].Tool.Driver.Rules; len(rules) != 1 || rules[0].ID != "c7" {
		t.Errorf("rules %+v", rules)
	}
}
