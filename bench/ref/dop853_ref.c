/* dop853_ref.c — a plain C DOP853 for `npm run bench:ode` (bench/ode.bench.mjs builds it with gcc -O3 when gcc is
 * present and runs it in a separate process, alternating with the Node runs).
 *
 * Follows Hairer's dop853.c (E. Hairer, G. Wanner, http://www.unige.ch/~hairer/software.html): the same
 * Dormand–Prince 8(5,3) tableau (the doubles below are scipy's dop853_coefficients, transcribed from Hairer's code;
 * generated from assembly/ode/dop853_tableau.ts), the stages written out with constant coefficients and summed in
 * stage order, y + (Σ a_sj k_j)·h, FSAL, plain arrays, no allocation in the loop.
 *
 * Step-size control: scipy.integrate.solve_ivp's (rk.py), which samudra implements, NOT dop853.c's own
 * (fac1 = 0.333, fac2 = 6, β = 0.04 stabilisation, its error norm without the square of scipy's 2-norm):
 *   scale = atol + max(|y|, |y_new|)·rtol,  e5 = ‖E5·K/scale‖², e3 = ‖E3·K/scale‖²,
 *   err = |h|·e5/√((e5 + 0.01 e3)·n); accept if err < 1 with h·min(10, 0.9 err^(−1/8)) (≤ 1 after a rejection),
 *   else h·max(0.2, 0.9 err^(−1/8)); first step by scipy's select_initial_step (Hairer's hinit algorithm).
 * Why: with the same control both codes take the same steps (same nfev, naccept, nreject — checked by the
 * benchmark), so the timing ratio measures implementation speed only, not a different step sequence. The step
 * counts are checked against scipy's solve_ivp (Arenstorf, rtol = atol = 1e-10: scipy 1.17.1 nfev 2708... see
 * docs/benchmarks.md). `hairer` mode runs dop853.c's own control instead (integrateHairer below), and
 * test/ode-c-ref.test.ts checks its counts against Hairer's Fortran DOP853 as scipy.integrate.ode("dop853") ships it.
 * Every accepted step's (t, y) is stored in a growable array, as ode.solve keeps every step.
 *
 * Usage: dop853_ref lorenz|arenstorf BATCH_MS  → one JSON line {ms, runs, nfev, naccept, nreject, nsteps, y}
 *        dop853_ref hairer lorenz|arenstorf TOL [scipy-dop-c] → the same counts with dop853.c's own step control (no
 *        timing); `scipy-dop-c` copies the one line where scipy 1.17's C translation (scipy/integrate/src/dop.c) departs
 *        from dop853.f: a rejected step divides h by min(facc1, facc1/safe) instead of min(facc1, fac11/safe)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NMAX 8
static int N;
static int nfev;
static int problem;                      /* 0 Lorenz, 1 Arenstorf */

static void F(double t, const double *y, double *d) {
  (void)t;
  nfev++;
  if (problem == 0) {
    d[0] = 10.0 * (y[1] - y[0]);
    d[1] = y[0] * (28.0 - y[2]) - y[1];
    d[2] = y[0] * y[1] - (8.0 / 3.0) * y[2];
  } else {
    const double mu = 0.012277471, mup = 1.0 - mu;
    const double x = y[0], yy = y[1], vx = y[2], vy = y[3];
    const double r1 = (x + mu) * (x + mu) + yy * yy, r2 = (x - mup) * (x - mup) + yy * yy;
    const double d1 = r1 * sqrt(r1), d2 = r2 * sqrt(r2);
    d[0] = vx;
    d[1] = vy;
    d[2] = x + 2.0 * vy - mup * (x + mu) / d1 - mu * (x - mup) / d2;
    d[3] = yy - 2.0 * vx - mup * yy / d1 - mu * yy / d2;
  }
}

static double k[13][NMAX], yt[NMAX], ynew[NMAX], sc[NMAX];

/* one attempt of size h from (t, y): k[1..12], ynew (k[0] = f(t, y)) */
static void stages(double t, const double *y, double h) {
  for (int j = 0; j < N; j++) yt[j] = y[j] + (0.05260015195876773 * k[0][j]) * h;
  F(t + 0.05260015195876773 * h, yt, k[1]);
  for (int j = 0; j < N; j++) yt[j] = y[j] + (0.0197250569845379 * k[0][j] + 0.0591751709536137 * k[1][j]) * h;
  F(t + 0.0789002279381516 * h, yt, k[2]);
  for (int j = 0; j < N; j++) yt[j] = y[j] + (0.02958758547680685 * k[0][j] + 0.08876275643042054 * k[2][j]) * h;
  F(t + 0.1183503419072274 * h, yt, k[3]);
  for (int j = 0; j < N; j++) yt[j] = y[j] + (0.2413651341592667 * k[0][j] + -0.8845494793282861 * k[2][j] + 0.924834003261792 * k[3][j]) * h;
  F(t + 0.2816496580927726 * h, yt, k[4]);
  for (int j = 0; j < N; j++) yt[j] = y[j] + (0.037037037037037035 * k[0][j] + 0.17082860872947386 * k[3][j] + 0.12546768756682242 * k[4][j]) * h;
  F(t + 0.3333333333333333 * h, yt, k[5]);
  for (int j = 0; j < N; j++) yt[j] = y[j] + (0.037109375 * k[0][j] + 0.17025221101954405 * k[3][j] + 0.06021653898045596 * k[4][j] + -0.017578125 * k[5][j]) * h;
  F(t + 0.25 * h, yt, k[6]);
  for (int j = 0; j < N; j++) yt[j] = y[j] + (0.03709200011850479 * k[0][j] + 0.17038392571223998 * k[3][j] + 0.10726203044637328 * k[4][j] + -0.015319437748624402 * k[5][j] + 0.008273789163814023 * k[6][j]) * h;
  F(t + 0.3076923076923077 * h, yt, k[7]);
  for (int j = 0; j < N; j++) yt[j] = y[j] + (0.6241109587160757 * k[0][j] + -3.3608926294469414 * k[3][j] + -0.868219346841726 * k[4][j] + 27.59209969944671 * k[5][j] + 20.154067550477894 * k[6][j] + -43.48988418106996 * k[7][j]) * h;
  F(t + 0.6512820512820513 * h, yt, k[8]);
  for (int j = 0; j < N; j++) yt[j] = y[j] + (0.47766253643826434 * k[0][j] + -2.4881146199716677 * k[3][j] + -0.590290826836843 * k[4][j] + 21.230051448181193 * k[5][j] + 15.279233632882423 * k[6][j] + -33.28821096898486 * k[7][j] + -0.020331201708508627 * k[8][j]) * h;
  F(t + 0.6 * h, yt, k[9]);
  for (int j = 0; j < N; j++) yt[j] = y[j] + (-0.9371424300859873 * k[0][j] + 5.186372428844064 * k[3][j] + 1.0914373489967295 * k[4][j] + -8.149787010746927 * k[5][j] + -18.52006565999696 * k[6][j] + 22.739487099350505 * k[7][j] + 2.4936055526796523 * k[8][j] + -3.0467644718982196 * k[9][j]) * h;
  F(t + 0.8571428571428571 * h, yt, k[10]);
  for (int j = 0; j < N; j++) yt[j] = y[j] + (2.273310147516538 * k[0][j] + -10.53449546673725 * k[3][j] + -2.0008720582248625 * k[4][j] + -17.9589318631188 * k[5][j] + 27.94888452941996 * k[6][j] + -2.8589982771350235 * k[7][j] + -8.87285693353063 * k[8][j] + 12.360567175794303 * k[9][j] + 0.6433927460157636 * k[10][j]) * h;
  F(t + 1.0 * h, yt, k[11]);
  for (int j = 0; j < N; j++) ynew[j] = y[j] + (0.054293734116568765 * k[0][j] + 4.450312892752409 * k[5][j] + 1.8915178993145003 * k[6][j] + -5.801203960010585 * k[7][j] + 0.3111643669578199 * k[8][j] + -0.1521609496625161 * k[9][j] + 0.20136540080403034 * k[10][j] + 0.04471061572777259 * k[11][j]) * h;
  F(t + h, ynew, k[12]);
}

static double pymin(double a, double b) { return b < a ? b : a; }
static double pymax(double a, double b) { return b > a ? b : a; }

static double rms(const double *v) {
  double s = 0;
  for (int j = 0; j < N; j++) { double a = v[j] / sc[j]; s += a * a; }
  return sqrt(s) / sqrt((double)N);
}

typedef struct { double *t, *y; long len, cap; } Out;
static void push(Out *o, double t, const double *y) {
  if (o->len == o->cap) {
    o->cap = o->cap ? 2 * o->cap : 1024;
    o->t = realloc(o->t, o->cap * sizeof(double));
    o->y = realloc(o->y, o->cap * N * sizeof(double));
  }
  o->t[o->len] = t;
  memcpy(o->y + o->len * N, y, N * sizeof(double));
  o->len++;
}

static int naccept, nreject, attempts;

/* returns 0 finished, -1 step too small */
static int integrate(double t, double tEnd, double *y, double rtol, double atol, Out *out) {
  const double dir = tEnd > t ? 1.0 : -1.0, maxStep = INFINITY;
  nfev = naccept = nreject = 0;
  out->len = 0;
  push(out, t, y);
  F(t, y, k[12]);
  /* scipy select_initial_step */
  for (int j = 0; j < N; j++) sc[j] = atol + fabs(y[j]) * rtol;
  double d0 = rms(y), d1 = rms(k[12]);
  double interval = fabs(tEnd - t);
  double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
  h0 = pymin(h0, interval);
  for (int j = 0; j < N; j++) yt[j] = y[j] + h0 * dir * k[12][j];
  F(t + h0 * dir, yt, k[0]);
  for (int j = 0; j < N; j++) yt[j] = k[0][j] - k[12][j];
  double d2 = rms(yt) / h0;
  double h1 = (d1 <= 1e-15 && d2 <= 1e-15) ? pymax(1e-6, h0 * 1e-3) : pow(0.01 / pymax(d1, d2), 1.0 / 8.0);
  double hAbs = pymin(pymin(pymin(100.0 * h0, h1), interval), maxStep);
  const double expo = -1.0 / 8.0;
  for (;;) {
    double minS = 10.0 * fabs(nextafter(t, dir * INFINITY) - t);
    memcpy(k[0], k[12], N * sizeof(double));
    if (hAbs > maxStep) hAbs = maxStep; else if (hAbs < minS) hAbs = minS;
    int rejected = 0;
    double tNew, h;
    for (;;) {
      if (hAbs < minS) return -1;
      h = hAbs * dir;
      tNew = t + h;
      if (dir * (tNew - tEnd) > 0) tNew = tEnd;
      h = tNew - t;
      hAbs = fabs(h);
      stages(t, y, h);
      double s5 = 0, s3 = 0;
      for (int j = 0; j < N; j++) {
        sc[j] = atol + fmax(fabs(y[j]), fabs(ynew[j])) * rtol;
        double e5 = 0.01312004499419488 * k[0][j] + -1.2251564463762044 * k[5][j] + -0.4957589496572502 * k[6][j] + 1.6643771824549864 * k[7][j] + -0.35032884874997366 * k[8][j] + 0.3341791187130175 * k[9][j] + 0.08192320648511571 * k[10][j] + -0.022355307863886294 * k[11][j];
        double e3 = -0.18980075407240762 * k[0][j] + 4.450312892752409 * k[5][j] + 1.8915178993145003 * k[6][j] + -5.801203960010585 * k[7][j] + -0.4226823213237919 * k[8][j] + -0.1521609496625161 * k[9][j] + 0.20136540080403034 * k[10][j] + 0.02265179219836082 * k[11][j];
        double x5 = e5 / sc[j], x3 = e3 / sc[j];
        s5 += x5 * x5; s3 += x3 * x3;
      }
      double n5 = sqrt(s5), n3 = sqrt(s3), q5 = n5 * n5, q3 = n3 * n3, err;
      err = (q5 == 0.0 && q3 == 0.0) ? 0.0 : fabs(h) * q5 / sqrt((q5 + 0.01 * q3) * N);
      if (err < 1.0) {
        double factor = err == 0.0 ? 10.0 : pymin(10.0, 0.9 * pow(err, expo));
        if (rejected) factor = pymin(1.0, factor);
        hAbs *= factor;
        break;
      }
      hAbs *= pymax(0.2, 0.9 * pow(err, expo));
      rejected = 1;
      nreject++;
    }
    naccept++;
    t = tNew;
    memcpy(y, ynew, N * sizeof(double));
    push(out, t, y);
    if (dir * (t - tEnd) >= 0) return 0;
  }
}

/* dop853.c's own control (Hairer's DP86CO with its defaults: safe 0.9, fac1 0.333, fac2 6, β = 0, hmax = |tEnd − t|,
 * hinit), for the check against Hairer's code (test/ode-c-ref.test.ts): K4 = Σ b_j k_j, ynew = y + h·K4,
 *   sk = atol + rtol·max(|y|, |ynew|), err = Σ (ER·K/sk)², err2 = Σ ((K4 − bhh1 k1 − bhh2 k9 − bhh3 k12)/sk)²,
 *   err = |h|·err·√(1/(n·(err + 0.01 err2))), fac = max(1/6, min(1/0.333, err^(1/8)/0.9)), hnew = h/fac;
 * accepted if err ≤ 1 (hnew ≤ |h| after a rejection), else hnew = h/min(1/0.333, err^(1/8)/0.9). nfev counts as
 * dop853.c's nfcn (2 for the start, 11 per attempt, 1 per accepted step); nreject as its nrejct (rejections after
 * the first accepted step only). */
static int integrateHairer(double x, double xEnd, double *y, double rtol, double atol, int facc1Bug) {
  const double posneg = xEnd > x ? 1.0 : -1.0, hmax = fabs(xEnd - x), uround = 2.3e-16;
  const double safe = 0.9, facc1 = 1.0 / 0.333, facc2 = 1.0 / 6.0, expo1 = 1.0 / 8.0;
  const double bhh1 = 0.244094488188976377952755905512, bhh2 = 0.733846688281611857341361741547,
    bhh3 = 0.220588235294117647058823529412e-1;
  nfev = 0; naccept = 0; nreject = 0;
  F(x, y, k[0]);
  /* hinit, iord = 8 */
  double dnf = 0, dny = 0;
  for (int j = 0; j < N; j++) { double sk = atol + rtol * fabs(y[j]); dnf += (k[0][j] / sk) * (k[0][j] / sk); dny += (y[j] / sk) * (y[j] / sk); }
  double h = (dnf <= 1e-10 || dny <= 1e-10) ? 1.0e-6 : sqrt(dny / dnf) * 0.01;
  h = fmin(h, hmax); h = copysign(h, posneg);
  for (int j = 0; j < N; j++) yt[j] = y[j] + h * k[0][j];
  F(x + h, yt, k[1]);
  double der2 = 0;
  for (int j = 0; j < N; j++) { double sk = atol + rtol * fabs(y[j]), d = (k[1][j] - k[0][j]) / sk; der2 += d * d; }
  der2 = sqrt(der2) / h;
  double der12 = fmax(fabs(der2), sqrt(dnf));
  double h1 = der12 <= 1e-15 ? fmax(1.0e-6, fabs(h) * 1.0e-3) : pow(0.01 / der12, 1.0 / 8.0);
  h = copysign(fmin(fmin(100 * fabs(h), h1), hmax), posneg);
  int fc = 2;                  /* dop853.c's nfcn: += 2 after hinit (the first f(x, y) is counted there); F's own count
                                  also sees stages()'s f(x + h, ynew) on rejected attempts, which dop853.c does not make */
  int reject = 0, last = 0;
  attempts = 0;
  for (;;) {
    if (attempts > 1000000) { nfev = fc; return -2; }
    if (0.1 * fabs(h) <= fabs(x) * uround) { nfev = fc; return -1; }
    if ((x + 1.01 * h - xEnd) * posneg > 0.0) { h = xEnd - x; last = 1; }
    attempts++;
    stages(x, y, h);           /* k[1..11] = stages 2..12, ynew = y + (Σ b k)·h, k[12] = f(x + h, ynew) */
    fc += 11;
    double err = 0, err2 = 0;
    for (int j = 0; j < N; j++) {
      double k4 = 0.054293734116568765 * k[0][j] + 4.450312892752409 * k[5][j] + 1.8915178993145003 * k[6][j] + -5.801203960010585 * k[7][j] + 0.3111643669578199 * k[8][j] + -0.1521609496625161 * k[9][j] + 0.20136540080403034 * k[10][j] + 0.04471061572777259 * k[11][j];
      double sk = atol + rtol * fmax(fabs(y[j]), fabs(ynew[j]));
      double e2 = k4 - bhh1 * k[0][j] - bhh2 * k[8][j] - bhh3 * k[11][j];
      err2 += (e2 / sk) * (e2 / sk);
      double e = 0.01312004499419488 * k[0][j] + -1.2251564463762044 * k[5][j] + -0.4957589496572502 * k[6][j] + 1.6643771824549864 * k[7][j] + -0.35032884874997366 * k[8][j] + 0.3341791187130175 * k[9][j] + 0.08192320648511571 * k[10][j] + -0.022355307863886294 * k[11][j];
      err += (e / sk) * (e / sk);
    }
    double deno = err + 0.01 * err2;
    if (deno <= 0.0) deno = 1.0;
    err = fabs(h) * err * sqrt(1.0 / (N * deno));
    double fac11 = pow(err, expo1);
    double fac = fmax(facc2, fmin(facc1, fac11 / safe));
    double hnew = h / fac;
    if (err <= 1.0) {
      naccept++;
      fc += 1;                 /* k[12] = f(x + h, ynew), the next step's k1 */
      memcpy(k[0], k[12], N * sizeof(double));
      memcpy(y, ynew, N * sizeof(double));
      x = x + h;
      if (last) { nfev = fc; return 0; }
      if (fabs(hnew) > hmax) hnew = posneg * hmax;
      if (reject) hnew = posneg * fmin(fabs(hnew), fabs(h));
      reject = 0;
    } else {
      hnew = h / fmin(facc1, (facc1Bug ? facc1 : fac11) / safe);   /* facc1Bug: scipy 1.17's dop.c line */
      reject = 1;
      if (naccept >= 1) nreject++;
      last = 0;
    }
    h = hnew;
  }
}

static double now(void) { struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts); return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6; }

static volatile double sink;

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "hairer") == 0) {
    /* dop853_ref hairer lorenz|arenstorf TOL → {nfev, naccept, nreject, y} with dop853.c's control, rtol = atol = TOL */
    problem = (argc > 2 && strcmp(argv[2], "arenstorf") == 0) ? 1 : 0;
    const double tol = argc > 3 ? atof(argv[3]) : 1e-7;
    double y[4] = {0.994, 0, 0, -2.00158510637908252240537862224};
    if (!problem) { y[0] = 1; y[1] = 1; y[2] = 1; }
    N = problem ? 4 : 3;
    const int bug = argc > 4 && strcmp(argv[4], "scipy-dop-c") == 0;
    int status = integrateHairer(0, problem ? 17.0652165601579625588917206249 : 100.0, y, tol, tol, bug);
    printf("{\"status\":%d,\"nfev\":%d,\"naccept\":%d,\"nreject\":%d,\"attempts\":%d,\"y\":[", status, nfev, naccept, nreject, attempts);
    for (int j = 0; j < N; j++) printf("%s%.17g", j ? "," : "", y[j]);
    printf("]}\n");
    return status == 0 ? 0 : 1;
  }
  problem = (argc > 1 && strcmp(argv[1], "arenstorf") == 0) ? 1 : 0;
  const double batchMs = argc > 2 ? atof(argv[2]) : 60.0;
  const double T = problem ? 17.0652165601579625588917206249 : (argc > 3 ? atof(argv[3]) : 100.0);
  const double y0l[3] = {1, 1, 1}, y0a[4] = {0.994, 0, 0, -2.00158510637908252240537862224};
  const double rtol = problem ? 1e-10 : 1e-10, atol = problem ? 1e-10 : 1e-12;
  N = problem ? 4 : 3;
  double y[NMAX];
  Out out = {0};
  int status = 0;
  /* warm-up, then calibrate a batch of ~batchMs */
  long runs = 1;
  for (;;) {
    double t0 = now();
    for (long r = 0; r < runs; r++) { memcpy(y, problem ? y0a : y0l, N * sizeof(double)); status = integrate(0, T, y, rtol, atol, &out); sink += out.y[N]; }
    double dt = now() - t0;
    if (dt >= batchMs / 4) { runs = (long)(runs * batchMs / dt) + 1; break; }
    runs *= 2;
  }
  double t0 = now();
  for (long r = 0; r < runs; r++) { memcpy(y, problem ? y0a : y0l, N * sizeof(double)); status = integrate(0, T, y, rtol, atol, &out); sink += out.y[N]; }
  double ms = (now() - t0) / runs;
  printf("{\"ms\":%.6f,\"runs\":%ld,\"status\":%d,\"nfev\":%d,\"naccept\":%d,\"nreject\":%d,\"nsteps\":%ld,\"y\":[", ms, runs, status, nfev, naccept, nreject, out.len);
  for (int j = 0; j < N; j++) printf("%s%.17g", j ? "," : "", y[j]);
  printf("]}\n");
  return 0;
}
