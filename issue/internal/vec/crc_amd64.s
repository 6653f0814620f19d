//go:build amd64 && !purego

#include "textflag.h"

// func crc32cSSE42(p *byte, n int) uint32
//
// The CRC-32C (Castagnoli) of the n bytes at p, by the processor's CRC32
// instruction: eight bytes at a time, then four, two and one. It reads
// only those bytes.
TEXT ·crc32cSSE42(SB), NOSPLIT, $0-20
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), CX
	MOVL $0xffffffff, AX

loop8:
	CMPQ   CX, $8
	JB     tail4
	CRC32Q (SI), AX
	ADDQ   $8, SI
	SUBQ   $8, CX
	JMP    loop8

tail4:
	CMPQ   CX, $4
	JB     tail2
	CRC32L (SI), AX
	ADDQ   $4, SI
	SUBQ   $4, CX

tail2:
	CMPQ   CX, $2
	JB     tail1
	CRC32W (SI), AX
	ADDQ   $2, SI
	SUBQ   $2, CX

tail1:
	TESTQ  CX, CX
	JZ     done
	CRC32B (SI), AX

done:
	NOTL AX
	MOVL AX, ret+16(FP)
	RET
