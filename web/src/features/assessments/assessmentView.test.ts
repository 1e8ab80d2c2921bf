import type { AssessmentInstrument, AssessmentTrend } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { chartSeries, instrumentsInUse, recordableInstruments, risksByDomain, shownDomains, trendTable } from './assessmentView';

const instrument = (key: string, version: number, active: boolean): AssessmentInstrument => ({
  id: `${key}-${version}`,
  key,
  version,
  name: { en: key },
  scaleMin: 1,
  scaleMax: 4,
  scaleLabels: {},
  domains: [],
  active,
  createdAt: '2026-01-01T00:00:00Z',
});

const trend: AssessmentTrend = {
  domains: [
    { key: 'safety', labels: { en: 'Safety', th: 'ความปลอดภัย' } },
    { key: 'housing', labels: { en: 'Housing' } },
  ],
  scaleMin: 1,
  scaleMax: 4,
  points: [
    { assessmentId: 'a', assessedOn: '2026-01-01', overallScore: 2, domainScores: { safety: 2 } },
    { assessmentId: 'b', assessedOn: '2026-03-01', overallScore: 3, domainScores: { safety: 3, housing: 3 } },
  ],
  series: [
    { domain: 'safety', values: [2, 3] },
    { domain: 'housing', values: [null, 3] },
  ],
};

describe('assessment view', () => {
  it('offers the newest active version of each instrument', () => {
    const chosen = instrumentsInUse([
      instrument('r', 1, true),
      instrument('r', 2, true),
      instrument('r', 3, false),
      instrument('s', 1, true),
    ]);
    expect(chosen.map((i) => i.id).sort()).toEqual(['r-2', 's-1']);
  });

  it('groups risk reasons by domain', () => {
    const risks = risksByDomain({
      risks: [
        { domain: 'economic', reason: 'dropped' },
        { domain: 'economic', reason: 'lowest_band' },
        { domain: 'safety', reason: 'lowest_band' },
      ],
    });
    expect(risks.get('economic')).toEqual(['dropped', 'lowest_band']);
    expect(risks.get('health')).toBeUndefined();
  });

  it('tabulates the trend per assessment with a gap where a version had no such domain', () => {
    const table = trendTable(trend);
    expect(table.columns.map((c) => c.key)).toEqual(['safety', 'housing']);
    expect(table.rows).toEqual([
      { assessedOn: '2026-01-01', overall: 2, values: [2, null] },
      { assessedOn: '2026-03-01', overall: 3, values: [3, 3] },
    ]);
  });

  it('names chart series in the reader’s language, English where a label is missing', () => {
    expect(chartSeries(trend, 'th').map((s) => s.name)).toEqual(['ความปลอดภัย', 'Housing']);
  });

  it('offers the recorder only the domains of her sections, and no instrument left without one', () => {
    const domain = (key: string, section: 'care' | 'psychosocial' | 'medical') => ({ key, labels: { en: key }, section, items: [] });
    const mixed = { ...instrument('r', 1, true), domains: [domain('safety', 'care'), domain('psychosocial', 'psychosocial')] };
    const medical = { ...instrument('m', 1, true), domains: [domain('health', 'medical')] };
    const offered = recordableInstruments([mixed, medical], ['care']);
    expect(offered.map((i) => [i.id, i.domains.map((d) => d.key)])).toEqual([['r-1', ['safety']]]);
    expect(recordableInstruments([mixed, medical], [])).toEqual([]);
    // The list shows only the domains the server sent scores for: nothing at 0 for a hidden one.
    expect(shownDomains({ domainScores: { safety: 3 } }, mixed).map((d) => d.key)).toEqual(['safety']);
    expect(shownDomains({ domainScores: { safety: 3 } }, undefined)).toEqual([]);
  });

  it('shows no overall figure in the table where the reader does not see every domain', () => {
    const partial = { ...trend, points: trend.points.map((point) => ({ ...point, overallScore: null })) };
    expect(trendTable(partial).rows.map((row) => row.overall)).toEqual([null, null]);
  });
});
