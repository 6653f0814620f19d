//go:build amd64 && !purego

#include "textflag.h"

// func index3AVX2(p *byte, n int, needle *[3][32]byte) (j, found int)
//
// Compares the 32 places from k, k+1 and k+2 with the needle's three
// bytes while k+34 <= n: found (1), j is the first place where all three
// match; not found (0), j is where the search stopped, the first place
// not compared.
TEXT ·index3AVX2(SB), NOSPLIT, $0-40
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), DX
	MOVQ needle+16(FP), R8
	VMOVDQU (R8), Y3
	VMOVDQU 32(R8), Y4
	VMOVDQU 64(R8), Y5
	XORQ CX, CX
	SUBQ $34, DX

loop:
	CMPQ      CX, DX
	JGT       notfound
	VPCMPEQB  (SI)(CX*1), Y3, Y0
	VPCMPEQB  1(SI)(CX*1), Y4, Y1
	VPCMPEQB  2(SI)(CX*1), Y5, Y2
	VPAND     Y1, Y0, Y0
	VPAND     Y2, Y0, Y0
	VPMOVMSKB Y0, AX
	TESTL     AX, AX
	JNZ       found
	ADDQ      $32, CX
	JMP       loop

found:
	BSFL AX, AX
	ADDQ CX, AX
	VZEROUPPER
	MOVQ AX, j+24(FP)
	MOVQ $1, found+32(FP)
	RET

notfound:
	VZEROUPPER
	MOVQ CX, j+24(FP)
	MOVQ $0, found+32(FP)
	RET

// CHECKBLOCK compares the 32 bytes at SI+CX with the set's eight bytes
// (Y8-Y15) and jumps to label where any is there, their places marked in
// Y1.
#define CHECKBLOCK(label) \
	VMOVDQU  (SI)(CX*1), Y0 \
	VPCMPEQB Y8, Y0, Y1     \
	VPCMPEQB Y9, Y0, Y2     \
	VPOR     Y2, Y1, Y1     \
	VPCMPEQB Y10, Y0, Y2    \
	VPOR     Y2, Y1, Y1     \
	VPCMPEQB Y11, Y0, Y2    \
	VPOR     Y2, Y1, Y1     \
	VPCMPEQB Y12, Y0, Y2    \
	VPOR     Y2, Y1, Y1     \
	VPCMPEQB Y13, Y0, Y2    \
	VPOR     Y2, Y1, Y1     \
	VPCMPEQB Y14, Y0, Y2    \
	VPOR     Y2, Y1, Y1     \
	VPCMPEQB Y15, Y0, Y2    \
	VPOR     Y2, Y1, Y1     \
	VPTEST   Y1, Y1         \
	JNZ      label

// LOADSET loads the set's eight bytes at R8 into Y8-Y15.
#define LOADSET \
	VMOVDQU (R8), Y8     \
	VMOVDQU 32(R8), Y9   \
	VMOVDQU 64(R8), Y10  \
	VMOVDQU 96(R8), Y11  \
	VMOVDQU 128(R8), Y12 \
	VMOVDQU 160(R8), Y13 \
	VMOVDQU 192(R8), Y14 \
	VMOVDQU 224(R8), Y15

// func indexAnyAVX2(p *byte, n int, set *[8][32]byte) int
//
// Returns the index of the first of the n bytes at p (n >= 32) that is
// one of the set's eight, or -1: 32 at a time, the last 32 read in a
// block of their own, which may overlap the one before (the last block's
// places before its first found were read in the block before).
TEXT ·indexAnyAVX2(SB), NOSPLIT, $0-32
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), DX
	MOVQ set+16(FP), R8
	LOADSET
	XORQ CX, CX
	SUBQ $32, DX

imore:
	CMPQ CX, DX
	JGE  ilast
	CHECKBLOCK(ifound)
	ADDQ $32, CX
	JMP  imore

ilast:
	MOVQ DX, CX
	CHECKBLOCK(ifound)
	VZEROUPPER
	MOVQ $-1, ret+24(FP)
	RET

ifound:
	VPMOVMSKB Y1, AX
	BSFL      AX, AX
	ADDQ      CX, AX
	VZEROUPPER
	MOVQ      AX, ret+24(FP)
	RET
