//go:build !unix

package textin

import (
	"os"
	"syscall"
)

// readFile reads the file at path whole, refusing it before reading when
// Stat shows it is over max bytes (max < 0: no limit).
func readFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fsErr(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fsErr(path, err)
	}
	if fi.IsDir() {
		return nil, &InputError{Path: path, Msg: "is a directory", err: syscall.EISDIR}
	}
	hint := int64(64 << 10)
	if fi.Mode().IsRegular() {
		if err := checkSize(path, fi.Size(), max); err != nil {
			return nil, err
		}
		hint = fi.Size() + 1 // +1 to see EOF without growing
	}
	data, err := readLimited(f, hint, max)
	if err != nil {
		return nil, readErr(path, err, max)
	}
	return data, nil
}
