import { type AssessmentDomain, type FieldError, isLowestBand, type RiskReason } from '@seamless/contracts';

export type ScoredInstrument = { scaleMin: number; scaleMax: number; domains: Pick<AssessmentDomain, 'key' | 'items'>[] };
export type Risk = { domain: string; reason: RiskReason };

const round = (value: number) => Math.round(value * 1000) / 1000;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** What is wrong with a set of scores for this instrument version: every item once, on its scale. */
export function scoreErrors(instrument: ScoredInstrument, scores: Record<string, number>, notes: Record<string, string>): FieldError[] {
  const items = new Set(instrument.domains.flatMap((domain) => domain.items.map((item) => item.key)));
  const domains = new Set(instrument.domains.map((domain) => domain.key));
  const errors: FieldError[] = [];
  for (const key of items) {
    const score = scores[key];
    if (score === undefined) errors.push({ path: `scores.${key}`, code: 'required', message: 'Every item needs a score.' });
    else if (score < instrument.scaleMin || score > instrument.scaleMax)
      errors.push({
        path: `scores.${key}`,
        code: 'out_of_scale',
        message: `The score must be between ${instrument.scaleMin} and ${instrument.scaleMax}.`,
      });
  }
  for (const key of Object.keys(scores))
    if (!items.has(key)) errors.push({ path: `scores.${key}`, code: 'unknown_item', message: 'Not an item of this instrument.' });
  for (const key of Object.keys(notes))
    if (!domains.has(key)) errors.push({ path: `domainNotes.${key}`, code: 'unknown_domain', message: 'Not a domain of this instrument.' });
  return errors;
}

/** A domain's score is the mean of its items; the overall score the mean of the domains. */
export function domainScores(instrument: ScoredInstrument, scores: Record<string, number>) {
  const means = instrument.domains.map((domain) => [domain.key, mean(domain.items.map((item) => scores[item.key]!))] as const);
  // Rounded once, at the end: the overall score is not the mean of already rounded figures.
  const byDomain: Record<string, number> = Object.fromEntries(means.map(([key, value]) => [key, round(value)]));
  return { domainScores: byDomain, overallScore: round(mean(means.map(([, value]) => value))) };
}

/**
 * A domain is at risk when it fell by a point or more since the previous assessment, or sits in
 * the scale's lowest band (DESIGN.md §2 step 7: the trend is what the caseworker acts on).
 */
export function risksOf(current: Record<string, number>, previous: Record<string, number> | null, scaleMin: number): Risk[] {
  const risks: Risk[] = [];
  for (const [domain, score] of Object.entries(current)) {
    const before = previous?.[domain];
    if (before !== undefined && before - score >= 1) risks.push({ domain, reason: 'dropped' });
    if (isLowestBand(score, scaleMin)) risks.push({ domain, reason: 'lowest_band' });
  }
  return risks;
}
