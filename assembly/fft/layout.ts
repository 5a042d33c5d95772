// layout.ts — byte layout of the plan headers kept in WASM memory (one heap block per plan).
// Plans are plain memory, not managed objects: the JS side holds only the pointer.

// Complex plan header
export const CP_N: usize = 0;         // n (complex points)
export const CP_KIND: usize = 4;      // KIND_STOCKHAM | KIND_BLUESTEIN
export const CP_NPASS: usize = 8;     // number of Stockham passes
export const CP_WORK: usize = 12;     // n complex scratch (ping-pong buffer)
export const CP_IN: usize = 16;       // n complex caller-visible input buffer (0 if internal)
export const CP_OUT: usize = 20;      // n complex caller-visible output buffer (0 if internal)
export const CP_SUB: usize = 24;      // Bluestein: sub-plan of size M
export const CP_CHIRP: usize = 28;    // Bluestein: conj(c_k), c_k = e^{iπk²/n}, pre-splatted (32 B each)
export const CP_FILT: usize = 32;     // Bluestein: FFT_M(b), pre-splatted
export const CP_BUFA: usize = 36;     // Bluestein: M complex
export const CP_BUFB: usize = 40;     // Bluestein: M complex
export const CP_M: usize = 44;        // Bluestein: M
export const CP_CHIRPN: usize = 48;   // Bluestein: c_k / n (each correctly rounded), 16 B each, for the inverse
export const CP_SPLIT: usize = 56;    // SIMD build: bit i set when pass i writes pair-split data (split.ts), u64
export const CP_PASSES: usize = 64;   // pass records: [radix u32, twiddle ptr u32] × MAX_PASSES
export const MAX_PASSES: i32 = 40;
export const CP_SIZE: usize = CP_PASSES + <usize>MAX_PASSES * 8;

export const KIND_STOCKHAM: i32 = 0;
export const KIND_BLUESTEIN: i32 = 1;

// Real plan header
export const RP_N: usize = 0;         // n (real points)
export const RP_ODD: usize = 4;       // 1 when n is odd (done through a complex plan of size n)
export const RP_SUB: usize = 8;       // complex plan of size n/2 (even) or n (odd)
export const RP_TW: usize = 12;       // even: e^{-2πik/n}, k = 0..n/4, pre-splatted
export const RP_WORK: usize = 16;     // even: n/2 complex; odd: n complex
export const RP_WORK2: usize = 20;    // odd: n complex
export const RP_REAL: usize = 24;     // caller-visible n reals
export const RP_SPEC: usize = 28;     // caller-visible n/2+1 complex
export const RP_SIZE: usize = 32;
