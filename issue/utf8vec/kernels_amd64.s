//go:build amd64 && !purego

#include "textflag.h"

// Every kernel reads the blocks of 32 bytes at k = SI+CX while
// CX <= DX = n-34, each with the 32 bytes at k+1 and k+2 beside it, and
// compares byte classes in vector registers (signed: 80-BF, the
// continuation bytes, are the lowest, below C0-FF, below 00-7F).

// NEXTBLOCK goes to label done when no block is left (CX > DX), else
// loads the bytes at k into Y0, at k+1 into Y1, at k+2 into Y2.
#define NEXTBLOCK(done) \
	CMPQ    CX, DX          \
	JGT     done            \
	VMOVDQU (SI)(CX*1), Y0  \
	VMOVDQU 1(SI)(CX*1), Y1 \
	VMOVDQU 2(SI)(CX*1), Y2

// RANGE marks in dst the bytes of src above lo and not above hi (signed);
// tmp is overwritten.
#define RANGE(lo, hi, src, dst, tmp) \
	VPCMPGTB lo, src, dst  \
	VPCMPGTB hi, src, tmp  \
	VPANDN   dst, tmp, dst

// LEADS3 marks in Y5 the leads of three bytes E3-hi, E2 (also Y7) and EF
// (also Y8); Y6 is overwritten.
#define LEADS3(hi) \
	RANGE(ce2<>(SB), hi, Y0, Y5, Y6) \
	VPCMPEQB ce2<>(SB), Y0, Y7       \
	VPOR     Y7, Y5, Y5              \
	VPCMPEQB cef<>(SB), Y0, Y8       \
	VPOR     Y8, Y5, Y5

// EVERYBYTE goes to label done unless every byte of the block is in a class:
// the masks AX (ASCII that passes), BX (continuation bytes) and DI
// (leads) together cover it.
#define EVERYBYTE(done) \
	MOVL AX, R10    \
	ORL  BX, R10    \
	ORL  DI, R10    \
	CMPL R10, $-1   \
	JNE  done

// CALLEDFOR goes to label done unless the continuation bytes BX are those the
// leads of three bytes DI call for, with those of more: the carry from
// the block before, and the continuations of the leads of two bytes.
#define CALLEDFOR(more, done) \
	MOVL DI, R10     \
	SHLL $1, R10     \
	MOVL DI, R11     \
	SHLL $2, R11     \
	ORL  R11, R10    \
	ORL  more, R10   \
	CMPL R10, BX     \
	JNE  done

// MISSING3 marks in Y11 the leads of three bytes (Y5) whose continuation
// bytes are not there (past the block's end too) and in Y10 the bytes
// at k+1 that are no continuation.
#define MISSING3 \
	VPCMPGTB cbf<>(SB), Y1, Y10 \
	VPCMPGTB cbf<>(SB), Y2, Y11 \
	VPOR     Y11, Y10, Y11      \
	VPAND    Y5, Y11, Y11

// PUNCT2010 marks in y80 the bytes 80 at k+1 and in dst the places with
// 80 at k+1 and 90-A7 at k+2 (led by E2: U+2010-U+2027); tmp is
// overwritten.
#define PUNCT2010(y80, dst, tmp) \
	VPCMPEQB c80<>(SB), Y1, y80              \
	RANGE(c8f<>(SB), ca7<>(SB), Y2, dst, tmp) \
	VPAND    y80, dst, dst

// CARRY3 sets R8, the continuation bytes the next block starts with, to
// those the leads of three bytes DI call for.
#define CARRY3 \
	MOVL DI, R8  \
	SHRL $30, R8 \
	MOVL DI, R11 \
	SHRL $31, R11 \
	ORL  R11, R8

// CLEANCLASSES marks, for cleanRunAVX2, the block in Y0 (Y1, Y2 at k+1,
// k+2): printable ASCII (above 1F but DEL) in Y3, the bytes that are no
// continuation byte in Y4, and the leads of three bytes E2-E9 and EF in
// Y5, E2 also in Y7 and EF in Y8 (LEADS3).
#define CLEANCLASSES \
	VPCMPGTB c1f<>(SB), Y0, Y3 \
	VPCMPEQB c7f<>(SB), Y0, Y4 \
	VPANDN   Y3, Y4, Y3        \
	VPCMPGTB cbf<>(SB), Y0, Y4 \
	LEADS3(ce9<>(SB))

// CLEANCANNOT marks in acc, for cleanRunAVX2, what cannot be in a clean
// block: a lead without its continuation bytes (past the block's end
// too), E2 but E2 80 90-A7, EF but EF BC-BD; Y10-Y13 are overwritten
// (acc may be Y11).
#define CLEANCANNOT(acc) \
	MISSING3                                  \
	PUNCT2010(Y10, Y12, Y13)                  \
	VPANDN   Y7, Y12, Y10                     \
	VPOR     Y10, Y11, acc                    \
	RANGE(cbb<>(SB), cbd<>(SB), Y1, Y10, Y12) \
	VPANDN   Y8, Y10, Y10                     \
	VPOR     Y10, acc, acc

// func plainRunAVX2(p *byte, i, n int, set *ASCII) (j, carry int)
//
// Passes the blocks whose characters are all plain (see PlainRun; the
// ASCII that passes is set's: above 1F but its three excluded bytes, and
// its kept byte). It returns the start j of the block where it stopped
// and, in carry, the continuation bytes the block must start with (bit 0:
// byte j, bit 1: byte j+1) for the character the blocks before it began.
TEXT ·plainRunAVX2(SB), NOSPLIT, $0-48
	MOVQ p+0(FP), SI
	MOVQ i+8(FP), CX
	MOVQ n+16(FP), DX
	MOVQ set+24(FP), R12
	SUBQ $34, DX
	XORL R8, R8

ploop:
	NEXTBLOCK(pdone)

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

	// Not a continuation byte.
	VPCMPGTB cbf<>(SB), Y0, Y4

	// Leads of three bytes: E3-EC, E2 (Y7), EF (Y8), E1.
	LEADS3(cec<>(SB))
	VPCMPEQB ce1<>(SB), Y0, Y6
	VPOR     Y6, Y5, Y5

	// Leads of two bytes: C2-DF but D8; C2 (Y9).
	RANGE(cc1<>(SB), cdf<>(SB), Y0, Y6, Y9)
	VPCMPEQB cd8<>(SB), Y0, Y9
	VPANDN   Y6, Y9, Y6
	VPCMPEQB cc2<>(SB), Y0, Y9

	VPMOVMSKB Y3, AX
	VPMOVMSKB Y4, BX
	VPMOVMSKB Y5, DI
	VPMOVMSKB Y6, R9
	NOTL      BX

	// Every byte ASCII kept, a continuation or a lead; the continuation
	// bytes those the leads (and carry) call for.
	ORL  R9, AX
	EVERYBYTE(pdone)
	MOVL R9, R13
	SHLL $1, R13
	ORL  R8, R13
	CALLEDFOR(R13, pdone)

	// What cannot be: a lead without its continuation bytes (past the
	// block's end too), EF BB, E2 81, E2 80 8E/8F/A8-AE, C2 before A0.
	MISSING3
	VPAND    Y6, Y10, Y10
	VPOR     Y10, Y11, Y11
	VPCMPEQB cbb<>(SB), Y1, Y10
	VPAND    Y8, Y10, Y10
	VPOR     Y10, Y11, Y11
	VPCMPEQB c81<>(SB), Y1, Y10
	VPAND    Y7, Y10, Y10
	VPOR     Y10, Y11, Y11
	RANGE(ca7<>(SB), cae<>(SB), Y2, Y10, Y12)
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
	JNZ      pdone

	// The continuation bytes the next block starts with.
	CARRY3
	MOVL R9, R11
	SHRL $31, R11
	ORL  R11, R8
	ADDQ $32, CX
	JMP  ploop

pdone:
	VZEROUPPER
	MOVQ CX, j+32(FP)
	MOVQ R8, carry+40(FP)
	RET

// func cleanRunAVX2(p *byte, i, n int) (j, carry int)
//
// Passes the blocks made only of characters CleanRun passes: printable
// ASCII, and three-byte characters led by E3-E9, by E2 80 90-A7 and by
// EF BC-BD. It returns what plainRunAVX2 returns.
TEXT ·cleanRunAVX2(SB), NOSPLIT, $0-40
	MOVQ p+0(FP), SI
	MOVQ i+8(FP), CX
	MOVQ n+16(FP), DX
	SUBQ $34, DX
	XORL R8, R8
	MOVQ DX, R9
	SUBQ $32, R9

	// Two blocks at a time while both are there (CX <= R9 = n-66), their
	// masks joined in 64 bits: the tests of the loop below on both, with
	// the scalar ones and the loop's own done once. Where either block
	// fails, the loop below reads both again, from the same place and
	// carry, and stops where it stops.
cloop64:
	CMPQ    CX, R9
	JGT     cloop
	VMOVDQU (SI)(CX*1), Y0
	VMOVDQU 1(SI)(CX*1), Y1
	VMOVDQU 2(SI)(CX*1), Y2
	CLEANCLASSES
	VPMOVMSKB Y3, AX
	VPMOVMSKB Y4, BX
	VPMOVMSKB Y5, DI
	NOTL      BX
	CLEANCANNOT(Y14)

	VMOVDQU 32(SI)(CX*1), Y0
	VMOVDQU 33(SI)(CX*1), Y1
	VMOVDQU 34(SI)(CX*1), Y2
	CLEANCLASSES
	VPMOVMSKB Y3, R10
	VPMOVMSKB Y4, R11
	VPMOVMSKB Y5, R12
	NOTL      R11
	CLEANCANNOT(Y11)
	VPOR     Y14, Y11, Y11
	VPTEST   Y11, Y11
	JNZ      cloop

	SHLQ $32, R10
	ORQ  R10, AX
	SHLQ $32, R11
	ORQ  R11, BX
	SHLQ $32, R12
	ORQ  R12, DI

	// Every byte of the 64 in a class (EVERYBYTE), and the continuation
	// bytes those the leads call for (CALLEDFOR): a lead's at the end of
	// the first block are the second's first bytes here.
	MOVQ AX, R13
	ORQ  BX, R13
	ORQ  DI, R13
	CMPQ R13, $-1
	JNE  cloop
	MOVQ DI, R13
	SHLQ $1, R13
	MOVQ DI, R10
	SHLQ $2, R10
	ORQ  R10, R13
	ORQ  R8, R13
	CMPQ R13, BX
	JNE  cloop

	// The continuation bytes the next block starts with (CARRY3 of the
	// second block).
	MOVQ DI, R8
	SHRQ $62, R8
	MOVQ DI, R11
	SHRQ $63, R11
	ORQ  R11, R8
	ADDQ $64, CX
	JMP  cloop64

cloop:
	NEXTBLOCK(cdone)

	CLEANCLASSES

	VPMOVMSKB Y3, AX
	VPMOVMSKB Y4, BX
	VPMOVMSKB Y5, DI
	NOTL      BX

	EVERYBYTE(cdone)
	CALLEDFOR(R8, cdone)

	CLEANCANNOT(Y11)
	VPTEST   Y11, Y11
	JNZ      cdone

	CARRY3
	ADDQ $32, CX
	JMP  cloop

cdone:
	VZEROUPPER
	MOVQ CX, j+24(FP)
	MOVQ R8, carry+32(FP)
	RET

// func hanRunAVX2(p *byte, i, n int) int
//
// Passes the blocks where every byte from CC up is the lead of a
// character HanRun passes (U+4E00-U+9FFF, U+2010-U+2027, U+3000-U+302D,
// U+FF01-U+FF5E), with its continuation bytes. Returns the start of the
// block where it stopped.
TEXT ·hanRunAVX2(SB), NOSPLIT, $0-32
	MOVQ p+0(FP), SI
	MOVQ i+8(FP), CX
	MOVQ n+16(FP), DX
	SUBQ $34, DX

hloop:
	NEXTBLOCK(hdone)

	// Y3: the bytes from CC up (above CB signed, not above FF).
	RANGE(ccb<>(SB), cff<>(SB), Y0, Y3, Y4)

	// Y5, Y6: no continuation byte at k+1, k+2; Y7: at either.
	VPCMPGTB cbf<>(SB), Y1, Y5
	VPCMPGTB cbf<>(SB), Y2, Y6
	VPOR     Y6, Y5, Y7

	// Y8: ideographs: E5-E9, or E4 before B8-BF.
	RANGE(ce4<>(SB), ce9<>(SB), Y0, Y8, Y9)
	VPCMPEQB ce4<>(SB), Y0, Y9
	VPCMPGTB cb7<>(SB), Y1, Y10
	VPANDN   Y10, Y5, Y10      // k+1 in B8-BF
	VPAND    Y10, Y9, Y9
	VPOR     Y9, Y8, Y8
	VPANDN   Y8, Y7, Y8        // with both continuations

	// E2 80 90-A7, E3 80 80-AD.
	PUNCT2010(Y9, Y10, Y11)
	VPCMPEQB ce2<>(SB), Y0, Y11
	VPAND    Y11, Y10, Y10
	VPOR     Y10, Y8, Y8
	VPCMPGTB cad<>(SB), Y2, Y10
	VPANDN   Y9, Y10, Y10      // k+1 is 80, k+2 not above AD
	VPANDN   Y10, Y6, Y10      // and a continuation
	VPCMPEQB ce3<>(SB), Y0, Y11
	VPAND    Y11, Y10, Y10
	VPOR     Y10, Y8, Y8

	// EF BC 81-BF, EF BD 80-9E.
	VPCMPEQB cbc<>(SB), Y1, Y9
	VPCMPGTB c80<>(SB), Y2, Y10 // k+2 above 80 (signed: 81-BF, or 00-7F)
	VPANDN   Y10, Y6, Y10      // and a continuation
	VPAND    Y9, Y10, Y10
	VPCMPEQB cbd<>(SB), Y1, Y9
	VPCMPGTB c9e<>(SB), Y2, Y11
	VPANDN   Y9, Y11, Y11      // k+1 BD, k+2 not above 9E
	VPANDN   Y11, Y6, Y11      // and a continuation
	VPOR     Y11, Y10, Y10
	VPCMPEQB cef<>(SB), Y0, Y11
	VPAND    Y11, Y10, Y10
	VPOR     Y10, Y8, Y8

	// Every byte from CC up is such a lead.
	VPANDN Y3, Y8, Y3
	VPTEST Y3, Y3
	JNZ    hdone
	ADDQ   $32, CX
	JMP    hloop

hdone:
	VZEROUPPER
	MOVQ CX, ret+24(FP)
	RET

// The constants: cXX is the byte XX, 32 times.
#define SPLAT(name, v) \
	DATA name<>+0(SB)/8, $(v*0x0101010101010101)  \
	DATA name<>+8(SB)/8, $(v*0x0101010101010101)  \
	DATA name<>+16(SB)/8, $(v*0x0101010101010101) \
	DATA name<>+24(SB)/8, $(v*0x0101010101010101) \
	GLOBL name<>(SB), RODATA|NOPTR, $32

SPLAT(c1f, 0x1f)
SPLAT(c7f, 0x7f)
SPLAT(c80, 0x80)
SPLAT(c81, 0x81)
SPLAT(c8e, 0x8e)
SPLAT(c8f, 0x8f)
SPLAT(c9e, 0x9e)
SPLAT(c9f, 0x9f)
SPLAT(ca7, 0xa7)
SPLAT(cad, 0xad)
SPLAT(cae, 0xae)
SPLAT(cb7, 0xb7)
SPLAT(cbb, 0xbb)
SPLAT(cbc, 0xbc)
SPLAT(cbd, 0xbd)
SPLAT(cbf, 0xbf)
SPLAT(cc1, 0xc1)
SPLAT(cc2, 0xc2)
SPLAT(ccb, 0xcb)
SPLAT(cd8, 0xd8)
SPLAT(cdf, 0xdf)
SPLAT(ce1, 0xe1)
SPLAT(ce2, 0xe2)
SPLAT(ce3, 0xe3)
SPLAT(ce4, 0xe4)
SPLAT(ce9, 0xe9)
SPLAT(cec, 0xec)
SPLAT(cef, 0xef)
SPLAT(cff, 0xff)
