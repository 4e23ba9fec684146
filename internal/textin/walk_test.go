package textin

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// tree makes files (and folders, for names ending in "/") under a new
// temporary folder and returns it.
func tree(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if strings.HasSuffix(n, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		writeFile(t, dir, filepath.FromSlash(n), []byte("text of "+n))
	}
	return dir
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks not available: %v", err)
	}
}

// collect runs Walk and returns "path" or "path: error" lines, with dir
// replaced by "ROOT".
func collect(dir string, roots []string, opts WalkOptions) []string {
	var out []string
	Walk(roots, opts, func(p string, err error) {
		s := filepath.ToSlash(strings.Replace(p, dir, "ROOT", 1))
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Path != p {
				s += " (not an InputError for this path)"
			}
			s += " ! " + filepath.ToSlash(strings.ReplaceAll(ie.Msg, dir, "ROOT"))
		}
		out = append(out, s)
	})
	return out
}

func checkWalk(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("walk:\n%s\n--- want:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWalkOrderAndFilters(t *testing.T) {
	dir := tree(t,
		"b.txt", "a.md", "c.html", "d.htm", "e.markdown", "f.TXT", "image.png", "notes.log",
		"sub/z.txt", "sub/a.txt", "sub/deeper/m.md", "sub2/x.txt", "a-sub/y.txt",
		".git/HEAD.txt", ".hidden/h.txt", ".dotfile.txt", "node_modules/pkg/readme.md",
		"drafts/d1.txt", "drafts/keep/d2.txt", "2025-11/plan.md", "empty/",
	)
	root := dir + string(filepath.Separator)
	tests := []struct {
		name string
		opts WalkOptions
		want []string
	}{
		{"defaults: lexical, recursive, known extensions, dot dirs skipped", WalkOptions{}, []string{
			"ROOT/2025-11/plan.md", "ROOT/a-sub/y.txt", "ROOT/a.md", "ROOT/b.txt", "ROOT/c.html", "ROOT/d.htm",
			"ROOT/drafts/d1.txt", "ROOT/drafts/keep/d2.txt", "ROOT/e.markdown", "ROOT/f.TXT",
			"ROOT/sub/a.txt", "ROOT/sub/deeper/m.md", "ROOT/sub/z.txt", "ROOT/sub2/x.txt",
		}},
		{"exclude folder by name prunes it", WalkOptions{Exclude: []string{"drafts"}}, []string{
			"ROOT/2025-11/plan.md", "ROOT/a-sub/y.txt", "ROOT/a.md", "ROOT/b.txt", "ROOT/c.html", "ROOT/d.htm",
			"ROOT/e.markdown", "ROOT/f.TXT", "ROOT/sub/a.txt", "ROOT/sub/deeper/m.md", "ROOT/sub/z.txt", "ROOT/sub2/x.txt",
		}},
		{"exclude with ** and base-name globs", WalkOptions{Exclude: []string{"drafts/**", "*.htm*", "sub/**/*.md"}}, []string{
			"ROOT/2025-11/plan.md", "ROOT/a-sub/y.txt", "ROOT/a.md", "ROOT/b.txt",
			"ROOT/e.markdown", "ROOT/f.TXT", "ROOT/sub/a.txt", "ROOT/sub/z.txt", "ROOT/sub2/x.txt",
		}},
		{"include by base name", WalkOptions{Include: []string{"*.md"}}, []string{
			"ROOT/2025-11/plan.md", "ROOT/a.md", "ROOT/sub/deeper/m.md",
		}},
		{"include by relative path with **", WalkOptions{Include: []string{"sub/**"}}, []string{
			"ROOT/sub/a.txt", "ROOT/sub/deeper/m.md", "ROOT/sub/z.txt",
		}},
		{"include **/ at any depth, exclude wins", WalkOptions{Include: []string{"**/d*.txt"}, Exclude: []string{"keep"}}, []string{
			"ROOT/drafts/d1.txt",
		}},
		{"anchored pattern", WalkOptions{Include: []string{"/2025-*/*.md"}}, []string{
			"ROOT/2025-11/plan.md",
		}},
		{"custom extensions, with or without dot", WalkOptions{Extensions: []string{"log", ".PNG"}}, []string{
			"ROOT/image.png", "ROOT/notes.log",
		}},
		{"nothing left after filters", WalkOptions{Include: []string{"*.rst"}}, []string{
			"ROOT/ ! no articles (.txt, .md, .html) found in folder (with --include/--exclude)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if strings.HasPrefix(want[0], "ROOT/ !") { // the root as given
				want = []string{strings.Replace(want[0], "ROOT/", "ROOT"+string(filepath.Separator), 1)}
				want[0] = filepath.ToSlash(want[0])
			}
			checkWalk(t, collect(dir, []string{root}, tt.opts), want...)
		})
	}
}

func TestWalkRoots(t *testing.T) {
	dir := tree(t, "a/1.txt", "a/2.txt", "b/3.md", "loose.dat", "empty/", "onlyjunk/x.png")
	in := func(p string) string { return filepath.Join(dir, p) }
	t.Run("roots in the order given; a file root or - is kept whatever its extension", func(t *testing.T) {
		got := collect(dir, []string{in("b"), in("loose.dat"), "-", in("a")}, WalkOptions{Exclude: []string{"*.dat"}})
		checkWalk(t, got, "ROOT/b/3.md", "ROOT/loose.dat", "-", "ROOT/a/1.txt", "ROOT/a/2.txt")
	})
	t.Run("missing root, empty folder, folder without articles", func(t *testing.T) {
		got := collect(dir, []string{in("missing"), in("empty"), in("onlyjunk"), in("a/1.txt")}, WalkOptions{})
		checkWalk(t, got,
			"ROOT/missing ! no such file or directory",
			"ROOT/empty ! no articles (.txt, .md, .html) found in folder",
			"ROOT/onlyjunk ! no articles (.txt, .md, .html) found in folder",
			"ROOT/a/1.txt")
	})
	t.Run("custom extensions are listed in the message", func(t *testing.T) {
		got := collect(dir, []string{in("empty")}, WalkOptions{Extensions: []string{".rst", ".adoc"}})
		checkWalk(t, got, "ROOT/empty ! no articles (.rst, .adoc) found in folder")
	})
	t.Run("relative root gives relative paths", func(t *testing.T) {
		t.Chdir(dir)
		var got []string
		Walk([]string{"a/", "./b"}, WalkOptions{}, func(p string, err error) {
			got = append(got, filepath.ToSlash(p))
		})
		checkWalk(t, got, "a/1.txt", "a/2.txt", "b/3.md")
	})
	t.Run("errors match ErrNoArticles and fs.ErrNotExist", func(t *testing.T) {
		var errs []error
		Walk([]string{in("missing"), in("empty")}, WalkOptions{}, func(p string, err error) { errs = append(errs, err) })
		if len(errs) != 2 || !errors.Is(errs[0], os.ErrNotExist) || !errors.Is(errs[1], ErrNoArticles) {
			t.Errorf("errors = %v", errs)
		}
	})
}

func TestWalkSymlinks(t *testing.T) {
	dir := tree(t, "real/a.txt", "real/inner/b.txt", "other/c.txt")
	in := func(p string) string { return filepath.Join(dir, p) }
	symlink(t, in("real"), in("real/inner/loop"))          // points back to an ancestor
	symlink(t, "../other", in("real/linked"))              // a folder not yet walked
	symlink(t, in("other"), in("real/zz-again"))           // the same folder again
	symlink(t, in("other/c.txt"), in("real/file-link.md")) // a symlinked file
	symlink(t, in("nowhere.txt"), in("real/broken.txt"))   // a dangling link that looks like an article
	symlink(t, in("nowhere"), in("real/broken-dir"))       // a dangling link that does not

	got := collect(dir, []string{in("real")}, WalkOptions{})
	checkWalk(t, got,
		"ROOT/real/a.txt",
		"ROOT/real/broken.txt ! no such file or directory",
		"ROOT/real/file-link.md",
		"ROOT/real/inner/b.txt",
		"ROOT/real/inner/loop ! symlink loop: leads back to ROOT/real",
		"ROOT/real/linked/c.txt",
	)

	t.Run("self loop and mutual loops terminate", func(t *testing.T) {
		d := tree(t, "x/a.txt", "y/b.txt")
		symlink(t, filepath.Join(d, "y"), filepath.Join(d, "x", "to-y"))
		symlink(t, filepath.Join(d, "x"), filepath.Join(d, "y", "to-x"))
		symlink(t, ".", filepath.Join(d, "x", "self"))
		got := collect(d, []string{filepath.Join(d, "x")}, WalkOptions{})
		checkWalk(t, got,
			"ROOT/x/a.txt",
			"ROOT/x/self ! symlink loop: leads back to ROOT/x",
			"ROOT/x/to-y/b.txt",
			"ROOT/x/to-y/to-x ! symlink loop: leads back to ROOT/x",
		)
	})

	t.Run("a root that is a symlink to a folder is walked", func(t *testing.T) {
		link := filepath.Join(t.TempDir(), "seeds")
		symlink(t, in("other"), link)
		var got []string
		Walk([]string{link}, WalkOptions{}, func(p string, err error) { got = append(got, p) })
		if len(got) != 1 || got[0] != filepath.Join(link, "c.txt") {
			t.Errorf("got %q", got)
		}
	})
}

func TestWalkUnreadableFolder(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("permissions are not enforced here")
	}
	dir := tree(t, "a.txt", "locked/b.txt", "z.txt")
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	got := collect(dir, []string{dir}, WalkOptions{})
	checkWalk(t, got, "ROOT/a.txt", "ROOT/locked ! permission denied", "ROOT/z.txt")
}

func TestPathsStopsEarly(t *testing.T) {
	dir := t.TempDir()
	for i := range 50 {
		writeFile(t, dir, fmt.Sprintf("d%02d/%03d.txt", i%5, i), []byte("x"))
	}
	n := 0
	for p, err := range Paths([]string{dir, dir}, WalkOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 && p != filepath.Join(dir, "d00", "000.txt") {
			t.Errorf("first path %q", p)
		}
		n++
		if n == 7 {
			break // the iterator must not call yield again (it would panic)
		}
	}
	if n != 7 {
		t.Errorf("got %d paths", n)
	}
}

func TestWalkBadGlob(t *testing.T) {
	var got []string
	Walk([]string{t.TempDir()}, WalkOptions{Exclude: []string{"[abc"}}, func(p string, err error) {
		got = append(got, fmt.Sprint(p, " | ", err))
	})
	checkWalk(t, got, "[abc | [abc: bad glob pattern (--exclude)")
	if CheckGlob("[abc") == nil || CheckGlob("**/a*.md") != nil {
		t.Error("CheckGlob")
	}
}

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pat, rel string
		want     bool
	}{
		{"*.txt", "a.txt", true},
		{"*.txt", "sub/a.txt", true}, // base name
		{"*.txt", "a.md", false},
		{"sub/*.txt", "sub/a.txt", true},
		{"sub/*.txt", "sub/x/a.txt", false},
		{"sub/*.txt", "other/sub/a.txt", false},
		{"**/*.txt", "a.txt", true},
		{"**/*.txt", "x/y/z/a.txt", true},
		{"sub/**", "sub", true},
		{"sub/**", "sub/x/y.txt", true},
		{"sub/**", "subway/x.txt", false},
		{"**/drafts/**", "a/drafts/b/c.txt", true},
		{"**/drafts/**", "a/draft/c.txt", false},
		{"a/**/b.txt", "a/b.txt", true},
		{"a/**/b.txt", "a/x/y/b.txt", true},
		{"**", "anything/at/all", true},
		{"20??-*", "2025-11", true},
		{"./sub/a.txt", "sub/a.txt", true},
		{"sub/", "sub", true},
		{"[ab].md", "b.md", true},
	}
	for _, tt := range tests {
		gs, err := compileGlobs([]string{tt.pat}, "--include")
		if err != nil {
			t.Fatal(err)
		}
		if got := gs[0].match(tt.rel, filepath.Base(tt.rel)); got != tt.want {
			t.Errorf("glob %q on %q = %v, want %v", tt.pat, tt.rel, got, tt.want)
		}
	}
}

// A large folder streams: the first path arrives before later folders are
// read, and memory does not grow with the number of files.
func TestWalkManyFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("makes 10,000 files")
	}
	dir := t.TempDir()
	for i := range 10000 {
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i/500))
		if i%500 == 0 {
			if err := os.Mkdir(sub, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%05d.txt", i)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak uint64
	n := 0
	prev := ""
	Walk([]string{dir}, WalkOptions{}, func(p string, err error) {
		if err != nil {
			t.Fatal(err)
		}
		if p <= prev {
			t.Fatalf("out of order: %q after %q", p, prev)
		}
		prev = p
		n++
		if n%1000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	})
	if n != 10000 {
		t.Fatalf("walked %d files", n)
	}
	// Entries of one 500-file folder at a time, not 10,000 paths.
	t.Logf("heap growth %d bytes", int64(peak)-int64(base))
	if peak > base+256<<10 {
		t.Errorf("heap grew by %d bytes while walking", peak-base)
	}
}
