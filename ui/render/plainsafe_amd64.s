//go:build amd64 && !purego

#include "textflag.h"

// func cleanRunAVX2(p *byte, i, n int) (j, carry int)
//
// From p[i], 32 bytes at a time while i+34 <= n, passes the blocks made
// only of characters lineClean passes: printable ASCII, and three-byte
// characters led by E3-E9, by E2 80 90-A7 and by EF BC-BD, their classes
// compared in vector registers at k, k+1 and k+2 (three loads), leads and
// continuations then checked as masks. It returns the start j of the
// block where it stopped and, in carry, the continuation bytes the block
// must start with (bit 0: byte j, bit 1: byte j+1).
TEXT ·cleanRunAVX2(SB), NOSPLIT, $0-40
	MOVQ p+0(FP), SI
	MOVQ i+8(FP), CX
	MOVQ n+16(FP), DX
	SUBQ $34, DX
	XORL R8, R8

loop:
	CMPQ    CX, DX
	JGT     done
	VMOVDQU (SI)(CX*1), Y0
	VMOVDQU 1(SI)(CX*1), Y1
	VMOVDQU 2(SI)(CX*1), Y2

	// Printable ASCII: above 1F but DEL.
	VPCMPGTB lc1f<>(SB), Y0, Y3
	VPCMPEQB lc7f<>(SB), Y0, Y4
	VPANDN   Y3, Y4, Y3

	// Not a continuation byte.
	VPCMPGTB lcbf<>(SB), Y0, Y4

	// Leads: E3-E9, E2 (Y7), EF (Y8).
	VPCMPGTB lce2<>(SB), Y0, Y5
	VPCMPGTB lce9<>(SB), Y0, Y6
	VPANDN   Y5, Y6, Y5
	VPCMPEQB lce2<>(SB), Y0, Y7
	VPOR     Y7, Y5, Y5
	VPCMPEQB lcef<>(SB), Y0, Y8
	VPOR     Y8, Y5, Y5

	VPMOVMSKB Y3, AX
	VPMOVMSKB Y4, BX
	VPMOVMSKB Y5, DI
	NOTL      BX

	// Every byte printable ASCII, a continuation or a lead.
	MOVL AX, R10
	ORL  BX, R10
	ORL  DI, R10
	CMPL R10, $-1
	JNE  done

	// The continuation bytes are those the leads (and carry) call for.
	MOVL DI, R10
	SHLL $1, R10
	MOVL DI, R11
	SHLL $2, R11
	ORL  R11, R10
	ORL  R8, R10
	CMPL R10, BX
	JNE  done

	// What cannot be: a lead without its continuation bytes (past the
	// block's end too), E2 but E2 80 90-A7, EF but EF BC-BD.
	VPCMPGTB lcbf<>(SB), Y1, Y10
	VPCMPGTB lcbf<>(SB), Y2, Y11
	VPOR     Y11, Y10, Y11
	VPAND    Y5, Y11, Y11
	VPCMPEQB lc80<>(SB), Y1, Y10
	VPCMPGTB lc8f<>(SB), Y2, Y12
	VPCMPGTB lca7<>(SB), Y2, Y13
	VPANDN   Y12, Y13, Y12
	VPAND    Y12, Y10, Y10
	VPANDN   Y7, Y10, Y10
	VPOR     Y10, Y11, Y11
	VPCMPGTB lcbb<>(SB), Y1, Y10
	VPCMPGTB lcbd<>(SB), Y1, Y12
	VPANDN   Y10, Y12, Y10
	VPANDN   Y8, Y10, Y10
	VPOR     Y10, Y11, Y11
	VPTEST   Y11, Y11
	JNZ      done

	// The continuation bytes the next block starts with.
	MOVL DI, R10
	SHRL $30, R10
	MOVL DI, R11
	SHRL $31, R11
	ORL  R11, R10
	MOVL R10, R8
	ADDQ $32, CX
	JMP  loop

done:
	VZEROUPPER
	MOVQ CX, j+24(FP)
	MOVQ R8, carry+32(FP)
	RET

DATA lc1f<>+0(SB)/8, $0x1f1f1f1f1f1f1f1f
DATA lc1f<>+8(SB)/8, $0x1f1f1f1f1f1f1f1f
DATA lc1f<>+16(SB)/8, $0x1f1f1f1f1f1f1f1f
DATA lc1f<>+24(SB)/8, $0x1f1f1f1f1f1f1f1f
GLOBL lc1f<>(SB), RODATA|NOPTR, $32

DATA lc7f<>+0(SB)/8, $0x7f7f7f7f7f7f7f7f
DATA lc7f<>+8(SB)/8, $0x7f7f7f7f7f7f7f7f
DATA lc7f<>+16(SB)/8, $0x7f7f7f7f7f7f7f7f
DATA lc7f<>+24(SB)/8, $0x7f7f7f7f7f7f7f7f
GLOBL lc7f<>(SB), RODATA|NOPTR, $32

DATA lcbf<>+0(SB)/8, $0xbfbfbfbfbfbfbfbf
DATA lcbf<>+8(SB)/8, $0xbfbfbfbfbfbfbfbf
DATA lcbf<>+16(SB)/8, $0xbfbfbfbfbfbfbfbf
DATA lcbf<>+24(SB)/8, $0xbfbfbfbfbfbfbfbf
GLOBL lcbf<>(SB), RODATA|NOPTR, $32

DATA lce2<>+0(SB)/8, $0xe2e2e2e2e2e2e2e2
DATA lce2<>+8(SB)/8, $0xe2e2e2e2e2e2e2e2
DATA lce2<>+16(SB)/8, $0xe2e2e2e2e2e2e2e2
DATA lce2<>+24(SB)/8, $0xe2e2e2e2e2e2e2e2
GLOBL lce2<>(SB), RODATA|NOPTR, $32

DATA lce9<>+0(SB)/8, $0xe9e9e9e9e9e9e9e9
DATA lce9<>+8(SB)/8, $0xe9e9e9e9e9e9e9e9
DATA lce9<>+16(SB)/8, $0xe9e9e9e9e9e9e9e9
DATA lce9<>+24(SB)/8, $0xe9e9e9e9e9e9e9e9
GLOBL lce9<>(SB), RODATA|NOPTR, $32

DATA lcef<>+0(SB)/8, $0xefefefefefefefef
DATA lcef<>+8(SB)/8, $0xefefefefefefefef
DATA lcef<>+16(SB)/8, $0xefefefefefefefef
DATA lcef<>+24(SB)/8, $0xefefefefefefefef
GLOBL lcef<>(SB), RODATA|NOPTR, $32

DATA lc80<>+0(SB)/8, $0x8080808080808080
DATA lc80<>+8(SB)/8, $0x8080808080808080
DATA lc80<>+16(SB)/8, $0x8080808080808080
DATA lc80<>+24(SB)/8, $0x8080808080808080
GLOBL lc80<>(SB), RODATA|NOPTR, $32

DATA lc8f<>+0(SB)/8, $0x8f8f8f8f8f8f8f8f
DATA lc8f<>+8(SB)/8, $0x8f8f8f8f8f8f8f8f
DATA lc8f<>+16(SB)/8, $0x8f8f8f8f8f8f8f8f
DATA lc8f<>+24(SB)/8, $0x8f8f8f8f8f8f8f8f
GLOBL lc8f<>(SB), RODATA|NOPTR, $32

DATA lca7<>+0(SB)/8, $0xa7a7a7a7a7a7a7a7
DATA lca7<>+8(SB)/8, $0xa7a7a7a7a7a7a7a7
DATA lca7<>+16(SB)/8, $0xa7a7a7a7a7a7a7a7
DATA lca7<>+24(SB)/8, $0xa7a7a7a7a7a7a7a7
GLOBL lca7<>(SB), RODATA|NOPTR, $32

DATA lcbb<>+0(SB)/8, $0xbbbbbbbbbbbbbbbb
DATA lcbb<>+8(SB)/8, $0xbbbbbbbbbbbbbbbb
DATA lcbb<>+16(SB)/8, $0xbbbbbbbbbbbbbbbb
DATA lcbb<>+24(SB)/8, $0xbbbbbbbbbbbbbbbb
GLOBL lcbb<>(SB), RODATA|NOPTR, $32

DATA lcbd<>+0(SB)/8, $0xbdbdbdbdbdbdbdbd
DATA lcbd<>+8(SB)/8, $0xbdbdbdbdbdbdbdbd
DATA lcbd<>+16(SB)/8, $0xbdbdbdbdbdbdbdbd
DATA lcbd<>+24(SB)/8, $0xbdbdbdbdbdbdbdbd
GLOBL lcbd<>(SB), RODATA|NOPTR, $32
