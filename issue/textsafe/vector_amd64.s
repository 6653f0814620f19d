//go:build amd64 && !purego

#include "textflag.h"

// func plainRunAVX2(p *byte, i, n int, set *asciiSet) (j, carry int)
//
// From p[i], 32 bytes at a time while i+34 <= n, passes the blocks whose
// characters are all plain (see PlainRun; the ASCII that passes is set's:
// above 1F but its three excluded bytes, and its kept byte): byte classes are compared in
// AVX2 registers at each place k, k+1 and k+2 (three loads), and their
// masks checked in general registers. It returns the start j of the
// block where it stopped and, in carry, the continuation bytes the block
// must start with (bit 0: byte j, bit 1: byte j+1) for the character the
// blocks before it began.
TEXT ·plainRunAVX2(SB), NOSPLIT, $0-48
	MOVQ p+0(FP), SI
	MOVQ i+8(FP), CX
	MOVQ n+16(FP), DX
	MOVQ set+24(FP), R12
	SUBQ $34, DX
	XORL R8, R8

loop:
	CMPQ CX, DX
	JGT  done
	VMOVDQU (SI)(CX*1), Y0
	VMOVDQU 1(SI)(CX*1), Y1
	VMOVDQU 2(SI)(CX*1), Y2

	// ASCII that passes: above 1F but set's three excluded bytes, or
	// its kept byte.
	VPCMPGTB c1f<>(SB), Y0, Y3
	VPCMPEQB (R12), Y0, Y4
	VPCMPEQB 32(R12), Y0, Y13
	VPOR     Y13, Y4, Y4
	VPCMPEQB 64(R12), Y0, Y13
	VPOR     Y13, Y4, Y4
	VPANDN   Y3, Y4, Y3
	VPCMPEQB 96(R12), Y0, Y4
	VPOR     Y4, Y3, Y3

	// Not a continuation byte (80-BF are below C0, signed).
	VPCMPGTB cbf<>(SB), Y0, Y4

	// Leads of three bytes: E1, E2 (Y7), E3-EC, EF (Y8).
	VPCMPGTB ce2<>(SB), Y0, Y5
	VPCMPGTB cec<>(SB), Y0, Y6
	VPANDN   Y5, Y6, Y5
	VPCMPEQB ce1<>(SB), Y0, Y6
	VPOR     Y6, Y5, Y5
	VPCMPEQB ce2<>(SB), Y0, Y7
	VPOR     Y7, Y5, Y5
	VPCMPEQB cef<>(SB), Y0, Y8
	VPOR     Y8, Y5, Y5

	// Leads of two bytes: C2-DF but D8; C2 (Y9).
	VPCMPGTB cc1<>(SB), Y0, Y6
	VPCMPGTB cdf<>(SB), Y0, Y9
	VPANDN   Y6, Y9, Y6
	VPCMPEQB cd8<>(SB), Y0, Y9
	VPANDN   Y6, Y9, Y6
	VPCMPEQB cc2<>(SB), Y0, Y9

	VPMOVMSKB Y3, AX
	VPMOVMSKB Y4, BX
	VPMOVMSKB Y5, DI
	VPMOVMSKB Y6, R9
	NOTL      BX

	// Every byte ASCII kept, a continuation or a lead.
	MOVL AX, R10
	ORL  BX, R10
	ORL  DI, R10
	ORL  R9, R10
	CMPL R10, $-1
	JNE  done

	// The continuation bytes are those the leads (and carry) call for.
	MOVL DI, R10
	SHLL $1, R10
	MOVL DI, R11
	SHLL $2, R11
	ORL  R11, R10
	MOVL R9, R11
	SHLL $1, R11
	ORL  R11, R10
	ORL  R8, R10
	CMPL R10, BX
	JNE  done

	// What cannot be: a lead without its continuation bytes (past the
	// block's end too), EF BB, E2 81, E2 80 8E/8F/A8-AE, C2 before A0.
	VPCMPGTB cbf<>(SB), Y1, Y10
	VPCMPGTB cbf<>(SB), Y2, Y11
	VPOR     Y11, Y10, Y11
	VPAND    Y5, Y11, Y11
	VPAND    Y6, Y10, Y10
	VPOR     Y10, Y11, Y11
	VPCMPEQB cbb<>(SB), Y1, Y10
	VPAND    Y8, Y10, Y10
	VPOR     Y10, Y11, Y11
	VPCMPEQB c81<>(SB), Y1, Y10
	VPAND    Y7, Y10, Y10
	VPOR     Y10, Y11, Y11
	VPCMPGTB ca7<>(SB), Y2, Y10
	VPCMPGTB cae<>(SB), Y2, Y12
	VPANDN   Y10, Y12, Y10
	VPCMPEQB c8e<>(SB), Y2, Y12
	VPOR     Y12, Y10, Y10
	VPCMPEQB c8f<>(SB), Y2, Y12
	VPOR     Y12, Y10, Y10
	VPCMPEQB c80<>(SB), Y1, Y12
	VPAND    Y12, Y10, Y10
	VPAND    Y7, Y10, Y10
	VPOR     Y10, Y11, Y11
	VPCMPGTB c9f<>(SB), Y1, Y10
	VPANDN   Y9, Y10, Y10
	VPOR     Y10, Y11, Y11
	VPTEST   Y11, Y11
	JNZ      done

	// The continuation bytes the next block starts with.
	MOVL DI, R10
	SHRL $30, R10
	MOVL DI, R11
	SHRL $31, R11
	ORL  R11, R10
	MOVL R9, R11
	SHRL $31, R11
	ORL  R11, R10
	MOVL R10, R8
	ADDQ $32, CX
	JMP  loop

done:
	VZEROUPPER
	MOVQ CX, j+32(FP)
	MOVQ R8, carry+40(FP)
	RET

DATA c1f<>+0(SB)/8, $0x1f1f1f1f1f1f1f1f
DATA c1f<>+8(SB)/8, $0x1f1f1f1f1f1f1f1f
DATA c1f<>+16(SB)/8, $0x1f1f1f1f1f1f1f1f
DATA c1f<>+24(SB)/8, $0x1f1f1f1f1f1f1f1f
GLOBL c1f<>(SB), RODATA|NOPTR, $32

DATA cbf<>+0(SB)/8, $0xbfbfbfbfbfbfbfbf
DATA cbf<>+8(SB)/8, $0xbfbfbfbfbfbfbfbf
DATA cbf<>+16(SB)/8, $0xbfbfbfbfbfbfbfbf
DATA cbf<>+24(SB)/8, $0xbfbfbfbfbfbfbfbf
GLOBL cbf<>(SB), RODATA|NOPTR, $32

DATA ce2<>+0(SB)/8, $0xe2e2e2e2e2e2e2e2
DATA ce2<>+8(SB)/8, $0xe2e2e2e2e2e2e2e2
DATA ce2<>+16(SB)/8, $0xe2e2e2e2e2e2e2e2
DATA ce2<>+24(SB)/8, $0xe2e2e2e2e2e2e2e2
GLOBL ce2<>(SB), RODATA|NOPTR, $32

DATA cec<>+0(SB)/8, $0xecececececececec
DATA cec<>+8(SB)/8, $0xecececececececec
DATA cec<>+16(SB)/8, $0xecececececececec
DATA cec<>+24(SB)/8, $0xecececececececec
GLOBL cec<>(SB), RODATA|NOPTR, $32

DATA ce1<>+0(SB)/8, $0xe1e1e1e1e1e1e1e1
DATA ce1<>+8(SB)/8, $0xe1e1e1e1e1e1e1e1
DATA ce1<>+16(SB)/8, $0xe1e1e1e1e1e1e1e1
DATA ce1<>+24(SB)/8, $0xe1e1e1e1e1e1e1e1
GLOBL ce1<>(SB), RODATA|NOPTR, $32

DATA cef<>+0(SB)/8, $0xefefefefefefefef
DATA cef<>+8(SB)/8, $0xefefefefefefefef
DATA cef<>+16(SB)/8, $0xefefefefefefefef
DATA cef<>+24(SB)/8, $0xefefefefefefefef
GLOBL cef<>(SB), RODATA|NOPTR, $32

DATA cc1<>+0(SB)/8, $0xc1c1c1c1c1c1c1c1
DATA cc1<>+8(SB)/8, $0xc1c1c1c1c1c1c1c1
DATA cc1<>+16(SB)/8, $0xc1c1c1c1c1c1c1c1
DATA cc1<>+24(SB)/8, $0xc1c1c1c1c1c1c1c1
GLOBL cc1<>(SB), RODATA|NOPTR, $32

DATA cdf<>+0(SB)/8, $0xdfdfdfdfdfdfdfdf
DATA cdf<>+8(SB)/8, $0xdfdfdfdfdfdfdfdf
DATA cdf<>+16(SB)/8, $0xdfdfdfdfdfdfdfdf
DATA cdf<>+24(SB)/8, $0xdfdfdfdfdfdfdfdf
GLOBL cdf<>(SB), RODATA|NOPTR, $32

DATA cd8<>+0(SB)/8, $0xd8d8d8d8d8d8d8d8
DATA cd8<>+8(SB)/8, $0xd8d8d8d8d8d8d8d8
DATA cd8<>+16(SB)/8, $0xd8d8d8d8d8d8d8d8
DATA cd8<>+24(SB)/8, $0xd8d8d8d8d8d8d8d8
GLOBL cd8<>(SB), RODATA|NOPTR, $32

DATA cc2<>+0(SB)/8, $0xc2c2c2c2c2c2c2c2
DATA cc2<>+8(SB)/8, $0xc2c2c2c2c2c2c2c2
DATA cc2<>+16(SB)/8, $0xc2c2c2c2c2c2c2c2
DATA cc2<>+24(SB)/8, $0xc2c2c2c2c2c2c2c2
GLOBL cc2<>(SB), RODATA|NOPTR, $32

DATA cbb<>+0(SB)/8, $0xbbbbbbbbbbbbbbbb
DATA cbb<>+8(SB)/8, $0xbbbbbbbbbbbbbbbb
DATA cbb<>+16(SB)/8, $0xbbbbbbbbbbbbbbbb
DATA cbb<>+24(SB)/8, $0xbbbbbbbbbbbbbbbb
GLOBL cbb<>(SB), RODATA|NOPTR, $32

DATA c80<>+0(SB)/8, $0x8080808080808080
DATA c80<>+8(SB)/8, $0x8080808080808080
DATA c80<>+16(SB)/8, $0x8080808080808080
DATA c80<>+24(SB)/8, $0x8080808080808080
GLOBL c80<>(SB), RODATA|NOPTR, $32

DATA c81<>+0(SB)/8, $0x8181818181818181
DATA c81<>+8(SB)/8, $0x8181818181818181
DATA c81<>+16(SB)/8, $0x8181818181818181
DATA c81<>+24(SB)/8, $0x8181818181818181
GLOBL c81<>(SB), RODATA|NOPTR, $32

DATA c9f<>+0(SB)/8, $0x9f9f9f9f9f9f9f9f
DATA c9f<>+8(SB)/8, $0x9f9f9f9f9f9f9f9f
DATA c9f<>+16(SB)/8, $0x9f9f9f9f9f9f9f9f
DATA c9f<>+24(SB)/8, $0x9f9f9f9f9f9f9f9f
GLOBL c9f<>(SB), RODATA|NOPTR, $32

DATA c8e<>+0(SB)/8, $0x8e8e8e8e8e8e8e8e
DATA c8e<>+8(SB)/8, $0x8e8e8e8e8e8e8e8e
DATA c8e<>+16(SB)/8, $0x8e8e8e8e8e8e8e8e
DATA c8e<>+24(SB)/8, $0x8e8e8e8e8e8e8e8e
GLOBL c8e<>(SB), RODATA|NOPTR, $32

DATA c8f<>+0(SB)/8, $0x8f8f8f8f8f8f8f8f
DATA c8f<>+8(SB)/8, $0x8f8f8f8f8f8f8f8f
DATA c8f<>+16(SB)/8, $0x8f8f8f8f8f8f8f8f
DATA c8f<>+24(SB)/8, $0x8f8f8f8f8f8f8f8f
GLOBL c8f<>(SB), RODATA|NOPTR, $32

DATA ca7<>+0(SB)/8, $0xa7a7a7a7a7a7a7a7
DATA ca7<>+8(SB)/8, $0xa7a7a7a7a7a7a7a7
DATA ca7<>+16(SB)/8, $0xa7a7a7a7a7a7a7a7
DATA ca7<>+24(SB)/8, $0xa7a7a7a7a7a7a7a7
GLOBL ca7<>(SB), RODATA|NOPTR, $32

DATA cae<>+0(SB)/8, $0xaeaeaeaeaeaeaeae
DATA cae<>+8(SB)/8, $0xaeaeaeaeaeaeaeae
DATA cae<>+16(SB)/8, $0xaeaeaeaeaeaeaeae
DATA cae<>+24(SB)/8, $0xaeaeaeaeaeaeaeae
GLOBL cae<>(SB), RODATA|NOPTR, $32
