import { PROVINCE_LIST_KEY, PROVINCES } from '@seamless/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';

type Lookup = { key: string; values: { value: string; labels: Record<string, string> }[] };
type Cell = { keys: string[]; value: number | null; suppressed: boolean };

/** Two calendar years up to this one: the demo's cases were opened in the last 300 days. */
function lastTwoYears() {
  const year = new Date().getUTCFullYear();
  return `from=${year - 1}-01-01&to=${year}-12-31`;
}

describe("the demo's provinces", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it("offers Thailand's 77 provinces by ISO 3166-2 code, named in Thai", async () => {
    const worker = await t.login('th.socialworker');
    const lookups = (await worker.get('/api/forms/intake')).body.lookups as Lookup[];
    const provinces = lookups.find((list) => list.key === PROVINCE_LIST_KEY)!;
    expect(provinces.values.map((value) => value.value)).toEqual(PROVINCES.TH.map((province) => province.code));
    expect(provinces.values.find((value) => value.value === 'TH-57')?.labels).toMatchObject({ en: 'Chiang Rai', th: 'เชียงราย' });
    // Named in Chinese where the shipped configuration names the province, in English elsewhere.
    expect(provinces.values.find((value) => value.value === 'TH-63')?.labels.zh).toBe('达府');
    expect(provinces.values.find((value) => value.value === 'TH-37')?.labels.zh).toBe('Amnat Charoen');
  });

  it('breaks the figures down by the provinces the intakes were taken in', async () => {
    const data = await t.login('th.data');
    const response = await data.get(`/api/statistics/figures?statistic=cases_opened&${lastTwoYears()}&by=province`);
    expect(response.status).toBe(200);
    const cells = response.body.cells as Cell[];
    const codes = new Set(PROVINCES.TH.map((province) => province.code));
    expect(cells.length).toBeGreaterThan(1);
    expect(cells.every((cell) => codes.has(cell.keys[0]!))).toBe(true);
    // Chiang Rai took seven of the sixteen intakes, and the others are enough to hide the smaller counts among.
    expect(cells.find((cell) => cell.keys[0] === 'TH-57')).toMatchObject({ suppressed: false });
  });
});

describe("Cambodia's demo provinces", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ INSTANCE_COUNTRY: 'KH' });
  });
  afterAll(() => t?.close());

  it('offers its 25 provinces named in Khmer', async () => {
    const worker = await t.login('kh.socialworker');
    const lookups = (await worker.get('/api/forms/intake')).body.lookups as Lookup[];
    const provinces = lookups.find((list) => list.key === PROVINCE_LIST_KEY)!;
    expect(provinces.values).toHaveLength(25);
    expect(provinces.values.find((value) => value.value === 'KH-12')?.labels).toMatchObject({ en: 'Phnom Penh', km: 'ភ្នំពេញ' });
  });
});
