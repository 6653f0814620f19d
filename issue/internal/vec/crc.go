package vec

import (
	"hash/crc32"
	"unsafe"
)

// CRC32C returns the CRC-32C (Castagnoli) of s: crc32.Checksum with
// crc32.MakeTable(crc32.Castagnoli). Where the processor has the CRC32
// instruction (SSE 4.2 on amd64) it is asked directly, which for a short
// text (a headline) costs a third of crc32's layers; elsewhere, and in a
// build with the purego tag, crc32 computes it. No table is kept.
func CRC32C(s string) uint32 {
	if hasSSE42 {
		return crc32cSSE42(unsafe.StringData(s), len(s))
	}
	return crc32.Checksum(unsafe.Slice(unsafe.StringData(s), len(s)), crc32.MakeTable(crc32.Castagnoli))
}
