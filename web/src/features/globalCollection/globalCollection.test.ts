import { describe, expect, it } from 'vitest';
import { defaultDraft, exportPath, exportQuery, yearChoices } from './exportRequest';

const TODAY = '2026-03-14';

describe('the global collection export form', () => {
  it('offers last year with k = 10, and ten years to choose from, latest first', () => {
    expect(defaultDraft(TODAY)).toEqual({ fromYear: 2025, toYear: 2025, k: 10 });
    const years = yearChoices(TODAY);
    expect(years).toHaveLength(10);
    expect([years[0], years.at(-1)]).toEqual([2026, 2017]);
  });

  it('asks the server for whole years and the k typed', () => {
    const checked = exportQuery({ fromYear: 2024, toYear: 2025, k: 12 }, 'xlsx');
    expect(checked).toEqual({ ok: true, data: { from: '2024-01-01', to: '2025-12-31', k: 12, format: 'xlsx' } });
    if (checked.ok)
      expect(exportPath(checked.data)).toBe('/api/statistics/global-collection?from=2024-01-01&to=2025-12-31&k=12&format=xlsx');
  });

  it.each([
    [{ fromYear: 2025, toYear: 2025, k: 4 }, 'k'],
    [{ fromYear: 2025, toYear: 2025, k: '' }, 'k'],
    [{ fromYear: 2025, toYear: 2025, k: 7.5 }, 'k'],
    [{ fromYear: 2025, toYear: 2024, k: 10 }, 'to'],
  ])('refuses %j before asking, naming %s', (draft, path) => {
    const checked = exportQuery(draft, 'csv');
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.map((error) => error.path)).toContain(path);
  });
});
