package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	return names
}

func TestAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(f, "partial"); err != nil {
		t.Fatal(err)
	}
	if err := f.Abort(); err != nil {
		t.Fatal(err)
	}
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("after Abort the folder holds %v", names)
	}
	if err := f.Abort(); err != nil {
		t.Errorf("second Abort: %v", err)
	}
	if _, err := f.Write([]byte("x")); err == nil {
		t.Error("Write after Abort did not fail")
	}
	if err := f.Commit(); err == nil {
		t.Error("Commit after Abort did not fail")
	}
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("after Commit-after-Abort the folder holds %v", names)
	}
}

func TestAbortKeepsExistingFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, "new")
	f.Abort()
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("content = %q, want old", b)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v, want only out.json", names)
	}
}

func TestCommitCreates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("target exists before Commit: %v", err)
	}
	io.WriteString(f, "hello")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "hello" {
		t.Errorf("content = %q", b)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v, want only out.json", names)
	}
	if runtime.GOOS != "windows" {
		fi, _ := os.Stat(path)
		if fi.Mode().Perm() != DefaultMode {
			t.Errorf("mode = %v, want %v", fi.Mode().Perm(), DefaultMode)
		}
	}
	if err := f.Commit(); err == nil {
		t.Error("second Commit did not fail")
	}
	if err := f.Abort(); err != nil {
		t.Errorf("Abort after Commit: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "hello" {
		t.Errorf("Abort after Commit changed the file: %q", b)
	}
}

func TestCommitReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("an older and longer content"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, "new")
	if b, _ := os.ReadFile(path); string(b) != "an older and longer content" {
		t.Errorf("target changed before Commit: %q", b)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("content = %q, want new", b)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v, want only out.json", names)
	}
	if runtime.GOOS != "windows" {
		fi, _ := os.Stat(path)
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("mode = %v, want the replaced file's 0600", fi.Mode().Perm())
		}
	}
}

func TestCreateRelative(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	f, err := Create("out.csv")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, "a,b\n")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "out.csv")); string(b) != "a,b\n" {
		t.Errorf("content = %q", b)
	}
}

func TestCreateFails(t *testing.T) {
	dir := t.TempDir()
	if _, err := Create(filepath.Join(dir, "missing", "out.json")); err == nil {
		t.Error("Create in a missing folder did not fail")
	}
	if _, err := Create(dir + string(filepath.Separator)); err == nil {
		t.Error("Create of a folder path did not fail")
	}
}

// Committing over a folder fails and leaves no temporary file.
func TestCommitOverFolderFails(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "sub")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(target, "keep"), []byte("x"), 0o644)
	f, err := Create(target)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, "data")
	if err := f.Commit(); err == nil {
		t.Fatal("Commit over a non-empty folder did not fail")
	}
	if names := entries(t, dir); len(names) != 1 || names[0] != "sub" {
		t.Errorf("folder holds %v, want only sub", names)
	}
}
