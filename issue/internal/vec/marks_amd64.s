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

// func MarksWalk(s string, start, end, limit int) (from, n int, atEnd bool, to, nOn int, ends bool)
//
// The walks back from start over the marks of the 64 bytes before it and
// on from end over those of the 64 from it, each as MarksWalk tells (when
// hasWalks, the text holds 66 bytes or more and 0 <= start <= end <=
// len(s); else none); the marks are made as marksAVX2 makes them, into
// the frame.
TEXT ·MarksWalk(SB), NOSPLIT, $64-81
	MOVQ s_base+0(FP), CX
	MOVQ s_len+8(FP), DX
	MOVQ start+16(FP), AX
	MOVQ end+24(FP), BX
	MOVQ limit+32(FP), R14
	MOVQ AX, from+40(FP)
	MOVQ $0, n+48(FP)
	MOVB $0, atEnd+56(FP)
	MOVQ BX, to+64(FP)
	MOVQ $0, nOn+72(FP)
	MOVB $0, ends+80(FP)
	CMPB  ·hasWalks(SB), $0
	JEQ   wdone
	CMPQ  DX, $66
	JLT   wdone
	TESTQ AX, AX
	JLT   wdone
	CMPQ  AX, BX
	JGT   wdone
	CMPQ  BX, DX
	JGT   wdone

	// back (R12): start >= 3 and no character goes on past it.
	XORL    R12, R12
	CMPQ    AX, $3
	JLT     noback
	MOVBLZX -1(CX)(AX*1), R9
	CMPL    R9, $0xC0
	JAE     noback
	MOVBLZX -2(CX)(AX*1), R9
	CMPL    R9, $0xE0
	JAE     noback
	MOVL    $1, R12

noback:
	// on (R13): 2 <= end < n and no character goes on past it.
	XORL    R13, R13
	CMPQ    BX, $2
	JLT     noon
	CMPQ    BX, DX
	JGE     noon
	MOVBLZX -1(CX)(BX*1), R9
	CMPL    R9, $0xC0
	JAE     noon
	MOVBLZX -2(CX)(BX*1), R9
	CMPL    R9, $0xE0
	JAE     noon
	MOVL    $1, R13

noon:
	MOVL R12, R9
	ORL  R13, R9
	JZ   wdone

	// The windows: from wb = max(start-64, 2) and wo = min(end, n-64),
	// kept at 48(SP) and 56(SP).
	LEAQ    -64(AX), R10
	MOVQ    $2, R9
	CMPQ    R10, R9
	CMOVQLT R9, R10
	LEAQ    -64(DX), R11
	CMPQ    BX, R11
	CMOVQLT BX, R11
	CMPQ    R11, $2
	JLT     wdone
	MOVQ    R10, 48(SP)
	MOVQ    R11, 56(SP)

	LEAQ    ·marksConsts(SB), R8
	VMOVDQU (R8), Y15
	MOVQ    SP, DI
	MOVQ    CX, SI
	ADDQ    R10, SI
	MARK64(0)
	MOVQ    CX, SI
	ADDQ    56(SP), SI
	MARK64(24)
	VZEROUPPER

	// The walk back (see MarksWalk): R10 = w, R9 = before, R11 = starts.
	TESTL R12, R12
	JZ    walkon
	MOVQ  start+16(FP), CX
	MOVQ  48(SP), R10
	SUBQ  R10, CX
	MOVQ  $-1, R9
	CMPQ  CX, $64
	JGE   bk1
	MOVQ  $1, R9
	SHLQ  CX, R9
	DECQ  R9

bk1:
	MOVQ 0(SP), R11
	ANDQ R9, R11
	MOVQ 16(SP), DX
	ANDQ R9, DX
	JZ   bk2
	BSRQ DX, CX
	INCQ CX
	XORL DX, DX
	CMPQ CX, $64
	JGE  bkodd
	MOVQ $-1, DX
	SHLQ CX, DX

bkodd:
	ANDQ DX, R11

bk2:
	TESTQ R11, R11
	JZ    walkon
	BSFQ  R11, BX
	MOVQ  $-1, DX
	MOVQ  BX, CX
	SHLQ  CX, DX
	ANDQ  R9, DX
	MOVQ  8(SP), SI
	ANDQ  DX, SI
	JZ    bk3
	BSRQ  SI, CX
	INCQ  CX
	XORL  DX, DX
	CMPQ  CX, $64
	JGE   bkp
	MOVQ  R11, DX
	SHRQ  CX, DX

bkp:
	POPCNTQ DX, DX
	CMPQ    DX, R14
	JGT     bk3
	ADDQ    R10, CX
	MOVQ    CX, from+40(FP)
	MOVQ    DX, n+48(FP)
	MOVB    $1, atEnd+56(FP)
	JMP     walkon

bk3:
	POPCNTQ R11, DX
	CMPQ    DX, R14
	JGE     bksel
	ADDQ    R10, BX
	MOVQ    BX, from+40(FP)
	MOVQ    DX, n+48(FP)
	JMP     walkon

bksel:
	// The limit-th character from the top (selectTop).
	XORL BX, BX
	MOVQ $32, DI

bkloop:
	LEAQ    (BX)(DI*1), CX
	MOVQ    R11, DX
	SHRQ    CX, DX
	POPCNTQ DX, DX
	CMPQ    DX, R14
	JLT     bknext
	MOVQ    CX, BX

bknext:
	SHRQ $1, DI
	JNZ  bkloop
	ADDQ R10, BX
	MOVQ BX, from+40(FP)
	MOVQ R14, n+48(FP)

walkon:
	// The walk on: R10 = w, R9 = after, R11 = starts, DI = whole.
	TESTL R13, R13
	JZ    wdone
	MOVQ  end+24(FP), CX
	MOVQ  56(SP), R10
	SUBQ  R10, CX
	MOVQ  $-1, R9
	SHLQ  CX, R9
	MOVQ  24(SP), R11
	ANDQ  R9, R11
	MOVQ  40(SP), DX
	ANDQ  R9, DX
	JZ    on1
	BSFQ  DX, CX
	MOVQ  $1, DX
	SHLQ  CX, DX
	DECQ  DX
	ANDQ  DX, R11

on1:
	TESTQ R11, R11
	JZ    wdone
	BSRQ  R11, BX
	MOVQ  $1, DX
	MOVQ  BX, CX
	SHLQ  CX, DX
	MOVQ  R11, DI
	XORQ  DX, DI
	DECQ  DX
	ANDQ  R9, DX
	MOVQ  32(SP), SI
	ANDQ  DX, SI
	JZ    on2
	BSFQ  SI, CX
	MOVQ  $2, DX
	SHLQ  CX, DX
	DECQ  DX
	ANDQ  DI, DX
	POPCNTQ DX, DX
	CMPQ  DX, R14
	JGT   on2
	LEAQ  1(R10)(CX*1), CX
	MOVQ  CX, to+64(FP)
	MOVQ  DX, nOn+72(FP)
	MOVB  $1, ends+80(FP)
	JMP   wdone

on2:
	POPCNTQ R11, DX
	CMPQ    DX, R14
	JGT     onsel
	ADDQ    R10, BX
	MOVQ    BX, to+64(FP)
	POPCNTQ DI, DX
	MOVQ    DX, nOn+72(FP)
	JMP     wdone

onsel:
	// The (limit+1)-th character from the bottom (selectBottom).
	LEAQ 1(R14), SI
	XORL BX, BX
	MOVQ $32, DI

onloop:
	LEAQ    (BX)(DI*1), CX
	MOVQ    $1, DX
	SHLQ    CX, DX
	DECQ    DX
	ANDQ    R11, DX
	POPCNTQ DX, DX
	CMPQ    DX, SI
	JGE     onnext
	MOVQ    CX, BX

onnext:
	SHRQ $1, DI
	JNZ  onloop
	ADDQ R10, BX
	MOVQ BX, to+64(FP)
	MOVQ R14, nOn+72(FP)

wdone:
	RET
