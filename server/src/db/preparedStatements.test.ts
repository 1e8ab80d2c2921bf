import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { asSystem } from './actorContext.js';
import { preparedByText } from './preparedStatements.js';
import { countries } from './schema/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A query whose text changes with how many codes it asks about, as a filtered list's does. */
const countriesAmong = (codes: string[]) =>
  asSystem(t.database.db, (tx) =>
    preparedByText('test_countries', tx.select({ code: countries.code }).from(countries).where(inArray(countries.code, codes))),
  );

describe('statements prepared by text', () => {
  it('answers each text with its own statement, again and again, and past the most a family keeps', async () => {
    const held = (await asSystem(t.database.db, (tx) => tx.select({ code: countries.code }).from(countries))).map((row) => row.code);
    expect(held.length).toBeGreaterThan(1);
    // More texts than a family keeps prepared: the later ones run unnamed and must answer alike.
    for (let size = 1; size <= 80; size += 1) {
      const asked = [...held.slice(0, 2), ...Array.from({ length: size }, (_, index) => `Z${index % 10}`)];
      const first = await countriesAmong(asked);
      const again = await countriesAmong([...asked].reverse());
      expect(first.map((row) => row.code).sort()).toEqual(held.slice(0, 2).sort());
      expect(again).toEqual(first);
    }
  });
});
