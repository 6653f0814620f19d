package shelf

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// readFolder returns the entries of the folder at abs sorted by name, as
// os.ReadDir does, and what the walk keeps of each regular file not
// hidden (ok unset for the others): asked of the folder's own descriptor
// (fstatat), which spares the kernel the path of every file.
func readFolder(abs string) ([]fs.DirEntry, []fileStat, error) {
	f, err := os.Open(abs)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	ents, err := f.ReadDir(-1)
	if err != nil {
		return nil, nil, err
	}
	slices.SortFunc(ents, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	stats := make([]fileStat, len(ents))
	conn, err := f.SyscallConn()
	if err != nil {
		return ents, nil, nil
	}
	_ = conn.Control(func(fd uintptr) {
		var st unix.Stat_t
		for i, d := range ents {
			if !d.Type().IsRegular() || strings.HasPrefix(d.Name(), ".") {
				continue
			}
			if unix.Fstatat(int(fd), d.Name(), &st, unix.AT_SYMLINK_NOFOLLOW) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
				continue // asked again by its path, which says why
			}
			// The fields' types differ between platforms (int32 on some).
			stats[i] = fileStat{
				ok:      true,
				size:    int64(st.Size),                                     //nolint:unconvert
				modTime: time.Unix(int64(st.Mtim.Sec), int64(st.Mtim.Nsec)), //nolint:unconvert
				inode:   uint64(st.Ino),                                     //nolint:unconvert
				ctime:   st.Ctim.Nano(),
			}
		}
	})
	return ents, stats, nil
}
