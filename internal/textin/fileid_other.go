//go:build !unix

package textin

import "io/fs"

// dirID identifies a folder by device and inode, when the platform has
// them; ok is false otherwise, and os.SameFile is used instead.
type dirID struct {
	dev, ino uint64
	ok       bool
}

func fileID(fs.FileInfo) (dirID, bool) { return dirID{}, false }
