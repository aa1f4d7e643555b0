package store

import "syscall"

// freeBytes is the room left for this process on the file system of dir;
// ok is false when the system does not say.
func freeBytes(dir string) (n int64, ok bool) {
	var fs syscall.Statfs_t
	if err := syscall.Statfs(dir, &fs); err != nil {
		return 0, false
	}
	return int64(fs.Bavail) * fs.Bsize, true
}
