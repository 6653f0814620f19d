//go:build amd64 && !purego

#include "textflag.h"

// MARKBLOCK marks the 32 bytes at off(SI), with those one (offm1) and
// two (offm2) places before: AX the continuation bytes, BX the last
// bytes of sentence ends, DX the odd bytes (see Marks). R8 holds
// marksConsts, Y15 its first (C0).
#define MARKBLOCK(off, offm1, offm2) \
	VMOVDQU   off(SI), Y0      \
	VMOVDQU   offm1(SI), Y1    \
	VMOVDQU   offm2(SI), Y2    \
	VPCMPGTB  Y0, Y15, Y3      \ // continuation bytes: below C0 as signed bytes
	VPMOVMSKB Y3, AX           \
	VPMAXUB   Y15, Y1, Y4      \ // one is due after a lead byte (C0 and above)
	VPCMPEQB  Y4, Y1, Y4       \
	VPMAXUB   32(R8), Y2, Y5   \ // and two after one of E0 and above
	VPCMPEQB  Y5, Y2, Y5       \
	VPOR      Y5, Y4, Y4       \
	VPXOR     Y4, Y3, Y3       \
	VPMAXUB   64(R8), Y0, Y4   \ // F0 and above
	VPCMPEQB  Y4, Y0, Y4       \
	VPOR      Y4, Y3, Y3       \
	VPAND     96(R8), Y0, Y4   \ // C0 and C1
	VPCMPEQB  Y15, Y4, Y4      \
	VPOR      Y4, Y3, Y3       \
	VPCMPEQB  32(R8), Y0, Y4   \ // E0
	VPOR      Y4, Y3, Y3       \
	VPCMPEQB  128(R8), Y0, Y4  \ // ED
	VPOR      Y4, Y3, Y3       \
	VPMOVMSKB Y3, DX           \
	VPCMPEQB  160(R8), Y2, Y3  \ // E3 80 82
	VPCMPEQB  192(R8), Y1, Y4  \
	VPAND     Y4, Y3, Y3       \
	VPCMPEQB  224(R8), Y0, Y4  \
	VPAND     Y4, Y3, Y3       \
	VPCMPEQB  256(R8), Y2, Y4  \ // EF BC, then 81 9F 9B
	VPCMPEQB  288(R8), Y1, Y5  \
	VPAND     Y5, Y4, Y4       \
	VPCMPEQB  320(R8), Y0, Y5  \
	VPCMPEQB  352(R8), Y0, Y6  \
	VPOR      Y6, Y5, Y5       \
	VPCMPEQB  384(R8), Y0, Y6  \
	VPOR      Y6, Y5, Y5       \
	VPAND     Y5, Y4, Y4       \
	VPOR      Y4, Y3, Y3       \
	VPCMPEQB  416(R8), Y0, Y4  \ // ! ? ;
	VPOR      Y4, Y3, Y3       \
	VPCMPEQB  448(R8), Y0, Y4  \
	VPOR      Y4, Y3, Y3       \
	VPCMPEQB  480(R8), Y0, Y4  \
	VPOR      Y4, Y3, Y3       \
	VPMOVMSKB Y3, BX

// MARK64 marks the 64 bytes at SI in two blocks of 32 and stores the
// masks at off(DI): the bytes that are no continuation bytes, the ends
// of sentence ends, the odd bytes, bit k for byte k.
#define MARK64(off) \
	MARKBLOCK(0, -1, -2) \
	MOVL    AX, R9       \
	MOVL    BX, R10      \
	MOVL    DX, R11      \
	MARKBLOCK(32, 31, 30) \
	SHLQ    $32, AX      \
	ORQ     AX, R9       \
	SHLQ    $32, BX      \
	ORQ     BX, R10      \
	SHLQ    $32, DX      \
	ORQ     DX, R11      \
	NOTQ    R9           \
	MOVQ    R9, off(DI)  \
	MOVQ    R10, off+8(DI) \
	MOVQ    R11, off+16(DI)

// func marksAVX2(p *byte, i, j int, c *[16][32]byte, m *[6]uint64)
//
// Marks the 64 bytes at p+i in m[0:3] and those at p+j in m[3:6] (the
// two bytes before each are read too).
TEXT ·marksAVX2(SB), NOSPLIT, $0-40
	MOVQ    p+0(FP), CX
	MOVQ    c+24(FP), R8
	MOVQ    m+32(FP), DI
	VMOVDQU (R8), Y15
	MOVQ    CX, SI
	ADDQ    i+8(FP), SI
	MARK64(0)
	MOVQ    CX, SI
	ADDQ    j+16(FP), SI
	MARK64(24)
	VZEROUPPER
	RET
