import { readFileSync, statSync } from 'node:fs';
import { PROVINCE_COUNTRIES, PROVINCES } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';

type Ring = [number, number][];
interface Boundaries {
  features: {
    properties: { code: string };
    geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
  }[];
}

const fileOf = (country: string) => new URL(`./boundaries/${country}.json`, import.meta.url);
const boundariesOf = (country: string): Boundaries => JSON.parse(readFileSync(fileOf(country), 'utf8'));
const codesOf = (country: string) => boundariesOf(country).features.map((feature) => feature.properties.code);

describe('the bundled province boundaries', () => {
  it.each(['TH', 'KH'] as const)('draw every province of the %s demo list, and nothing else', (country) => {
    expect(codesOf(country).sort()).toEqual(PROVINCES[country].map((province) => province.code).sort());
  });

  it.each(PROVINCE_COUNTRIES)('key %s by ISO 3166-2 codes of its provinces, each once', (country) => {
    const codes = codesOf(country);
    const known = new Set(PROVINCES[country].map((province) => province.code));
    expect(codes.filter((code) => !known.has(code))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(PROVINCE_COUNTRIES)(
    'hold closed rings of longitude and latitude in the Mekong region for %s, in well under 100 kB',
    (country) => {
      expect(statSync(fileOf(country)).size).toBeLessThan(80_000);
      for (const feature of boundariesOf(country).features) {
        const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
        for (const ring of polygons.flat()) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring.at(-1));
          for (const [longitude, latitude] of ring) {
            expect(longitude).toBeGreaterThan(92);
            expect(longitude).toBeLessThan(110);
            expect(latitude).toBeGreaterThan(5);
            expect(latitude).toBeLessThan(29);
          }
        }
      }
    },
  );
});
