// Package atomicfile writes a file whole or not at all: the content goes
// to a temporary file in the target's folder, and only Commit puts it in
// place, by renaming it over the target. A reader of the target sees the
// old content or the new, never a part.
//
// Usage:
//
//	f, err := atomicfile.Create(path)
//	if err != nil { ... }
//	defer f.Abort() // no-op after a successful Commit
//	if err := write(f); err != nil { return err }
//	return f.Commit()
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// DefaultMode is the mode a new file gets; a file that is replaced keeps
// its own mode.
const DefaultMode fs.FileMode = 0o644

// File is a file being written; it becomes path on Commit.
type File struct {
	tmp  *os.File
	path string
	done bool
}

// Create starts writing path. The folder must exist; path itself need not.
func Create(path string) (*File, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if base == "" {
		return nil, fmt.Errorf("atomicfile: %q names a folder", path)
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, err
	}
	return &File{tmp: tmp, path: path}, nil
}

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) {
	if f.done {
		return 0, os.ErrClosed
	}
	return f.tmp.Write(p)
}

// Name returns the path the file is committed to.
func (f *File) Name() string { return f.path }

// Commit flushes the content to disk and renames it over the target
// path. The file gets the mode of the file it replaces, or DefaultMode.
// On error the temporary file is removed and the target is unchanged.
func (f *File) Commit() (err error) {
	if f.done {
		return errors.New("atomicfile: Commit after Commit or Abort")
	}
	f.done = true
	defer func() {
		if err != nil {
			f.tmp.Close()
			os.Remove(f.tmp.Name())
		}
	}()
	mode := DefaultMode
	if fi, err := os.Stat(f.path); err == nil && fi.Mode().IsRegular() {
		mode = fi.Mode().Perm()
	}
	if err := f.tmp.Chmod(mode); err != nil {
		return err
	}
	if err := f.tmp.Sync(); err != nil {
		return err
	}
	if err := f.tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.tmp.Name(), f.path); err != nil {
		return err
	}
	syncDir(filepath.Dir(f.path))
	return nil
}

// Abort discards what was written and leaves the target as it was. It is
// a no-op after Commit or Abort, so it can be deferred.
func (f *File) Abort() error {
	if f.done {
		return nil
	}
	f.done = true
	cerr := f.tmp.Close()
	if err := os.Remove(f.tmp.Name()); err != nil {
		return err
	}
	if cerr != nil && !errors.Is(cerr, os.ErrClosed) {
		return cerr
	}
	return nil
}

// syncDir makes the rename durable where the system allows it; failure
// (some systems cannot sync a folder) does not undo the commit.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
