/**
 * Basic descriptive and distributional statistics used by the risk-assessment
 * pipeline. Pure, dependency-free and deterministic.
 *
 * Conventions:
 * - Functions over samples throw a RangeError on an empty sample (or on
 *   non-finite values) instead of returning NaN, so that a data problem cannot
 *   silently propagate into a published ranking.
 * - Quantiles use the linear-interpolation definition "type 7" of
 *   Hyndman & Fan (1996), the default of R, NumPy and Excel's QUARTILE.INC.
 */

function checkSample(xs: readonly number[], what: string): void {
  if (xs.length === 0) throw new RangeError(`${what}: empty sample`);
  for (const x of xs) {
    if (!Number.isFinite(x)) throw new RangeError(`${what}: non-finite value ${x}`);
  }
}

function sortedCopy(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

/** Arithmetic mean. */
export function mean(xs: readonly number[]): number {
  checkSample(xs, 'mean');
  // Summation in input order; callers needing order independence should sort.
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/**
 * Quantile of a sample, Hyndman & Fan type 7:
 * h = (n - 1) * p; Q = x[floor(h)] + (h - floor(h)) * (x[floor(h)+1] - x[floor(h)])
 * (0-based order statistics). p must lie in [0, 1].
 */
export function quantile(xs: readonly number[], p: number): number {
  checkSample(xs, 'quantile');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p=${p} outside [0, 1]`);
  const s = sortedCopy(xs);
  return quantileSorted(s, p);
}

function quantileSorted(s: readonly number[], p: number): number {
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** Several type-7 quantiles at once (sorts only once). */
export function quantiles(xs: readonly number[], ps: readonly number[]): number[] {
  checkSample(xs, 'quantiles');
  const s = sortedCopy(xs);
  return ps.map((p) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantiles: p=${p} outside [0, 1]`);
    return quantileSorted(s, p);
  });
}

/** Median (equals the type-7 quantile at 0.5: mean of the two middle values for even n). */
export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** Interquartile range Q3 - Q1 with type-7 quartiles. */
export function iqr(xs: readonly number[]): number {
  const [q1, q3] = quantiles(xs, [0.25, 0.75]);
  return q3 - q1;
}

/**
 * Median absolute deviation from the median, UNSCALED
 * (no 1.4826 consistency factor): median(|x - median(x)|).
 * The modified z-score of Iglewicz & Hoaglin expects exactly this raw MAD.
 */
export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

/**
 * Mean absolute deviation around a given centre (default: the median).
 * Used as the fallback spread when the MAD is zero.
 */
export function meanAbsoluteDeviation(xs: readonly number[], centre?: number): number {
  checkSample(xs, 'meanAbsoluteDeviation');
  const c = centre ?? median(xs);
  let s = 0;
  for (const x of xs) s += Math.abs(x - c);
  return s / xs.length;
}

// ---------------------------------------------------------------------------
// Gamma family
// ---------------------------------------------------------------------------

// Lanczos approximation (g = 7, n = 9); relative error about 1e-15 for x > 0.
const LANCZOS_G = 7;
const LANCZOS_COEF = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Natural logarithm of the gamma function for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x=${x} must be > 0`);
  if (x < 0.5) {
    // Reflection keeps accuracy for small x.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS_COEF[0];
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS_G + 2; i++) a += LANCZOS_COEF[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const GAMMA_EPS = 1e-15;
const GAMMA_MAX_ITER = 10_000;
const FPMIN = 1e-300;

// Series for P(a, x), converges quickly for x < a + 1.
function gammaPSeries(a: number, x: number): number {
  let sum = 1 / a;
  let term = sum;
  let ap = a;
  for (let n = 0; n < GAMMA_MAX_ITER; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * GAMMA_EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

// Continued fraction (modified Lentz) for Q(a, x), converges for x >= a + 1.
function gammaQContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < GAMMA_MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < GAMMA_EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** Regularised lower incomplete gamma P(a, x) = gamma(a, x) / Gamma(a); a > 0, x >= 0. */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0) || Number.isNaN(x)) {
    throw new RangeError(`regularizedGammaP: invalid a=${a}, x=${x}`);
  }
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? gammaPSeries(a, x) : 1 - gammaQContinuedFraction(a, x);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 - P(a, x), computed without cancellation. */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0) || Number.isNaN(x)) {
    throw new RangeError(`regularizedGammaQ: invalid a=${a}, x=${x}`);
  }
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - gammaPSeries(a, x) : gammaQContinuedFraction(a, x);
}

/**
 * Inverse of the regularised lower incomplete gamma: the x >= 0 with P(a, x) = p.
 * Bracketing bisection refined by Newton steps; relative accuracy about 1e-14.
 */
export function inverseRegularizedGammaP(a: number, p: number): number {
  if (!(a > 0)) throw new RangeError(`inverseRegularizedGammaP: a=${a} must be > 0`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`inverseRegularizedGammaP: p=${p} outside [0, 1]`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  // Bracket: P is increasing in x.
  let lo = 0;
  let hi = Math.max(1, a);
  while (regularizedGammaP(a, hi) < p) {
    lo = hi;
    hi *= 2;
  }
  let x = 0.5 * (lo + hi);
  const lga = logGamma(a);
  for (let i = 0; i < 200; i++) {
    const f = regularizedGammaP(a, x) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    // Newton step using the gamma density; fall back to bisection when it leaves the bracket.
    const dens = Math.exp((a - 1) * Math.log(x) - x - lga);
    let next = dens > 0 ? x - f / dens : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    // Relative tolerance: quantiles for tiny p can be far below 1e-14.
    if (Math.abs(next - x) <= 1e-15 * Math.abs(x) || hi - lo <= 1e-15 * hi) return next;
    x = next;
  }
  return x;
}

/** Upper-tail probability P(X >= x) of a chi-square distribution with df degrees of freedom. */
export function chiSquareUpperP(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chiSquareUpperP: df=${df} must be > 0`);
  if (Number.isNaN(x)) throw new RangeError('chiSquareUpperP: x is NaN');
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

/** Quantile (inverse CDF) of the chi-square distribution: x with P(X <= x) = p. */
export function chiSquareQuantile(p: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chiSquareQuantile: df=${df} must be > 0`);
  return 2 * inverseRegularizedGammaP(df / 2, p);
}

// ---------------------------------------------------------------------------
// Poisson
// ---------------------------------------------------------------------------

/** Poisson CDF P(X <= k) for mean lambda >= 0 (k < 0 gives 0). Uses P(X <= k) = Q(k + 1, lambda). */
export function poissonCdf(k: number, lambda: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`poissonCdf: lambda=${lambda}`);
  const kk = Math.floor(k);
  if (kk < 0) return 0;
  if (lambda === 0) return 1;
  return regularizedGammaQ(kk + 1, lambda);
}

/** Poisson upper tail P(X >= k) for mean lambda >= 0 (k <= 0 gives 1). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`poissonUpperTail: lambda=${lambda}`);
  const kk = Math.ceil(k);
  if (kk <= 0) return 1;
  if (lambda === 0) return 0;
  return regularizedGammaP(kk, lambda);
}

export interface Interval {
  lower: number;
  upper: number;
}

/**
 * Exact (Garwood 1936) two-sided confidence interval for the mean of a Poisson
 * variable after observing `count` events:
 *   lower = chi2_{alpha/2}(2k) / 2  (0 when k = 0),
 *   upper = chi2_{1-alpha/2}(2k + 2) / 2,
 * computed as inverse regularised gamma quantiles (equivalent form).
 */
export function poissonExactCI(count: number, level = 0.95): Interval {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`poissonExactCI: count=${count} must be a non-negative integer`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`poissonExactCI: level=${level}`);
  const alpha = 1 - level;
  const lower = count === 0 ? 0 : inverseRegularizedGammaP(count, alpha / 2);
  const upper = inverseRegularizedGammaP(count + 1, 1 - alpha / 2);
  return { lower, upper };
}

/**
 * Central prediction interval [lower, upper] (integers) for a single
 * Poisson(lambda) observation: lower is the smallest k with P(X <= k) > alpha/2,
 * upper the smallest k with P(X <= k) >= 1 - alpha/2. A value x lies outside it
 * exactly when one of its tail probabilities P(X <= x), P(X >= x) is <= alpha/2.
 */
export function poissonPredictionInterval(lambda: number, level = 0.99): Interval {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`poissonPredictionInterval: lambda=${lambda}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`poissonPredictionInterval: level=${level}`);
  const half = (1 - level) / 2;
  if (lambda === 0) return { lower: 0, upper: 0 };
  let k = 0;
  let cdf = poissonCdf(0, lambda);
  while (cdf <= half) cdf = poissonCdf(++k, lambda);
  const lower = k;
  while (cdf < 1 - half) cdf = poissonCdf(++k, lambda);
  return { lower, upper: k };
}

// ---------------------------------------------------------------------------
// Deterministic PRNG
// ---------------------------------------------------------------------------

/** A seeded generator returning floats uniformly distributed in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: small, fast 32-bit PRNG. Not cryptographic; used so that Monte
 * Carlo p-values and test shuffles are reproducible across runs and machines.
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [0, n) from a generator. */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Fisher-Yates shuffle returning a new array (input untouched). */
export function shuffle<T>(xs: readonly T[], rng: Rng): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}
