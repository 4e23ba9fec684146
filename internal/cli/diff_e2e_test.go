package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/diff"
)

// controlArticle is about something else entirely: it mentions no point
// in either commit.
const controlArticle = `Riverside United won the county cup on Saturday, beating Northgate 2-1
after extra time in front of a crowd of 4,000.

The winning goal came in the 112th minute from a corner. The club will play
in the regional league next season, its manager said.
`

// seedParagraphs returns the first n paragraphs (lines) of a seed article,
// and those containing want.
func seedParagraphs(t *testing.T, name string, n int, want string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../../seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if want == "" {
		return strings.Join(lines[:min(n, len(lines))], "\n") + "\n"
	}
	for _, l := range lines {
		if strings.Contains(l, want) {
			return l + "\n"
		}
	}
	t.Fatalf("%s has no paragraph with %q", name, want)
	return ""
}

// git runs git in dir with a fixed identity, isolated from the user's and
// any outer repository's settings.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=plancheck test", "-c", "user.email=test@example.org",
		"-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// A pull request in a repository of articles: the base commit has a plan
// article and a control article; the head commit adds a paragraph that
// mentions a new point and a second plan article. Both commits are scored
// (the base from a git worktree), diffed, and checked as CI would.
func TestDiffEndToEndGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	tmp := t.TempDir()
	repo := filepath.Join(tmp, "repo")
	if err := os.MkdirAll(repo, 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, repo, "init", "-q")

	lead := seedParagraphs(t, "000_22e7889afe1587f7.txt", 3, "")
	writeFile(t, repo, "articles/plan-leak.txt", lead)
	writeFile(t, repo, "articles/control.txt", controlArticle)
	git(t, repo, "add", "articles")
	git(t, repo, "commit", "-q", "-m", "base articles")

	nato := seedParagraphs(t, "002_94fc421d96a0f64e.txt", 0, "dialogue between Russia and NATO")
	writeFile(t, repo, "articles/plan-leak.txt", lead+nato)
	writeFile(t, repo, "articles/territory.txt", seedParagraphs(t, "003_1cab0ae5860972d2.txt", 4, ""))
	git(t, repo, "add", "articles")
	git(t, repo, "commit", "-q", "-m", "head articles")

	// The base commit, checked out beside the repository.
	base := filepath.Join(tmp, "base")
	git(t, repo, "worktree", "add", "-q", "--detach", base, "HEAD~1")

	baseJSON, headJSON := filepath.Join(tmp, "base.json"), filepath.Join(tmp, "head.json")
	t.Chdir(base)
	if _, stderr, code := runCLI(t, base, "score", "articles", "--format", "json", "-o", baseJSON); code != ExitOK {
		t.Fatalf("score base: exit %d: %s", code, stderr)
	}
	t.Chdir(repo)
	if _, stderr, code := runCLI(t, repo, "score", "articles", "--format", "json", "-o", headJSON); code != ExitOK {
		t.Fatalf("score head: exit %d: %s", code, stderr)
	}

	// JSON: what changed, article by article.
	out, stderr, code := runCLI(t, repo, "diff", baseJSON, headJSON, "--format", "json")
	if code != ExitOK {
		t.Fatalf("diff: exit %d: %s", code, stderr)
	}
	var c diff.Changes
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("diff json: %v\n%s", err, out)
	}
	byPath := map[string]diff.ArticleChange{}
	for _, a := range c.Articles {
		byPath[a.Path] = a
	}
	leak, ok := byPath["articles/plan-leak.txt"]
	if !ok || leak.Status != diff.Changed || !hasPoint(leak.New, 4) || len(leak.Lost) != 0 {
		t.Errorf("plan-leak.txt: %+v (want point 4 new, none lost)", leak)
	}
	if terr, ok := byPath["articles/territory.txt"]; !ok || terr.Status != diff.Added || len(terr.New) == 0 {
		t.Errorf("territory.txt: %+v (want added with points)", terr)
	}
	if _, ok := byPath["articles/control.txt"]; ok {
		t.Error("the control article changed")
	}
	if c.Stats.Lost != 0 || c.Stats.Added != 1 || c.Stats.Removed != 0 || c.Base.Articles != 2 || c.Head.Articles != 3 {
		t.Errorf("stats %+v, sides %+v / %+v", c.Stats, c.Base, c.Head)
	}
	for _, p := range c.Points {
		if p.Point == 4 && (p.Before != 0 || p.After != 1) {
			t.Errorf("point 4: %d → %d articles, want 0 → 1", p.Before, p.After)
		}
	}

	// Markdown: the PR comment.
	md, _, code := runCLI(t, repo, "diff", baseJSON, headJSON, "--format", "markdown")
	if code != ExitOK {
		t.Fatalf("diff markdown: exit %d", code)
	}
	mustContain(t, "markdown", md,
		"### plancheck: plan coverage",
		"**2 articles changed (1 added): +",
		"| `articles/plan-leak.txt` | **+ new** | 4 | nato |",
		"`articles/territory.txt` (added)",
		"<details><summary>Evidence for ",
		"`articles/plan-leak.txt:4` point 4 (nato): “",
		"dialogue between Russia and NATO",
	)
	if strings.Contains(md, "control.txt") || strings.Contains(md, "− lost") {
		t.Errorf("markdown lists the control article or a lost point:\n%s", md)
	}

	// GitHub annotations point at the changed lines of the head files.
	gh, _, _ := runCLI(t, repo, "diff", baseJSON, headJSON, "--format", "github")
	mustContain(t, "github", gh, "::notice file=articles/plan-leak.txt,line=4,title=plancheck%3A point 4 (nato) newly mentioned::")

	// Exit codes with --fail-on.
	for _, tc := range []struct {
		failOn string
		code   int
	}{{"new", ExitChanges}, {"lost", ExitOK}, {"none", ExitOK}, {"lost,new", ExitChanges}} {
		_, stderr, code := runCLI(t, repo, "diff", baseJSON, headJSON, "--fail-on", tc.failOn, "-q")
		if code != tc.code {
			t.Errorf("--fail-on %s: exit %d, want %d: %s", tc.failOn, code, tc.code, stderr)
		}
	}

	// The same in one step, and with the base worktree scored on the spot.
	if _, stderr, code := runCLI(t, repo, "score", "--baseline", baseJSON, "articles", "--fail-on", "new", "-f", "markdown"); code != ExitChanges {
		t.Errorf("score --baseline: exit %d: %s", code, stderr)
	}
	out, stderr, code = runCLI(t, repo, "diff", filepath.Join(base, "articles"), "articles", "--format", "json", "--fail-on", "new")
	if code != ExitChanges {
		t.Fatalf("diff of folders: exit %d: %s", code, stderr)
	}
	var onSpot diff.Changes
	if err := json.Unmarshal([]byte(out), &onSpot); err != nil {
		t.Fatal(err)
	}
	if onSpot.Stats != c.Stats || len(onSpot.Articles) != len(c.Articles) || onSpot.Articles[0].Path != c.Articles[0].Path {
		t.Errorf("folders scored on the spot: %+v, reports: %+v", onSpot.Stats, c.Stats)
	}
}

func hasPoint(refs []diff.PointRef, point int) bool {
	for _, r := range refs {
		if r.Point == point {
			return true
		}
	}
	return false
}
