/* couzin_ref.c — an allocation-free serial C loop of dewi-kadita's update rule (its Numba kernel's math:
 * all pairs, minimum image, blind cone on all zones, raw w_o·Σv̂ + Σû, NLERP turn, additive noise), the
 * "allocation-free compiled loop" the fish-school benchmark compares against (schooling.md §7 measured such a
 * probe at 9.6 ms/step for N = 1000 on a comparable 2-core EPYC). Noise: a xorshift + Box–Muller generator
 * (its cost is a small part of the step). Prints the median ms per step of `reps` timed steps.
 * Build: gcc -O2 -o couzin_ref couzin_ref.c -lm     Run: ./couzin_ref N L r_r r_o r_a max_turn noise blind_deg w_o speed dt steps
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <time.h>

static uint64_t rs = 88172645463325252ULL;
static double urand(void) { rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17; return ((rs >> 11) + 0.5) * (1.0 / 9007199254740992.0); }
static int hasg = 0; static double gcache;
static double gauss(void) {
  if (hasg) { hasg = 0; return gcache; }
  double u1 = urand(), u2 = urand(), r = sqrt(-2 * log(u1));
  gcache = r * sin(6.283185307179586 * u2); hasg = 1;
  return r * cos(6.283185307179586 * u2);
}
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e3 + t.tv_nsec * 1e-6; }
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? -1 : x > y; }

int main(int argc, char **argv) {
  if (argc < 13) { fprintf(stderr, "usage: couzin_ref N L rr ro ra max_turn noise blind_deg wo speed dt steps\n"); return 2; }
  int n = atoi(argv[1]), steps = atoi(argv[12]);
  double L = atof(argv[2]), rr = atof(argv[3]), ro = atof(argv[4]), ra = atof(argv[5]), tmax = atof(argv[6]), sig = atof(argv[7]);
  double beta = atof(argv[8]) * M_PI / 180, wo = atof(argv[9]), v0 = atof(argv[10]), dt = atof(argv[11]);
  double *x = malloc(3 * n * sizeof(double)), *v = malloc(3 * n * sizeof(double)), *nv = malloc(3 * n * sizeof(double)), *t = malloc(steps * sizeof(double));
  for (int i = 0; i < 3 * n; i++) x[i] = urand() * L;
  for (int i = 0; i < n; i++) {
    double a = gauss(), b = gauss(), c = gauss(), m = sqrt(a * a + b * b + c * c);
    v[3 * i] = a / m * v0; v[3 * i + 1] = b / m * v0; v[3 * i + 2] = c / m * v0;
  }
  double thr = -cos(beta);
  for (int s = 0; s < steps; s++) {
    double t0 = now();
    for (int i = 0; i < n; i++) {
      double vn = sqrt(v[3*i]*v[3*i] + v[3*i+1]*v[3*i+1] + v[3*i+2]*v[3*i+2]); if (vn < 1e-10) vn = 1;
      double cx = v[3*i] / vn, cy = v[3*i+1] / vn, cz = v[3*i+2] / vn;
      double rx = 0, ry = 0, rz = 0, ox = 0, oy = 0, oz = 0, ax = 0, ay = 0, az = 0; int nr = 0, no = 0, na = 0;
      for (int j = 0; j < n; j++) {
        if (j == i) continue;
        double dx = x[3*j] - x[3*i], dy = x[3*j+1] - x[3*i+1], dz = x[3*j+2] - x[3*i+2];
        dx -= L * nearbyint(dx / L); dy -= L * nearbyint(dy / L); dz -= L * nearbyint(dz / L);
        double d = sqrt(dx * dx + dy * dy + dz * dz);
        if (d < 1e-10) continue;
        if (beta > 0 && !((cx * dx + cy * dy + cz * dz) / d > thr)) continue;
        double ux = dx / d, uy = dy / d, uz = dz / d;
        if (d < rr) { rx -= ux; ry -= uy; rz -= uz; nr++; }
        else if (d < ro) { double m = sqrt(v[3*j]*v[3*j] + v[3*j+1]*v[3*j+1] + v[3*j+2]*v[3*j+2]); ox += v[3*j] / m; oy += v[3*j+1] / m; oz += v[3*j+2] / m; no++; }
        else if (d < ra) { ax += ux; ay += uy; az += uz; na++; }
      }
      double tx = cx, ty = cy, tz = cz;
      if (nr) { double m = sqrt(rx*rx + ry*ry + rz*rz); if (m > 1e-10) { tx = rx / m; ty = ry / m; tz = rz / m; } }
      else if (no || na) { double qx = wo * ox + ax, qy = wo * oy + ay, qz = wo * oz + az, m = sqrt(qx*qx + qy*qy + qz*qz); if (m > 1e-10) { tx = qx / m; ty = qy / m; tz = qz / m; } }
      double dot = cx * tx + cy * ty + cz * tz; dot = dot < -1 ? -1 : dot > 1 ? 1 : dot;
      double ang = acos(dot), px = cx, py = cy, pz = cz;
      if (ang >= 1e-10) {
        if (ang <= tmax) { px = tx; py = ty; pz = tz; }
        else { double u = tmax / ang; px = cx * (1 - u) + tx * u; py = cy * (1 - u) + ty * u; pz = cz * (1 - u) + tz * u; double m = sqrt(px*px + py*py + pz*pz); px /= m; py /= m; pz /= m; }
      }
      if (sig > 0) { px += sig * gauss(); py += sig * gauss(); pz += sig * gauss(); double m = sqrt(px*px + py*py + pz*pz); px /= m; py /= m; pz /= m; }
      nv[3*i] = px * v0; nv[3*i+1] = py * v0; nv[3*i+2] = pz * v0;
    }
    for (int q = 0; q < 3 * n; q++) { v[q] = nv[q]; double p = fmod(x[q] + v[q] * dt, L); x[q] = p < 0 ? p + L : p; }
    t[s] = now() - t0;
  }
  qsort(t, steps, sizeof(double), cmp);
  double chk = 0; for (int i = 0; i < 3 * n; i++) chk += x[i];
  printf("{\"msPerStep\": %.6f, \"check\": %.6f}\n", t[steps / 2], chk);
  return 0;
}
