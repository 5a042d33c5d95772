/**
 * LD_PRELOAD shim for bench/fftw.bench.mjs: FFTW restricted to its SSE2 codelets ("SSE2-only").
 *
 * FFTW 3.3.10 registers its SIMD codelet tables only when the CPU check for that instruction set
 * succeeds: dft/conf.c and rdft/conf.c run `if (X(have_simd_avx)()) X(solvtab_exec)(X(solvtab_dft_avx), p);`
 * (likewise for sse2, avx2, avx-128-fma, avx512, kcvi). Debian's libfftw3.so.3 exports these checks
 * and calls them through its PLT (no -Bsymbolic), so a preloaded definition wins: with this shim the
 * planner never sees an AVX codelet, and the plans it builds use the SSE2 (`*_sse2`) and scalar
 * codelets only. The driver verifies this on every plan (fftw_sprint_plan contains no "_avx").
 *
 * Contract: every have_simd_* check for a SIMD set wider than 128 bits (or needing AVX encodings)
 * returns 0; the SSE2 check is left to FFTW. Build: gcc -O2 -shared -fPIC -o no_avx.so no_avx.c
 */
int fftw_have_simd_avx(void) { return 0; }
int fftw_have_simd_avx2(void) { return 0; }
int fftw_have_simd_avx2_128(void) { return 0; }
int fftw_have_simd_avx_128_fma(void) { return 0; }
int fftw_have_simd_avx512(void) { return 0; }
int fftw_have_simd_kcvi(void) { return 0; }
