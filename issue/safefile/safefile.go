// Package safefile opens and reads files so that a hostile or odd file
// can neither block dubao nor fill its memory.
//
// Open never waits for a writer (a named pipe is opened without blocking)
// and is for issues, which may come from a pipe (<(cmd), /dev/stdin).
// ReadSmall is for the files dubao keeps for itself — the configuration,
// the reading state, the shelf cache's index: it reads only a regular
// file, and only up to a size cap (MaxSmall), so that a link to /dev/zero
// or a named pipe in their place is a one-line error naming the file.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// MaxSmall is the size cap of ReadSmall with limit 0: no configuration,
// state or index file of dubao comes near it.
const MaxSmall = 16 << 20

// ErrNotRegular is wrapped by the error for a file that is not a regular
// file (a named pipe, a device, a socket, a folder) where one is needed.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by the error for a file over the size cap.
var ErrTooLarge = errors.New("too large")

// ErrNoWriter is wrapped by the error for a named pipe that nothing
// writes to.
var ErrNoWriter = errors.New("a named pipe with no writer")

// Kind names what kind of file mode is, for messages: "a named pipe", "a
// device", "a socket", "a folder"; "" for a regular file.
func Kind(mode fs.FileMode) string { return kindNames[kindOf(mode)][0] }

// KindChinese is Kind in Chinese: "文件夹", "命名管道", "字符设备",
// "块设备", "套接字", "符号链接", "特殊文件"; "" for a regular file.
func KindChinese(mode fs.FileMode) string { return kindNames[kindOf(mode)][1] }

// kindNames are the names of the kinds of file kindOf tells, in English
// and in Chinese.
var kindNames = [...][2]string{
	{"", ""},
	{"a folder", "文件夹"},
	{"a named pipe", "命名管道"},
	{"a character device", "字符设备"},
	{"a block device", "块设备"},
	{"a socket", "套接字"},
	{"a symbolic link", "符号链接"},
	{"a special file", "特殊文件"},
}

// kindOf tells the kind of file mode is: its index in kindNames.
func kindOf(mode fs.FileMode) int {
	switch {
	case mode.IsRegular():
		return 0
	case mode.IsDir():
		return 1
	case mode&fs.ModeNamedPipe != 0:
		return 2
	case mode&fs.ModeCharDevice != 0:
		return 3
	case mode&fs.ModeDevice != 0:
		return 4
	case mode&fs.ModeSocket != 0:
		return 5
	case mode&fs.ModeSymlink != 0:
		return 6
	}
	return 7
}

// notRegular is the error for name, which is the special file mode.
func notRegular(name string, mode fs.FileMode) error {
	return &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("%w (%s)", ErrNotRegular, Kind(mode))}
}

// Open opens name for reading without ever blocking: a named pipe with no
// writer is opened at once (reading it then gives nothing; see
// ReadErr), where os.Open would wait for a writer forever.
func Open(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
}

// NothingRead returns the error for f, from which nothing could be read:
// ErrNoWriter (wrapped, naming the file) when it is a named pipe, else
// nil.
func NothingRead(f *os.File) error {
	if info, err := f.Stat(); err == nil && info.Mode()&fs.ModeNamedPipe != 0 {
		return &fs.PathError{Op: "read", Path: f.Name(), Err: ErrNoWriter}
	}
	return nil
}

// ReadSmall reads the regular file name whole, refusing one over limit
// bytes (0: MaxSmall) and any file that is not a regular file (a link is
// followed): the error is an *fs.PathError naming the file and wrapping
// ErrNotRegular or ErrTooLarge. A missing file gives an error that wraps
// fs.ErrNotExist, as os.ReadFile's does.
func ReadSmall(name string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = MaxSmall
	}
	// Stat first: a named pipe or a device is refused without being opened
	// (opening a tape drive or a terminal has effects of its own).
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, notRegular(name, info.Mode())
	}
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may have been replaced since: check what was opened.
	if info, err = f.Stat(); err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, notRegular(name, info.Mode())
	}
	if info.Size() > limit {
		return nil, tooLarge(name, limit)
	}
	data := make([]byte, 0, info.Size()+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, tooLarge(name, limit)
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// tooLarge is the error for name, larger than limit bytes.
func tooLarge(name string, limit int64) error {
	return &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("%w (over %d MB, the limit for this file)", ErrTooLarge, limit>>20)}
}
