//go:build amd64 && !purego

#include "textflag.h"

// MATCH3 compares the 32 places from off(SI)(DI*1) with the needle's
// three bytes (Y3-Y5): dst marks where all three match; Y2 is scratch.
#define MATCH3(off, dst, t) \
	VPCMPEQB off(SI)(DI*1), Y3, dst \
	VPCMPEQB off+1(SI)(DI*1), Y4, t \
	VPAND    t, dst, dst            \
	VPCMPEQB off+2(SI)(DI*1), Y5, t \
	VPAND    t, dst, dst

// func index3AVX2(p *byte, n int, needle *[3][32]byte) int
//
// Returns the first place k where the needle's three bytes are the n
// bytes at p from k, or -1 (n >= 34): 128 places at a time (by their
// last two bytes, then all three where those match), then 64, 32, and
// the last places in a block of their own that overlaps the one before
// (only its places not compared yet count).
TEXT ·index3AVX2(SB), NOSPLIT, $0-32
	MOVQ    p+0(FP), SI
	MOVQ    n+8(FP), DX
	MOVQ    needle+16(FP), R8
	VMOVDQU (R8), Y3
	VMOVDQU 32(R8), Y4
	VMOVDQU 64(R8), Y5
	XORQ    DI, DI
	LEAQ    -130(DX), R10 // the last start of 128 places
	LEAQ    -66(DX), BX   // of 64
	SUBQ    $34, DX       // of 32

more128:
	// The needle's last two bytes first: in Chinese text few characters
	// end as a given one does (a lead byte starts one in six).
	CMPQ     DI, R10
	JGT      more64
	VPCMPEQB 1(SI)(DI*1), Y4, Y0
	VPCMPEQB 2(SI)(DI*1), Y5, Y1
	VPAND    Y1, Y0, Y0
	VPCMPEQB 33(SI)(DI*1), Y4, Y1
	VPCMPEQB 34(SI)(DI*1), Y5, Y2
	VPAND    Y2, Y1, Y1
	VPOR     Y1, Y0, Y0
	VPCMPEQB 65(SI)(DI*1), Y4, Y1
	VPCMPEQB 66(SI)(DI*1), Y5, Y2
	VPAND    Y2, Y1, Y1
	VPOR     Y1, Y0, Y0
	VPCMPEQB 97(SI)(DI*1), Y4, Y1
	VPCMPEQB 98(SI)(DI*1), Y5, Y2
	VPAND    Y2, Y1, Y1
	VPOR     Y1, Y0, Y0
	VPTEST   Y0, Y0
	JNZ      check128
	ADDQ     $128, DI
	JMP      more128

check128:
	// All three bytes, 32 places at a time.
	MATCH3(0, Y0, Y2)
	VPMOVMSKB Y0, AX
	TESTL     AX, AX
	JNZ       found32
	ADDQ      $32, DI
	MATCH3(0, Y0, Y2)
	VPMOVMSKB Y0, AX
	TESTL     AX, AX
	JNZ       found32
	ADDQ      $32, DI
	MATCH3(0, Y0, Y2)
	VPMOVMSKB Y0, AX
	TESTL     AX, AX
	JNZ       found32
	ADDQ      $32, DI
	MATCH3(0, Y0, Y2)
	VPMOVMSKB Y0, AX
	TESTL     AX, AX
	JNZ       found32
	ADDQ      $32, DI
	JMP       more128

more64:
	CMPQ  DI, BX
	JGT   more32
	MATCH3(0, Y0, Y2)
	MATCH3(32, Y1, Y2)
	VPOR  Y1, Y0, Y6
	VPTEST Y6, Y6
	JNZ   found64
	ADDQ  $64, DI
	JMP   more64

found64:
	VPMOVMSKB Y0, AX
	VPMOVMSKB Y1, R9
	SHLQ      $32, R9
	ORQ       R9, AX
	BSFQ      AX, AX
	ADDQ      DI, AX
	JMP       done

more32:
	CMPQ      DI, DX
	JGT       last
	MATCH3(0, Y0, Y2)
	VPMOVMSKB Y0, AX
	TESTL     AX, AX
	JNZ       found32
	ADDQ      $32, DI
	JMP       more32

found32:
	BSFL AX, AX
	ADDQ DI, AX
	JMP  done

last:
	// The places DI to n-3 are left (none when DI = n-2): the block at
	// n-34 holds them, after its first DI-(n-34) (1 to 31).
	LEAQ  32(DX), R9
	CMPQ  DI, R9
	JGE   none
	MOVQ  DI, CX
	SUBQ  DX, CX
	MOVQ  DX, DI
	MATCH3(0, Y0, Y2)
	VPMOVMSKB Y0, AX
	SHRL  CX, AX
	TESTL AX, AX
	JZ    none
	BSFL  AX, AX
	ADDQ  CX, AX
	ADDQ  DI, AX
	JMP   done

none:
	MOVQ $-1, AX

done:
	VZEROUPPER
	MOVQ AX, ret+24(FP)
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
