package shelf

import "syscall"

// pseudoFS names the file systems whose files are not files but views of
// the kernel (or are endless, or block when read: /proc/kmsg), by their
// statfs magic number. A shelf walk never descends into them.
var pseudoFS = map[int64]string{
	0x9fa0:     "proc",
	0x62656572: "sysfs",
	0x1cd1:     "devpts",
	0x27e0eb:   "cgroup",
	0x63677270: "cgroup2",
	0x64626720: "debugfs",
	0x74726163: "tracefs",
	0x73636673: "securityfs",
	0xcafe4a11: "bpf",
	0x6165676c: "pstore",
	0x62656570: "configfs",
	0x65735543: "fusectl",
	0x958458f6: "hugetlbfs",
	0x19800202: "mqueue",
	0x42494e4d: "binfmt_misc",
	0x0187:     "autofs",
	0xde5e81e4: "efivarfs",
	0xf97cff8c: "selinuxfs",
	0x6e736673: "nsfs",
	0x50495045: "pipefs",
	0x534f434b: "sockfs",
}

// pseudoFSOf returns the name of the pseudo file system that the folder
// path is on, or "" for a file system of files (or when it cannot tell).
func pseudoFSOf(path string) string {
	var st syscall.Statfs_t
	if syscall.Statfs(path, &st) != nil {
		return ""
	}
	return pseudoFS[int64(st.Type)]
}
