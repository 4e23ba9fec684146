//go:build unix

package textin

import (
	"io/fs"
	"syscall"
)

// dirID identifies a folder by device and inode, when the platform has
// them; ok is false otherwise, and os.SameFile is used instead.
type dirID struct {
	dev, ino uint64
	ok       bool
}

func fileID(fi fs.FileInfo) (dirID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return dirID{}, false
	}
	return dirID{dev: uint64(st.Dev), ino: uint64(st.Ino), ok: true}, true
}
