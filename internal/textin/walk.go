package textin

import (
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// DefaultExtensions are the article extensions Walk looks for in folders.
var DefaultExtensions = []string{".txt", ".md", ".markdown", ".html", ".htm"}

// WalkOptions controls Walk and Paths.
type WalkOptions struct {
	// Include, when not empty, keeps only files that match one of these
	// globs; Exclude drops files and whole folders that match one. A glob
	// is matched against the slash-separated path relative to the root
	// folder and against the base name; "**" matches any number of path
	// segments ("drafts/**", "**/2025-*.md"). Neither applies to a root
	// given as a file: a path named on the command line is always read.
	Include, Exclude []string
	// Extensions are the file extensions taken from folders, matched
	// without regard to case, with or without the dot; empty means
	// DefaultExtensions.
	Extensions []string
}

// Walk calls fn for each article path under roots, in order: roots as
// given, and in each folder its entries in lexical order, depth first. A
// root that is a file is passed as given, whatever its extension, and so
// is "-" (standard input, which Load reads). A folder
// is searched recursively for files with article extensions, skipping dot
// files and folders and node_modules; symlinks are followed, each folder at
// most once. Problems come as fn(path, err) with err an *InputError, and
// the walk goes on: a missing root, a folder with no articles, an
// unreadable subfolder, a symlink loop. Paths are streamed as found.
func Walk(roots []string, opts WalkOptions, fn func(path string, err error)) {
	for p, err := range Paths(roots, opts) {
		fn(p, err)
	}
}

// Paths is Walk as an iterator; breaking out of the loop stops the walk.
func Paths(roots []string, opts WalkOptions) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		w, err := newWalker(opts, yield)
		if err != nil {
			yield(err.Path, err)
			return
		}
		for _, r := range roots {
			if !w.root(r) {
				return
			}
		}
	}
}

type walker struct {
	include, exclude []glob
	exts             []string
	filtered         bool
	yield            func(string, error) bool
	visited          dirSet
}

func newWalker(opts WalkOptions, yield func(string, error) bool) (*walker, *InputError) {
	w := &walker{yield: yield, filtered: len(opts.Include)+len(opts.Exclude) > 0}
	var err *InputError
	if w.include, err = compileGlobs(opts.Include, "--include"); err != nil {
		return nil, err
	}
	if w.exclude, err = compileGlobs(opts.Exclude, "--exclude"); err != nil {
		return nil, err
	}
	exts := opts.Extensions
	if len(exts) == 0 {
		exts = DefaultExtensions
	}
	for _, e := range exts {
		e = strings.ToLower(strings.TrimSpace(e))
		if e == "" {
			continue
		}
		if e[0] != '.' {
			e = "." + e
		}
		w.exts = append(w.exts, e)
	}
	return w, nil
}

// root walks one root; it returns false when the consumer stopped.
func (w *walker) root(root string) bool {
	if root == "-" { // standard input, for Load
		return w.yield(root, nil)
	}
	fi, err := os.Stat(root)
	if err != nil {
		return w.yield(root, fsErr(root, err))
	}
	if !fi.IsDir() {
		return w.yield(root, nil)
	}
	found := 0
	id, _ := fileID(fi)
	anc := []ancestor{{id: id, fi: fi, path: root}}
	w.visited.add(id, fi)
	if !w.dir(root, "", anc, &found) {
		return false
	}
	if found == 0 {
		return w.yield(root, &InputError{Path: root, Msg: w.noArticlesMsg(), err: ErrNoArticles})
	}
	return true
}

type ancestor struct {
	id   dirID
	fi   fs.FileInfo
	path string
}

// dir walks the folder at p (rel is its slash path relative to the root,
// "" for the root); anc are the folders from the root down to p.
func (w *walker) dir(p, rel string, anc []ancestor, found *int) bool {
	entries, err := os.ReadDir(p)
	if err != nil {
		if !w.yield(p, fsErr(p, err)) {
			return false
		}
		// ReadDir may return the entries it read before the error.
	}
	for _, e := range entries {
		name := e.Name()
		if name[0] == '.' {
			continue
		}
		child := filepath.Join(p, name)
		crel := name
		if rel != "" {
			crel = rel + "/" + name
		}
		typ := e.Type()
		var fi fs.FileInfo
		if typ&fs.ModeSymlink != 0 {
			fi, err = os.Stat(child)
			if err != nil {
				// A broken link matters only if it looks like an article.
				if w.wanted(name, crel) {
					if !w.yield(child, fsErr(child, err)) {
						return false
					}
				}
				continue
			}
			typ = fi.Mode().Type()
		}
		switch {
		case typ.IsDir():
			if name == "node_modules" || w.excluded(name, crel) {
				continue
			}
			if fi == nil {
				if fi, err = e.Info(); err != nil {
					if !w.yield(child, fsErr(child, err)) {
						return false
					}
					continue
				}
			}
			id, _ := fileID(fi)
			if a := findAncestor(anc, id, fi); a != nil {
				msg := "symlink loop: leads back to " + a.path
				if !w.yield(child, &InputError{Path: child, Msg: msg, err: ErrLoop}) {
					return false
				}
				continue
			}
			if e.Type()&fs.ModeSymlink != 0 && w.visited.has(id, fi) {
				// A symlink to a folder walked already: follow it once only.
				continue
			}
			w.visited.add(id, fi)
			if !w.dir(child, crel, append(anc, ancestor{id, fi, child}), found) {
				return false
			}
		case typ.IsRegular():
			if w.wanted(name, crel) {
				*found++
				if !w.yield(child, nil) {
					return false
				}
			}
		}
	}
	return true
}

// wanted reports whether a file found in a folder is an article to load.
func (w *walker) wanted(name, rel string) bool {
	if !w.hasExt(name) || w.excluded(name, rel) {
		return false
	}
	if len(w.include) == 0 {
		return true
	}
	for _, g := range w.include {
		if g.match(rel, name) {
			return true
		}
	}
	return false
}

func (w *walker) hasExt(name string) bool {
	ext := filepath.Ext(name)
	for _, e := range w.exts {
		if strings.EqualFold(ext, e) {
			return true
		}
	}
	return false
}

func (w *walker) excluded(name, rel string) bool {
	for _, g := range w.exclude {
		if g.match(rel, name) {
			return true
		}
	}
	return false
}

func (w *walker) noArticlesMsg() string {
	var list string
	if sameExts(w.exts, DefaultExtensions) {
		list = ".txt, .md, .html"
	} else {
		list = strings.Join(w.exts, ", ")
	}
	msg := "no articles (" + list + ") found in folder"
	if w.filtered {
		msg += " (with --include/--exclude)"
	}
	return msg
}

func sameExts(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// findAncestor returns the ancestor folder that is the same folder as fi.
func findAncestor(anc []ancestor, id dirID, fi fs.FileInfo) *ancestor {
	for i := range anc {
		if id.ok && anc[i].id.ok {
			if id == anc[i].id {
				return &anc[i]
			}
		} else if os.SameFile(fi, anc[i].fi) {
			return &anc[i]
		}
	}
	return nil
}

// dirSet is the set of folders walked so far.
type dirSet struct {
	ids  map[dirID]struct{}
	list []fs.FileInfo // where the platform has no device and inode numbers
}

func (s *dirSet) add(id dirID, fi fs.FileInfo) {
	if id.ok {
		if s.ids == nil {
			s.ids = make(map[dirID]struct{})
		}
		s.ids[id] = struct{}{}
		return
	}
	s.list = append(s.list, fi)
}

func (s *dirSet) has(id dirID, fi fs.FileInfo) bool {
	if id.ok {
		_, ok := s.ids[id]
		return ok
	}
	for _, v := range s.list {
		if os.SameFile(v, fi) {
			return true
		}
	}
	return false
}

// glob is a compiled Include/Exclude pattern.
type glob struct {
	segs     []string
	anchored bool // has a "/": matched against the relative path only
}

func compileGlobs(pats []string, flag string) ([]glob, *InputError) {
	var out []glob
	for _, p := range pats {
		q := filepath.ToSlash(strings.TrimSpace(p))
		q = strings.TrimPrefix(q, "./")
		q = strings.TrimPrefix(q, "/")
		q = strings.TrimSuffix(q, "/")
		if q == "" {
			continue
		}
		g := glob{segs: strings.Split(q, "/"), anchored: strings.Contains(q, "/")}
		for _, s := range g.segs {
			if _, err := path.Match(s, ""); err != nil {
				return nil, &InputError{Path: p, Msg: "bad glob pattern (" + flag + ")", err: err}
			}
		}
		out = append(out, g)
	}
	return out, nil
}

// match matches the glob against a relative slash path and its base name.
func (g glob) match(rel, base string) bool {
	if !g.anchored && len(g.segs) == 1 && g.segs[0] != "**" {
		ok, _ := path.Match(g.segs[0], base)
		return ok
	}
	return matchSegs(g.segs, strings.Split(rel, "/"))
}

// CheckGlob reports whether pattern is a valid Include/Exclude glob.
func CheckGlob(pattern string) error {
	_, err := compileGlobs([]string{pattern}, "glob")
	if err != nil {
		return err
	}
	return nil
}

func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			pat = pat[1:]
			if len(pat) == 0 {
				return true
			}
			for i := 0; i <= len(name); i++ {
				if matchSegs(pat, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}
