//go:build unix

package textin

import (
	"io"
	"io/fs"
	"syscall"
)

// readFile reads the file at path whole, refusing it before reading when
// fstat shows it is over max bytes (max < 0: no limit).
//
// It calls the system directly: os.Open would also try to register the
// file with the runtime's poller (four fcntl and a failing epoll_ctl for a
// regular file), and reading to EOF costs a second read. For a regular
// file this is open, fstat, one read of the size fstat gave, and close;
// anything else (pipes, devices, files whose size fstat does not know, as
// in /proc) is read to EOF.
func readFile(path string, max int64) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, fsErr(path, &fs.PathError{Op: "open", Path: path, Err: err})
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, fsErr(path, &fs.PathError{Op: "stat", Path: path, Err: err})
	}
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return nil, &InputError{Path: path, Msg: "is a directory", err: syscall.EISDIR}
	case syscall.S_IFREG:
		size := int64(st.Size)
		if err := checkSize(path, size, max); err != nil {
			return nil, err
		}
		if size > 0 {
			buf := make([]byte, size)
			n, err := io.ReadFull(fdReader(fd), buf)
			if err == nil {
				// As many bytes as fstat said: the end of the file,
				// unless it grew since, which a second read would only
				// race with anyway.
				return buf, nil
			}
			if err != io.ErrUnexpectedEOF {
				return nil, fsErr(path, &fs.PathError{Op: "read", Path: path, Err: err})
			}
			return buf[:n], nil // shrank since fstat
		}
	}
	data, err := readLimited(fdReader(fd), 64<<10, max)
	if err != nil {
		return nil, readErr(path, err, max)
	}
	return data, nil
}

// fdReader reads a file descriptor, retrying on EINTR.
type fdReader int

func (r fdReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for {
		n, err := syscall.Read(int(r), p)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, err
		}
		if n == 0 {
			return 0, io.EOF
		}
		return n, nil
	}
}
