/**
 * Holt-Winters baseline for the accuracy benchmark: additive error, damped additive trend, additive
 * weekly season (ETS(A,Ad,A), m = 7), with α, β, γ, φ fitted by minimising the in-sample SSE of the
 * one-step forecasts (Nelder–Mead). Written here because no maintained ETS library is among the
 * packages this project may install (grep of the package lists for holt/ets/forecast found none).
 */

const M = 7;

interface Params {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/** Classical start: level = mean of the first two weeks, trend = week-on-week change / 7, season = mean deviation by weekday. */
function init(y: Float64Array) {
  let w1 = 0;
  let w2 = 0;
  for (let i = 0; i < M; i++) {
    w1 += y[i]!;
    w2 += y[i + M]!;
  }
  w1 /= M;
  w2 /= M;
  const season = new Float64Array(M);
  for (let i = 0; i < M; i++) season[i] = (y[i]! - w1 + y[i + M]! - w2) / 2;
  return { level: w1, trend: (w2 - w1) / M, season };
}

/** Runs the recursions; returns the SSE and the final state (level, trend, season by t mod 7). */
function run(y: Float64Array, p: Params) {
  const s0 = init(y);
  let level = s0.level;
  let trend = s0.trend;
  const season = s0.season.slice();
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const si = t % M;
    const f = level + p.phi * trend + season[si]!;
    const e = y[t]! - f;
    sse += e * e;
    const prevLevel = level;
    level = prevLevel + p.phi * trend + p.alpha * e;
    trend = p.phi * trend + p.beta * e;
    season[si] = season[si]! + p.gamma * e;
  }
  return { sse, level, trend, season };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Maps unconstrained coordinates to admissible parameters (0 < β ≤ α < 1, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98, as in Hyndman's usual bounds). */
function toParams(v: readonly number[]): Params {
  const sig = (x: number) => 1 / (1 + Math.exp(-x));
  const alpha = clamp(sig(v[0]!), 1e-4, 0.9999);
  const beta = clamp(sig(v[1]!) * alpha, 1e-4, alpha);
  const gamma = clamp(sig(v[2]!) * (1 - alpha), 1e-4, 1 - alpha);
  const phi = 0.8 + 0.18 * sig(v[3]!);
  return { alpha, beta, gamma, phi };
}

/** Nelder–Mead on `f` from `x0` (standard coefficients). */
function nelderMead(f: (x: number[]) => number, x0: number[], iters = 300): number[] {
  const n = x0.length;
  let simplex = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + 1 : v)))];
  let values = simplex.map(f);
  for (let it = 0; it < iters; it++) {
    const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
    simplex = order.map(([, i]) => simplex[i]!);
    values = order.map(([v]) => v);
    const centroid = Array.from({ length: n }, (_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j]!, 0) / n);
    const worst = simplex[n]!;
    const at = (t: number) => centroid.map((c, j) => c + t * (worst[j]! - c));
    const xr = at(-1);
    const fr = f(xr);
    if (fr < values[0]!) {
      const xe = at(-2);
      const fe = f(xe);
      if (fe < fr) {
        simplex[n] = xe;
        values[n] = fe;
      } else {
        simplex[n] = xr;
        values[n] = fr;
      }
    } else if (fr < values[n - 1]!) {
      simplex[n] = xr;
      values[n] = fr;
    } else {
      const xc = fr < values[n]! ? at(-0.5) : at(0.5);
      const fc = f(xc);
      if (fc < Math.min(fr, values[n]!)) {
        simplex[n] = xc;
        values[n] = fc;
      } else {
        const best = simplex[0]!;
        simplex = simplex.map((p, i) => (i === 0 ? p : p.map((v, j) => best[j]! + 0.5 * (v - best[j]!))));
        values = simplex.map(f);
      }
    }
    if (Math.abs(values[n]! - values[0]!) <= 1e-10 * (Math.abs(values[0]!) + 1e-10)) break;
  }
  const bestIdx = values.indexOf(Math.min(...values));
  return simplex[bestIdx]!;
}

/** Fits ETS(A,Ad,A) with weekly season to `y` (index 0 = first day) and forecasts `h` days, floored at 0. */
export function etsForecast(y: Float64Array, h: number): { forecast: Float64Array; params: Params } {
  const best = nelderMead((v) => run(y, toParams(v)).sse, [-1.5, -1, -2, 1]);
  const params = toParams(best);
  const st = run(y, params);
  const out = new Float64Array(h);
  let damp = 0;
  let pw = 1;
  for (let k = 0; k < h; k++) {
    pw *= params.phi;
    damp += pw;
    out[k] = Math.max(0, st.level + damp * st.trend + st.season[(y.length + k) % M]!);
  }
  return { forecast: out, params };
}
