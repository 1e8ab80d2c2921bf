/**
 * Whether a likelihood means what it says: of the candidates scored about 0.8, about eight in ten
 * should be the same person. Used by the `match-calibration` benchmark on the labelled sets.
 */
export type ScoredPair = { score: number; same: boolean };

export type CalibrationBin = { from: number; to: number; count: number; meanScore: number; observed: number };

export type Calibration = {
  /** Expected calibration error: |mean score − share of true matches| per bin, weighted by the bin's size. */
  ece: number;
  /** The largest gap of any bin holding at least MIN_BIN_SHARE of the pairs. */
  worstGap: number;
  bins: CalibrationBin[];
  pairs: number;
};

/** Bins thinner than this share of the pairs say little about calibration and are left out of worstGap. */
const MIN_BIN_SHARE = 0.02;

/** Equal-width bins of predicted likelihood against the observed share of true matches. */
export function calibrationOf(pairs: readonly ScoredPair[], binCount = 10): Calibration {
  const bins: CalibrationBin[] = Array.from({ length: binCount }, (_, k) => ({
    from: k / binCount,
    to: (k + 1) / binCount,
    count: 0,
    meanScore: 0,
    observed: 0,
  }));
  for (const { score, same } of pairs) {
    const bin = bins[Math.min(binCount - 1, Math.floor(score * binCount))]!;
    bin.count++;
    bin.meanScore += score;
    if (same) bin.observed++;
  }
  let ece = 0;
  let worstGap = 0;
  for (const bin of bins) {
    if (!bin.count) continue;
    bin.meanScore /= bin.count;
    bin.observed /= bin.count;
    const gap = Math.abs(bin.meanScore - bin.observed);
    ece += (gap * bin.count) / pairs.length;
    if (bin.count >= MIN_BIN_SHARE * pairs.length) worstGap = Math.max(worstGap, gap);
  }
  return { ece, worstGap, bins, pairs: pairs.length };
}

/** The strength of that pull, in pairs' worth of evidence: negligible beside a few hundred pairs. */
const PLATT_PULL = 1;

const clampedLogit = (p: number) => {
  const q = Math.min(Math.max(p, 1e-4), 1 - 1e-4);
  return Math.log(q / (1 - q));
};

/**
 * Platt scaling: the slope and intercept that, applied to the log-odds of the scores, fit the
 * observed outcomes best (maximum likelihood, Newton's method). A calibrated score gives a slope
 * near 1 and an intercept near 0; anything else is how the evidence weights should be rescaled.
 */
export function plattFit(pairs: readonly ScoredPair[]): { slope: number; intercept: number } {
  let slope = 1;
  let intercept = 0;
  const xs = pairs.map((pair) => clampedLogit(pair.score));
  for (let iteration = 0; iteration < 50; iteration++) {
    let gradientSlope = 0;
    let gradientIntercept = 0;
    let hSS = 0;
    let hSI = 0;
    let hII = 0;
    pairs.forEach((pair, k) => {
      const x = xs[k]!;
      const p = 1 / (1 + Math.exp(-(slope * x + intercept)));
      const residual = p - (pair.same ? 1 : 0);
      const w = Math.max(p * (1 - p), 1e-9);
      gradientSlope += residual * x;
      gradientIntercept += residual;
      hSS += w * x * x;
      hSI += w * x;
      hII += w;
    });
    // A weak pull towards (1, 0) keeps the fit finite when the scores separate the outcomes completely.
    gradientSlope += PLATT_PULL * (slope - 1);
    gradientIntercept += PLATT_PULL * intercept;
    hSS += PLATT_PULL;
    hII += PLATT_PULL;
    const determinant = hSS * hII - hSI * hSI;
    if (Math.abs(determinant) < 1e-12) break;
    const stepSlope = (hII * gradientSlope - hSI * gradientIntercept) / determinant;
    const stepIntercept = (hSS * gradientIntercept - hSI * gradientSlope) / determinant;
    slope -= stepSlope;
    intercept -= stepIntercept;
    if (Math.abs(stepSlope) + Math.abs(stepIntercept) < 1e-9) break;
  }
  return { slope, intercept };
}
