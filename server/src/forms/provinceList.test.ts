import { PROVINCE_LIST_KEY, PROVINCES } from '@seamless/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { asSystem } from '../db/actorContext.js';
import { lookupLists } from '../db/schema/index.js';
import { SHIPPED_FORM_CONFIGURATIONS, shippedFormConfiguration } from './configurations/index.js';
import { provinceLookupList } from './provinceList.js';

describe('the provinces list shipped for each country', () => {
  it('holds every province of the five countries by ISO 3166-2 code, in English and the country’s own language', () => {
    for (const configuration of SHIPPED_FORM_CONFIGURATIONS) {
      const list = provinceLookupList(configuration)!;
      const country = configuration.country as keyof typeof PROVINCES;
      expect(list.key).toBe(PROVINCE_LIST_KEY);
      expect(list.values.map((value) => value.value)).toEqual(PROVINCES[country].map((province) => province.code));
      for (const value of list.values) expect(Object.values(value.labels).every((label) => label.length > 0)).toBe(true);
    }
    const cambodia = provinceLookupList(shippedFormConfiguration('KH')!)!;
    expect(cambodia.values.find((value) => value.value === 'KH-12')?.labels).toMatchObject({ en: 'Phnom Penh', km: 'ភ្នំពេញ' });
  });
});

describe('an instance without the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'false' });
  }, 120_000);
  afterAll(() => t?.close());

  it('has its provinces from the first start, for the intake and the statistics', async () => {
    const [list] = await asSystem(t.database.db, (tx) =>
      tx
        .select({ values: lookupLists.values })
        .from(lookupLists)
        .where(and(eq(lookupLists.countryCode, 'TH'), eq(lookupLists.listKey, PROVINCE_LIST_KEY))),
    );
    expect(list?.values).toHaveLength(PROVINCES.TH.length);
  });
});
