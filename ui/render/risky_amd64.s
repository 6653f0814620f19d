//go:build amd64 && !purego

#include "textflag.h"

// func plainRunAVX2(p *byte, i, n int) int
//
// From p[i], 32 bytes at a time while i+34 <= n, passes the blocks where
// every byte from CC up is the lead of a character hasRisky passes by its
// bytes (U+4E00-U+9FFF, U+2010-U+2027, U+3000-U+302D, U+FF01-U+FF5E):
// each place k is compared in vector registers with the bytes at k+1 and
// k+2 loaded beside it. Returns the start of the block where it stopped.
TEXT ·plainRunAVX2(SB), NOSPLIT, $0-32
	MOVQ p+0(FP), SI
	MOVQ i+8(FP), CX
	MOVQ n+16(FP), DX
	SUBQ $34, DX

loop:
	CMPQ    CX, DX
	JGT     done
	VMOVDQU (SI)(CX*1), Y0
	VMOVDQU 1(SI)(CX*1), Y1
	VMOVDQU 2(SI)(CX*1), Y2

	// Y3: the bytes from CC up (above CB signed, below 0).
	VPCMPGTB rcb<>(SB), Y0, Y3
	VPCMPGTB rff<>(SB), Y0, Y4
	VPANDN   Y3, Y4, Y3

	// Y5, Y6: continuation bytes at k+1, k+2 (80-BF: not above BF).
	VPCMPGTB rbf<>(SB), Y1, Y5
	VPCMPGTB rbf<>(SB), Y2, Y6
	VPOR     Y6, Y5, Y7          // Y7: k+1 or k+2 is no continuation

	// Y8: ideographs: E5-E9, or E4 before B8-BF.
	VPCMPGTB re4<>(SB), Y0, Y8
	VPCMPGTB re9<>(SB), Y0, Y9
	VPANDN   Y8, Y9, Y8
	VPCMPEQB re4<>(SB), Y0, Y9
	VPCMPGTB rb7<>(SB), Y1, Y10
	VPANDN   Y10, Y5, Y10        // k+1 in B8-BF
	VPAND    Y10, Y9, Y9
	VPOR     Y9, Y8, Y8
	VPANDN   Y8, Y7, Y8          // with both continuations

	// E2 80 90-A7, E3 80 80-AD.
	VPCMPEQB r80<>(SB), Y1, Y9   // k+1 is 80
	VPCMPGTB r8f<>(SB), Y2, Y10
	VPCMPGTB ra7<>(SB), Y2, Y11
	VPANDN   Y10, Y11, Y10       // k+2 in 90-A7
	VPCMPEQB re2<>(SB), Y0, Y11
	VPAND    Y11, Y10, Y10
	VPAND    Y9, Y10, Y10
	VPOR     Y10, Y8, Y8
	VPCMPGTB rad<>(SB), Y2, Y10
	VPANDN   Y9, Y10, Y10        // k+1 is 80, k+2 not above AD
	VPANDN   Y10, Y6, Y10        // and a continuation
	VPCMPEQB re3<>(SB), Y0, Y11
	VPAND    Y11, Y10, Y10
	VPOR     Y10, Y8, Y8

	// EF BC 81-BF, EF BD 80-9E.
	VPCMPEQB rbc<>(SB), Y1, Y9
	VPCMPGTB r80<>(SB), Y2, Y10  // k+2 above 80 (signed: 81-BF, or 00-7F)
	VPANDN   Y10, Y6, Y10        // and a continuation
	VPAND    Y9, Y10, Y10
	VPCMPEQB rbd<>(SB), Y1, Y9
	VPCMPGTB r9e<>(SB), Y2, Y11
	VPANDN   Y9, Y11, Y11        // k+1 BD, k+2 not above 9E
	VPANDN   Y11, Y6, Y11        // and a continuation
	VPOR     Y11, Y10, Y10
	VPCMPEQB ref<>(SB), Y0, Y11
	VPAND    Y11, Y10, Y10
	VPOR     Y10, Y8, Y8

	// Every byte from CC up is such a lead.
	VPANDN   Y3, Y8, Y3
	VPTEST   Y3, Y3
	JNZ      done
	ADDQ     $32, CX
	JMP      loop

done:
	VZEROUPPER
	MOVQ CX, ret+24(FP)
	RET

DATA rcb<>+0(SB)/8, $0xcbcbcbcbcbcbcbcb
DATA rcb<>+8(SB)/8, $0xcbcbcbcbcbcbcbcb
DATA rcb<>+16(SB)/8, $0xcbcbcbcbcbcbcbcb
DATA rcb<>+24(SB)/8, $0xcbcbcbcbcbcbcbcb
GLOBL rcb<>(SB), RODATA|NOPTR, $32

DATA rff<>+0(SB)/8, $0xffffffffffffffff
DATA rff<>+8(SB)/8, $0xffffffffffffffff
DATA rff<>+16(SB)/8, $0xffffffffffffffff
DATA rff<>+24(SB)/8, $0xffffffffffffffff
GLOBL rff<>(SB), RODATA|NOPTR, $32

DATA re4<>+0(SB)/8, $0xe4e4e4e4e4e4e4e4
DATA re4<>+8(SB)/8, $0xe4e4e4e4e4e4e4e4
DATA re4<>+16(SB)/8, $0xe4e4e4e4e4e4e4e4
DATA re4<>+24(SB)/8, $0xe4e4e4e4e4e4e4e4
GLOBL re4<>(SB), RODATA|NOPTR, $32

DATA re9<>+0(SB)/8, $0xe9e9e9e9e9e9e9e9
DATA re9<>+8(SB)/8, $0xe9e9e9e9e9e9e9e9
DATA re9<>+16(SB)/8, $0xe9e9e9e9e9e9e9e9
DATA re9<>+24(SB)/8, $0xe9e9e9e9e9e9e9e9
GLOBL re9<>(SB), RODATA|NOPTR, $32

DATA re2<>+0(SB)/8, $0xe2e2e2e2e2e2e2e2
DATA re2<>+8(SB)/8, $0xe2e2e2e2e2e2e2e2
DATA re2<>+16(SB)/8, $0xe2e2e2e2e2e2e2e2
DATA re2<>+24(SB)/8, $0xe2e2e2e2e2e2e2e2
GLOBL re2<>(SB), RODATA|NOPTR, $32

DATA re3<>+0(SB)/8, $0xe3e3e3e3e3e3e3e3
DATA re3<>+8(SB)/8, $0xe3e3e3e3e3e3e3e3
DATA re3<>+16(SB)/8, $0xe3e3e3e3e3e3e3e3
DATA re3<>+24(SB)/8, $0xe3e3e3e3e3e3e3e3
GLOBL re3<>(SB), RODATA|NOPTR, $32

DATA ref<>+0(SB)/8, $0xefefefefefefefef
DATA ref<>+8(SB)/8, $0xefefefefefefefef
DATA ref<>+16(SB)/8, $0xefefefefefefefef
DATA ref<>+24(SB)/8, $0xefefefefefefefef
GLOBL ref<>(SB), RODATA|NOPTR, $32

DATA rbf<>+0(SB)/8, $0xbfbfbfbfbfbfbfbf
DATA rbf<>+8(SB)/8, $0xbfbfbfbfbfbfbfbf
DATA rbf<>+16(SB)/8, $0xbfbfbfbfbfbfbfbf
DATA rbf<>+24(SB)/8, $0xbfbfbfbfbfbfbfbf
GLOBL rbf<>(SB), RODATA|NOPTR, $32

DATA rb7<>+0(SB)/8, $0xb7b7b7b7b7b7b7b7
DATA rb7<>+8(SB)/8, $0xb7b7b7b7b7b7b7b7
DATA rb7<>+16(SB)/8, $0xb7b7b7b7b7b7b7b7
DATA rb7<>+24(SB)/8, $0xb7b7b7b7b7b7b7b7
GLOBL rb7<>(SB), RODATA|NOPTR, $32

DATA r80<>+0(SB)/8, $0x8080808080808080
DATA r80<>+8(SB)/8, $0x8080808080808080
DATA r80<>+16(SB)/8, $0x8080808080808080
DATA r80<>+24(SB)/8, $0x8080808080808080
GLOBL r80<>(SB), RODATA|NOPTR, $32

DATA rbc<>+0(SB)/8, $0xbcbcbcbcbcbcbcbc
DATA rbc<>+8(SB)/8, $0xbcbcbcbcbcbcbcbc
DATA rbc<>+16(SB)/8, $0xbcbcbcbcbcbcbcbc
DATA rbc<>+24(SB)/8, $0xbcbcbcbcbcbcbcbc
GLOBL rbc<>(SB), RODATA|NOPTR, $32

DATA rbd<>+0(SB)/8, $0xbdbdbdbdbdbdbdbd
DATA rbd<>+8(SB)/8, $0xbdbdbdbdbdbdbdbd
DATA rbd<>+16(SB)/8, $0xbdbdbdbdbdbdbdbd
DATA rbd<>+24(SB)/8, $0xbdbdbdbdbdbdbdbd
GLOBL rbd<>(SB), RODATA|NOPTR, $32

DATA r8f<>+0(SB)/8, $0x8f8f8f8f8f8f8f8f
DATA r8f<>+8(SB)/8, $0x8f8f8f8f8f8f8f8f
DATA r8f<>+16(SB)/8, $0x8f8f8f8f8f8f8f8f
DATA r8f<>+24(SB)/8, $0x8f8f8f8f8f8f8f8f
GLOBL r8f<>(SB), RODATA|NOPTR, $32

DATA ra7<>+0(SB)/8, $0xa7a7a7a7a7a7a7a7
DATA ra7<>+8(SB)/8, $0xa7a7a7a7a7a7a7a7
DATA ra7<>+16(SB)/8, $0xa7a7a7a7a7a7a7a7
DATA ra7<>+24(SB)/8, $0xa7a7a7a7a7a7a7a7
GLOBL ra7<>(SB), RODATA|NOPTR, $32

DATA rad<>+0(SB)/8, $0xadadadadadadadad
DATA rad<>+8(SB)/8, $0xadadadadadadadad
DATA rad<>+16(SB)/8, $0xadadadadadadadad
DATA rad<>+24(SB)/8, $0xadadadadadadadad
GLOBL rad<>(SB), RODATA|NOPTR, $32

DATA r9e<>+0(SB)/8, $0x9e9e9e9e9e9e9e9e
DATA r9e<>+8(SB)/8, $0x9e9e9e9e9e9e9e9e
DATA r9e<>+16(SB)/8, $0x9e9e9e9e9e9e9e9e
DATA r9e<>+24(SB)/8, $0x9e9e9e9e9e9e9e9e
GLOBL r9e<>(SB), RODATA|NOPTR, $32
