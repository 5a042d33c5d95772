/**
 * FFTW timing harness for bench/fftw.bench.mjs (issue 21): a long-lived process that plans once and
 * then answers timing requests on stdin, so that the Node driver can alternate FFTW and samudra
 * batch by batch without re-planning.
 *
 * Contract
 *   usage: fftw_bench n1 n2 ...          (transform lengths, each 1 ≤ n ≤ 2^24)
 *   1. Self-check: forward c2c and r2c (FFTW_ESTIMATE) of the shared test signal against a naive DFT
 *      X_k = Σ_j x_j e^{−2πi jk/n} (long double, exact index reduction jk mod n) for a fixed set of
 *      small n plus every requested n ≤ 4096; relative rms error must be ≤ 1e-12, else the process
 *      prints "error ..." to stderr and exits 3.
 *   2. Plans every n with FFTW_MEASURE: out-of-place c2c forward (fftw_plan_dft_1d) and out-of-place
 *      r2c (fftw_plan_dft_r2c_1d), buffers from fftw_malloc. Prints "ready <planning seconds>".
 *      If the environment names FFTW_BENCH_WISDOM (a file), its wisdom is imported first (when the file
 *      exists) and the wisdom after planning is exported to it: reruns then skip the measuring.
 *   3. Commands, one per stdin line, one answer line each on stdout:
 *        avx                      -> "avx <fftw_have_simd_avx()>"  (0 under the no-AVX shim)
 *        version                  -> "version <fftw_version>", e.g. "fftw-3.3.10-sse2-avx"
 *        plan <n> <c2c|r2c>       -> "plan <fftw_sprint_plan, one line>"
 *        dump <n> <c2c|r2c> <path> -> writes the forward transform of the test signal as raw
 *                                    little-endian doubles (c2c: 2n, r2c: 2(n/2+1)), "ok"
 *        calib <n> <c2c|r2c> <batch_ms> -> "calib <reps>": repetitions for one batch of ≥ batch_ms
 *        batch <n> <c2c|r2c> <reps>     -> "batch <ns per transform>": one timed batch of reps calls
 *        quit
 *   Test signal (bit-identical in bench/fftw.bench.mjs): element j of a length-m array is
 *   h = mix32((j+1)·0x9E3779B1 ^ seed), value h/2^32 − 0.5, seed = n (c2c: m = 2n interleaved re,im).
 *   Errors (bad command, unknown n) print "error <reason>" and exit 2: the driver fails loudly.
 */
#include <fftw3.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int fftw_have_simd_avx(void); /* exported by libfftw3 (simd-support/avx.c); interposed by no_avx.c */

typedef struct { int n; double *cin, *cout, *rin, *rout; fftw_plan c2c, r2c; } entry;
static entry *table;
static int count;

static void die(int code, const char *what, long a) {
  fprintf(stderr, "error %s %ld\n", what, a);
  printf("error %s %ld\n", what, a);
  fflush(stdout);
  exit(code);
}

static uint32_t mix32(uint32_t h) {
  h ^= h >> 16; h *= 0x85EBCA6Bu; h ^= h >> 13; h *= 0xC2B2AE35u; h ^= h >> 16;
  return h;
}
static void signal_fill(double *x, long m, uint32_t seed) {
  for (long j = 0; j < m; j++) x[j] = mix32(((uint32_t)(j + 1) * 0x9E3779B1u) ^ seed) / 4294967296.0 - 0.5;
}
static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

/* relative rms of FFTW (ESTIMATE) against a naive long-double DFT; kind 0 = c2c, 1 = r2c */
static double check_naive(int n, int kind) {
  long bins = kind ? n / 2 + 1 : n;
  double *in = fftw_malloc(sizeof(double) * 2 * n), *out = fftw_malloc(sizeof(double) * 2 * n);
  fftw_plan p = kind ? fftw_plan_dft_r2c_1d(n, in, (fftw_complex *)out, FFTW_ESTIMATE)
                     : fftw_plan_dft_1d(n, (fftw_complex *)in, (fftw_complex *)out, FFTW_FORWARD, FFTW_ESTIMATE);
  signal_fill(in, kind ? n : 2L * n, (uint32_t)n);
  fftw_execute(p);
  long double *c = malloc(sizeof(long double) * n), *s = malloc(sizeof(long double) * n);
  const long double pi = 3.141592653589793238462643383279502884L;
  for (long t = 0; t < n; t++) { c[t] = cosl(2 * pi * t / n); s[t] = sinl(2 * pi * t / n); }
  long double err = 0, ref = 0;
  for (long k = 0; k < bins; k++) {
    long double re = 0, im = 0;
    for (long j = 0, t = 0; j < n; j++, t = (t + k) % n) {
      long double xr = kind ? in[j] : in[2 * j], xi = kind ? 0 : in[2 * j + 1];
      re += xr * c[t] + xi * s[t]; /* (xr + i xi)(cos − i sin) */
      im += xi * c[t] - xr * s[t];
    }
    long double dr = out[2 * k] - re, di = out[2 * k + 1] - im;
    err += dr * dr + di * di; ref += re * re + im * im;
  }
  fftw_destroy_plan(p); fftw_free(in); fftw_free(out); free(c); free(s);
  return (double)sqrtl(err / (ref > 0 ? ref : 1));
}

static entry *find(int n) {
  for (int i = 0; i < count; i++) if (table[i].n == n) return &table[i];
  die(2, "unknown n (not planned)", n);
  return NULL;
}
static int kind_of(const char *k) {
  if (!strcmp(k, "c2c")) return 0;
  if (!strcmp(k, "r2c")) return 1;
  die(2, "unknown kind (use c2c or r2c)", 0);
  return -1;
}
static void fill_inputs(entry *e) {
  signal_fill(e->cin, 2L * e->n, (uint32_t)e->n);
  signal_fill(e->rin, e->n, (uint32_t)e->n);
}

static double batch(fftw_plan p, long reps) {
  double t0 = now_ns();
  for (long r = 0; r < reps; r++) fftw_execute(p);
  return now_ns() - t0;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: fftw_bench n1 n2 ...\n"); return 2; }
  setvbuf(stdout, NULL, _IOLBF, 0);
  static const int small[] = { 1, 2, 3, 5, 7, 8, 11, 13, 16, 60, 64, 97, 210, 256 };
  for (int pass = 0; pass < 2; pass++) {
    int m = pass ? argc - 1 : (int)(sizeof small / sizeof *small);
    for (int i = 0; i < m; i++) {
      int n = pass ? atoi(argv[i + 1]) : small[i];
      if (n < 1 || n > (1 << 24)) die(2, "bad n", n);
      if (n > 4096) continue;
      for (int kind = 0; kind < 2; kind++) {
        double e = check_naive(n, kind);
        if (!(e <= 1e-12)) {
          fprintf(stderr, "error FFTW %s n=%d differs from the naive DFT: relative rms %.3g > 1e-12\n", kind ? "r2c" : "c2c", n, e);
          return 3;
        }
      }
    }
  }
  count = argc - 1;
  table = calloc(count, sizeof *table);
  const char *wisdom = getenv("FFTW_BENCH_WISDOM");
  if (wisdom && *wisdom) fftw_import_wisdom_from_filename(wisdom); /* a missing file is not an error */
  double t0 = now_ns();
  for (int i = 0; i < count; i++) {
    entry *e = &table[i];
    int n = e->n = atoi(argv[i + 1]);
    e->cin = fftw_malloc(sizeof(double) * 2 * n); e->cout = fftw_malloc(sizeof(double) * 2 * n);
    e->rin = fftw_malloc(sizeof(double) * n); e->rout = fftw_malloc(sizeof(double) * 2 * (n / 2 + 1));
    e->c2c = fftw_plan_dft_1d(n, (fftw_complex *)e->cin, (fftw_complex *)e->cout, FFTW_FORWARD, FFTW_MEASURE);
    e->r2c = fftw_plan_dft_r2c_1d(n, e->rin, (fftw_complex *)e->rout, FFTW_MEASURE);
    if (!e->c2c || !e->r2c) die(2, "FFTW could not plan n", n);
    fill_inputs(e); /* FFTW_MEASURE overwrites the arrays while planning */
  }
  double planned = (now_ns() - t0) / 1e9;
  if (wisdom && *wisdom && !fftw_export_wisdom_to_filename(wisdom)) die(2, "cannot write the FFTW_BENCH_WISDOM file", 0);
  printf("ready %.3f\n", planned);

  char line[4096], cmd[16], k[8], path[3900];
  while (fgets(line, sizeof line, stdin)) {
    int n = 0;
    long reps = 0;
    double ms = 0;
    if (sscanf(line, "%15s", cmd) != 1) continue;
    if (!strcmp(cmd, "quit")) break;
    if (!strcmp(cmd, "avx")) { printf("avx %d\n", fftw_have_simd_avx()); continue; }
    if (!strcmp(cmd, "version")) { printf("version %s\n", fftw_version); continue; }
    if (!strcmp(cmd, "plan") && sscanf(line, "%*s %d %7s", &n, k) == 2) {
      entry *e = find(n);
      char *s = fftw_sprint_plan(kind_of(k) ? e->r2c : e->c2c);
      for (char *c = s; *c; c++) if (*c == '\n') *c = ' ';
      printf("plan %s\n", s);
      free(s);
    } else if (!strcmp(cmd, "dump") && sscanf(line, "%*s %d %7s %3899s", &n, k, path) == 3) {
      entry *e = find(n);
      int kind = kind_of(k);
      fill_inputs(e);
      fftw_execute(kind ? e->r2c : e->c2c);
      FILE *f = fopen(path, "wb");
      long m = kind ? 2L * (n / 2 + 1) : 2L * n;
      if (!f || fwrite(kind ? e->rout : e->cout, sizeof(double), m, f) != (size_t)m || fclose(f)) die(2, "cannot write dump for n", n);
      printf("ok\n");
    } else if (!strcmp(cmd, "calib") && sscanf(line, "%*s %d %7s %lf", &n, k, &ms) == 3) {
      entry *e = find(n);
      fftw_plan p = kind_of(k) ? e->r2c : e->c2c;
      fill_inputs(e);
      long reps = 1;
      for (;;) { /* double until a batch lasts ≥ batch_ms / 4, then scale */
        double dt = batch(p, reps);
        if (dt >= ms * 1e6 / 4) { reps = (long)ceil(reps * ms * 1e6 / dt); break; }
        reps *= 2;
      }
      printf("calib %ld\n", reps);
    } else if (!strcmp(cmd, "batch") && sscanf(line, "%*s %d %7s %ld", &n, k, &reps) == 3 && reps > 0) {
      entry *e = find(n);
      printf("batch %.3f\n", batch(kind_of(k) ? e->r2c : e->c2c, reps) / reps);
    } else {
      die(2, "bad command line of length", (long)strlen(line));
    }
  }
  for (int i = 0; i < count; i++) {
    entry *e = &table[i];
    fftw_destroy_plan(e->c2c); fftw_destroy_plan(e->r2c);
    fftw_free(e->cin); fftw_free(e->cout); fftw_free(e->rin); fftw_free(e->rout);
  }
  return 0;
}
