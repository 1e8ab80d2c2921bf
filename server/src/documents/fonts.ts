/**
 * Fonts and text for generated PDF documents (DESIGN.md §6).
 *
 * Every run of text is set in the Noto family of its script (Latin, Thai, Lao, Khmer, Myanmar, Han for
 * Chinese, Japanese), chosen per grapheme, so a Thai name inside a Khmer certificate still renders. The
 * fonts are the unicode-range subsets published by the @fontsource packages; pdfkit embeds only the
 * glyphs used.
 *
 * pdfkit shapes with fontkit, which has no Myanmar shaper, no Thai/Lao SARA AM handling and several
 * OpenType layout bugs that these fonts hit. `prepareRun` does the shaper's missing reordering and
 * `ensureShapingFixes` corrects the bugs; the result was compared glyph by glyph with HarfBuzz
 * (`hb-shape`) on the same fonts — about 1,100 words of the four scripts, all identical but one Myanmar
 * mark offset of 0.07 pt — and the test suite keeps reference outputs from that comparison. Complex-script
 * runs carry their text as written in an ActualText span, so copy-paste and text extraction give back
 * what was written rather than the glyph order.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Locale } from '@seamless/contracts';
import PDFDocument from 'pdfkit';

export type FontWeight = 400 | 700;
export type Script = 'latin' | 'thai' | 'lao' | 'khmer' | 'myanmar' | 'han' | 'kana' | 'common';
export type Family = 'sans' | 'thai' | 'lao' | 'khmer' | 'myanmar' | 'sc' | 'jp';
type Features = NonNullable<PDFKit.Mixins.TextOptions['features']>;

const FAMILIES: Record<Family, { pkg: string; subsets: (name: string) => boolean }> = {
  // Latin, Vietnamese, Greek and Cyrillic always come from Noto Sans, so digits and romanised names look
  // the same on every certificate whatever its language.
  sans: { pkg: '@fontsource/noto-sans', subsets: () => true },
  thai: { pkg: '@fontsource/noto-sans-thai', subsets: (name) => name === 'thai' },
  lao: { pkg: '@fontsource/noto-sans-lao', subsets: (name) => name === 'lao' },
  khmer: { pkg: '@fontsource/noto-sans-khmer', subsets: (name) => name === 'khmer' },
  myanmar: { pkg: '@fontsource/noto-sans-myanmar', subsets: (name) => name === 'myanmar' },
  // Noto Sans SC/JP are split into ~100 numbered slices of Han/Kana by frequency.
  sc: { pkg: '@fontsource/noto-sans-sc', subsets: (name) => name.startsWith('[') },
  jp: { pkg: '@fontsource/noto-sans-jp', subsets: (name) => name.startsWith('[') },
};

type Subset = { family: Family; name: string; ranges: number[] /* sorted start,end pairs */; fileBase: string };

let catalogue: Map<Family, Subset[]> | undefined;

function loadCatalogue(): Map<Family, Subset[]> {
  if (catalogue) return catalogue;
  const require = createRequire(import.meta.url);
  const result = new Map<Family, Subset[]>();
  for (const [family, { pkg, subsets }] of Object.entries(FAMILIES) as [Family, (typeof FAMILIES)[Family]][]) {
    const dir = path.dirname(require.resolve(pkg)); // the package's index.css
    const unicode = JSON.parse(fs.readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    const list: Subset[] = [];
    for (const [name, rangeList] of Object.entries(unicode)) {
      if (!subsets(name)) continue;
      const fileBase = path.join(dir, 'files', `${pkg.split('/')[1]}-${name.replace(/[[\]]/g, '')}`);
      list.push({ family, name, ranges: parseUnicodeRange(rangeList), fileBase });
    }
    result.set(family, list);
  }
  catalogue = result;
  return result;
}

/** "U+0E01-0E5B,U+25CC" → [0xe01, 0xe5b, 0x25cc, 0x25cc], sorted. */
function parseUnicodeRange(list: string): number[] {
  const pairs = list.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(from!, 16);
    return [start, to ? Number.parseInt(to, 16) : start] as const;
  });
  pairs.sort((a, b) => a[0] - b[0]);
  return pairs.flat();
}

function inRanges(ranges: number[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid * 2]!) hi = mid - 1;
    else if (cp > ranges[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

const subsetCache = new Map<string, Subset | null>();

function subsetNamed(family: Family, name: string): Subset | undefined {
  return loadCatalogue()
    .get(family)!
    .find((s) => s.name === name);
}

function covers(subset: Subset, grapheme: string): boolean {
  return [...grapheme].every((c) => IGNORABLE.has(c.codePointAt(0)!) || inRanges(subset.ranges, c.codePointAt(0)!));
}

/** The first subset file of `family` that covers every code point of `grapheme`. */
function subsetFor(family: Family, grapheme: string): Subset | undefined {
  const key = `${family}\u0000${grapheme}`;
  const cached = subsetCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const found = loadCatalogue()
    .get(family)!
    .find((s) => covers(s, grapheme));
  subsetCache.set(key, found ?? null);
  return found;
}

// Joiners and variation selectors need no glyph of their own.
const IGNORABLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, ...Array.from({ length: 16 }, (_, i) => 0xfe00 + i)]);

const SCRIPT_TESTS: [Script, RegExp][] = [
  ['thai', /\p{Script=Thai}/u],
  ['lao', /\p{Script=Lao}/u],
  ['khmer', /\p{Script=Khmer}/u],
  ['myanmar', /\p{Script=Myanmar}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['han', /\p{Script=Han}/u],
  ['latin', /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u],
];

export function scriptOf(grapheme: string): Script {
  for (const ch of grapheme) {
    for (const [script, test] of SCRIPT_TESTS) if (test.test(ch)) return script;
  }
  return 'common';
}

function hanFamily(locale: Locale): Family {
  return locale === 'ja' ? 'jp' : 'sc';
}

function familiesFor(script: Script, locale: Locale, previous: Family | undefined): Family[] {
  const cjk: Family[] = locale === 'ja' ? ['jp', 'sc'] : ['sc', 'jp'];
  switch (script) {
    case 'thai':
    case 'lao':
    case 'khmer':
    case 'myanmar':
      return [script];
    case 'han':
      return [hanFamily(locale), ...cjk];
    case 'kana':
      return ['jp'];
    case 'latin':
      return ['sans'];
    default:
      // Spaces, digits and punctuation: Noto Sans, unless only the font of the text around them has them.
      return ['sans', ...(previous ? [previous] : []), ...cjk, 'thai', 'lao', 'khmer', 'myanmar'];
  }
}

export type TextRun = { text: string; script: Script; family: Family; subset: string; weight: FontWeight };

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Splits text into runs that each use one font file: by script, then by subset file. */
export function splitRuns(text: string, locale: Locale, weight: FontWeight = 400): TextRun[] {
  const runs: TextRun[] = [];
  const normalised = text.normalize('NFC');
  const graphemes = [...graphemeSegmenter.segment(normalised)].map((s) => s.segment);
  const scripts = graphemes.map(scriptOf);
  let previous: Family | undefined;
  // A leading space or digit takes the font of the first letter after it.
  let lookahead: Family | undefined;
  for (let i = 0; i < graphemes.length; i++) {
    const grapheme = graphemes[i]!;
    const script = scripts[i]!;
    if (script === 'common' && previous === undefined) {
      if (lookahead === undefined) {
        const next = scripts.find((s) => s !== 'common');
        lookahead = next ? familiesFor(next, locale, undefined)[0] : 'sans';
      }
      previous = lookahead;
    }
    // Spaces and punctuation stay in the file of the run they are in when it has them.
    const last = runs[runs.length - 1];
    const current = last && script === 'common' ? subsetNamed(last.family, last.subset) : undefined;
    let chosen = current && covers(current, grapheme) ? current : undefined;
    for (const family of chosen ? [] : familiesFor(script, locale, previous)) {
      chosen = subsetFor(family, grapheme);
      if (chosen) break;
    }
    // Nothing covers it (an unsupported script): Noto Sans Latin draws its .notdef box.
    chosen ??= loadCatalogue().get('sans')![0]!;
    if (last && last.family === chosen.family && last.subset === chosen.name) {
      last.text += grapheme;
      if (last.script === 'common') last.script = script;
    } else {
      runs.push({ text: grapheme, script, family: chosen.family, subset: chosen.name, weight });
    }
    previous = chosen.family;
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------------
// Shaping fixes for fontkit

const MYANMAR_SHAPING_FEATURES = ['rphf', 'pref', 'blwf', 'pstf', 'pres', 'abvs', 'blws', 'psts'] as Features;

/**
 * What is handed to pdfkit for one run: the text in glyph order, extra features, and the text as
 * written. Runs of the four complex scripts always carry the latter as ActualText: their glyphs are
 * reordered, decomposed or positioned as zero-width marks, which text extraction otherwise splits.
 */
export type PreparedRun = { text: string; features?: Features; actualText?: string };

export function prepareRun(run: Pick<TextRun, 'text' | 'script'>): PreparedRun {
  switch (run.script) {
    case 'thai':
      // SARA AM = NIKHAHIT + SARA AA, the NIKHAHIT going under a preceding tone mark (as HarfBuzz does).
      return { text: run.text.replace(/([\u0e48-\u0e4b]?)\u0e33/g, '\u0e4d$1\u0e32'), actualText: run.text };
    case 'lao':
      return { text: run.text.replace(/([\u0ec8-\u0ecb]?)\u0eb3/g, '\u0ecd$1\u0eb2'), actualText: run.text };
    case 'khmer':
      // fontkit's Indic shaper reorders Khmer (pre-base vowels, coeng RO) into visual order.
      return { text: run.text, actualText: run.text };
    case 'myanmar':
      return { text: reorderMyanmar(run.text), features: MYANMAR_SHAPING_FEATURES, actualText: run.text };
    default:
      return { text: run.text };
  }
}

const isMyanmarConsonant = (cp: number) =>
  (cp >= 0x1000 && cp <= 0x1020) ||
  cp === 0x103f ||
  (cp >= 0x1050 && cp <= 0x1051) ||
  (cp >= 0x105a && cp <= 0x105d) ||
  cp === 0x1061 ||
  (cp >= 0x1065 && cp <= 0x1066) ||
  (cp >= 0x106e && cp <= 0x1070) ||
  (cp >= 0x1075 && cp <= 0x1081) ||
  cp === 0x108e ||
  (cp >= 0xa9e0 && cp <= 0xa9e4) ||
  (cp >= 0xa9e7 && cp <= 0xa9ef) ||
  (cp >= 0xa9fa && cp <= 0xa9fe) ||
  (cp >= 0xaa60 && cp <= 0xaa76) ||
  cp === 0xaa7a ||
  cp === 0x25cc;
const isMyanmarIndependent = (cp: number) =>
  (cp >= 0x1021 && cp <= 0x102a) || (cp >= 0x1040 && cp <= 0x1049) || (cp >= 0x1052 && cp <= 0x1055);
const MYANMAR_ASAT = 0x103a;
const MYANMAR_VIRAMA = 0x1039;
const MYANMAR_NGA = 0x1004;
const MYANMAR_VOWEL_E = [0x1031, 0x1084];
const MYANMAR_MEDIAL_RA = 0x103c;

/**
 * Puts a Myanmar syllable in the order the font expects glyphs in, as HarfBuzz's Myanmar shaper does:
 * the vowel sign E and the medial RA before the base consonant, and a kinzi (NGA+ASAT+VIRAMA) after it.
 */
export function reorderMyanmar(text: string): string {
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const out: number[] = [];
  let i = 0;
  while (i < cps.length) {
    let kinzi: number[] = [];
    if (cps[i] === MYANMAR_NGA && cps[i + 1] === MYANMAR_ASAT && cps[i + 2] === MYANMAR_VIRAMA && isMyanmarConsonant(cps[i + 3] ?? -1)) {
      kinzi = cps.slice(i, i + 3);
      i += 3;
    }
    const base = cps[i]!;
    if (!isMyanmarConsonant(base) && !isMyanmarIndependent(base)) {
      out.push(...kinzi, base);
      i++;
      continue;
    }
    // The syllable: base, then stacked consonants (VIRAMA + consonant) and dependent signs.
    let end = i + 1;
    while (end < cps.length) {
      const cp = cps[end]!;
      if (cp === MYANMAR_VIRAMA && isMyanmarConsonant(cps[end + 1] ?? -1)) {
        end += 2;
        continue;
      }
      if (isMyanmarDependent(cp)) {
        end++;
        continue;
      }
      break;
    }
    const rest = cps.slice(i + 1, end);
    const pre = rest.filter((cp) => MYANMAR_VOWEL_E.includes(cp));
    const medialRa = rest.filter((cp) => cp === MYANMAR_MEDIAL_RA);
    const after = anusvaraBeforeBelowVowels(rest.filter((cp) => !MYANMAR_VOWEL_E.includes(cp) && cp !== MYANMAR_MEDIAL_RA));
    out.push(...pre, ...medialRa, base, ...kinzi, ...after);
    i = end;
  }
  return String.fromCodePoint(...out);
}

const MYANMAR_BELOW_VOWELS = [0x102f, 0x1030, 0x1058, 0x1059];
const MYANMAR_ANUSVARA = 0x1036;

/** An anusvara typed after a below-base vowel is drawn from before it (HarfBuzz: POS_BEFORE_SUB). */
function anusvaraBeforeBelowVowels(signs: number[]): number[] {
  const first = signs.findIndex((cp) => MYANMAR_BELOW_VOWELS.includes(cp));
  if (first < 0) return signs;
  const below: number[] = [];
  const anusvara: number[] = [];
  let end = first;
  for (; end < signs.length; end++) {
    const cp = signs[end]!;
    if (cp === MYANMAR_ANUSVARA) anusvara.push(cp);
    else if (MYANMAR_BELOW_VOWELS.includes(cp)) below.push(cp);
    else break;
  }
  return [...signs.slice(0, first), ...anusvara, ...below, ...signs.slice(end)];
}

function isMyanmarDependent(cp: number): boolean {
  return (
    (cp >= 0x102b && cp <= 0x103e && cp !== MYANMAR_VIRAMA) ||
    (cp >= 0x1056 && cp <= 0x1059) ||
    (cp >= 0x105e && cp <= 0x1060) ||
    (cp >= 0x1062 && cp <= 0x1064) ||
    (cp >= 0x1067 && cp <= 0x106d) ||
    (cp >= 0x1071 && cp <= 0x1074) ||
    (cp >= 0x1082 && cp <= 0x108d) ||
    cp === 0x108f ||
    (cp >= 0x109a && cp <= 0x109d) ||
    cp === 0x200c ||
    cp === 0x200d ||
    (cp >= 0xfe00 && cp <= 0xfe0f)
  );
}

type FontkitGlyphRun = { glyphs: { id: number; name?: string }[] };
type OTLayoutEngine = { GSUBProcessor?: object; GPOSProcessor?: object };
type FontkitFont = { layout(text: string, features?: string[]): FontkitGlyphRun; _layoutEngine?: { engine?: OTLayoutEngine } };
type Matcher = (component: unknown, glyph: unknown) => boolean;

let shapingFixesChecked = false;

/**
 * Five fontkit 2.0.4 bugs break our scripts. Each is probed for with the font that shows it and corrected
 * (on fontkit's prototypes, once per process) only while present, so an upgraded fontkit is left alone:
 *
 * - A mark-attachment subtable with no anchor for a base (allowed by the OpenType spec, meaning "does
 *   not apply") crashes layout. Noto Sans Khmer has such records: "មំ" threw. HarfBuzz skips the subtable.
 * - The backtrack of chaining-context lookups is matched in the wrong order (the spec stores it nearest
 *   glyph first; fontkit compares it farthest first — foliojs/fontkit#372). Rules whose backtrack
 *   positions differ silently fail; in Noto Sans Myanmar that dropped the spacing form of the vowel U
 *   after a medial RA, which then collided with the letter below.
 * - Lookups flagged UseMarkFilteringSet ignore the set, so marks outside it are not skipped. Noto Sans
 *   Lao uses a set to pick the NIGGAHITA + tone ligature that clears a tall consonant ("ນ້ຳ").
 * - After a contextual lookup inserts glyphs (multiple substitution), fontkit resumes on the inserted
 *   glyphs and can apply the same rule again; HarfBuzz moves past them. Noto Sans Myanmar inserts a
 *   spacer before a consonant after a dotted U ("တို့တွင်"), which fontkit doubled.
 * - Glyph objects are cached by id with the code points of whoever asked first, and layout trusts them.
 *   After "ពើ" (whose second half GSUB maps to the glyph of U+17B8) every later U+17B8 read back as
 *   U+17BE, and the Khmer shaper inserted a stray vowel sign E before "ស្រី".
 */
export function ensureShapingFixes(): void {
  if (shapingFixesChecked) return;
  shapingFixesChecked = true;
  const scratch = new PDFDocument({ font: null as unknown as string, autoFirstPage: false });
  const fontkitFont = (family: Family, sample: string): FontkitFont => {
    scratch.font(fontData(fontFile(subsetFor(family, sample)!, 400)));
    return (scratch as unknown as { _font: { font: FontkitFont } })._font.font;
  };
  const processors = (font: FontkitFont) => {
    font.layout('\u0020');
    return font._layoutEngine?.engine ?? {};
  };

  const khmer = fontkitFont('khmer', '\u1798');
  const layoutFails = () => {
    try {
      khmer.layout('\u1798\u17c6');
      return false;
    } catch {
      return true;
    }
  };
  const gpos = processors(khmer).GPOSProcessor && Object.getPrototypeOf(processors(khmer).GPOSProcessor);
  if (layoutFails() && gpos && typeof gpos.applyAnchor === 'function' && typeof gpos.applyLookup === 'function') {
    const noAnchor = Symbol('no anchor');
    const applyAnchor = gpos.applyAnchor;
    const applyLookup = gpos.applyLookup;
    gpos.applyAnchor = function (this: unknown, markRecord: { markAnchor?: unknown }, baseAnchor: unknown, baseIndex: number) {
      if (!baseAnchor || !markRecord.markAnchor) throw noAnchor;
      return applyAnchor.call(this, markRecord, baseAnchor, baseIndex);
    };
    gpos.applyLookup = function (this: unknown, lookupType: number, table: unknown) {
      try {
        return applyLookup.call(this, lookupType, table);
      } catch (error) {
        if (error === noAnchor) return false; // the subtable does not apply; the next one is tried
        throw error;
      }
    };
    if (layoutFails()) Object.assign(gpos, { applyAnchor, applyLookup });
  }

  const myanmar = fontkitFont('myanmar', '\u1000');
  // RA + KA + U, already in glyph order: correct shaping turns U into its spacing form plus a mark (4 glyphs).
  const backtrackWorks = () => myanmar.layout('\u103c\u1000\u102f', ['blws']).glyphs.length === 4;
  const gsub = processors(myanmar).GSUBProcessor;
  const otProcessor = gsub && Object.getPrototypeOf(Object.getPrototypeOf(gsub));
  if (!backtrackWorks() && otProcessor && typeof otProcessor.match === 'function') {
    const match = otProcessor.match as (this: any, index: number, sequence: unknown[], fn: Matcher, matched?: number[]) => unknown;
    otProcessor.match = function (this: any, index: number, sequence: unknown[], fn: Matcher, matched?: number[]) {
      if (index >= 0 || matched) return match.call(this, index, sequence, fn, matched);
      // A backtrack sequence (index = -length): sequence[0] is the glyph just before the input.
      const iterator = this.glyphIterator;
      const position = iterator.index;
      let ok = true;
      for (const component of sequence) {
        const glyph = iterator.prev();
        if (!glyph || !fn(component, glyph)) {
          ok = false;
          break;
        }
      }
      iterator.index = position;
      return ok;
    };
    if (!backtrackWorks()) otProcessor.match = match;
  }

  // TA + I + U + DOT BELOW + TA + WA (in glyph order): one spacer is inserted before the second TA.
  const spacerOnce = () => myanmar.layout('\u1010\u102d\u102f\u1037\u1010\u103d', ['blwf', 'blws']).glyphs.length === 6;
  if (otProcessor && typeof otProcessor.applyLookupList === 'function' && !spacerOnce()) {
    const applyLookupList = otProcessor.applyLookupList;
    otProcessor.applyLookupList = function (this: any, lookupRecords: unknown) {
      const before = this.glyphs.length;
      const start = this.glyphIterator.index;
      const result = applyLookupList.call(this, lookupRecords);
      const inserted = this.glyphs.length - before;
      if (inserted > 0) this.glyphIterator.index = start + inserted; // resume after the new glyphs
      return result;
    };
    if (!spacerOnce()) otProcessor.applyLookupList = applyLookupList;
  }

  const khmerCodePoints = () => {
    khmer.layout('\u1796\u17be');
    return (
      (khmer as unknown as { glyphForCodePoint(cp: number): { codePoints: number[] } }).glyphForCodePoint(0x17b8).codePoints[0] === 0x17b8
    );
  };
  let fontClass = Object.getPrototypeOf(khmer);
  while (fontClass && !Object.hasOwn(fontClass, 'getGlyph')) fontClass = Object.getPrototypeOf(fontClass);
  if (fontClass && !khmerCodePoints()) {
    const getGlyph = fontClass.getGlyph;
    fontClass.getGlyph = function (this: unknown, id: number, characters: number[] = []) {
      const glyph = getGlyph.call(this, id, characters);
      if (!glyph || characters.length === 0) return glyph;
      const cached: number[] = glyph.codePoints ?? [];
      if (cached.length === characters.length && cached.every((cp, i) => cp === characters[i])) return glyph;
      // The same glyph, seen as the characters asked for (its metrics and outline still come from the cache).
      return Object.create(glyph, { codePoints: { value: characters, enumerable: true } });
    };
    if (!khmerCodePoints()) fontClass.getGlyph = getGlyph;
  }

  const lao = fontkitFont('lao', '\u0e99');
  const filteringWorks = () => (lao.layout('\u0e99\u0ecd\u0ec9\u0eb2').glyphs[1]?.name ?? '').endsWith('.right');
  const iterator = (processors(lao).GSUBProcessor as { glyphIterator?: object } | undefined)?.glyphIterator;
  const glyphIterator = iterator && Object.getPrototypeOf(iterator);
  if (!filteringWorks() && glyphIterator && typeof glyphIterator.reset === 'function' && typeof glyphIterator.shouldIgnore === 'function') {
    const reset = glyphIterator.reset;
    const shouldIgnore = glyphIterator.shouldIgnore;
    glyphIterator.reset = function (this: any, options: any = {}, index?: number) {
      reset.call(this, options, index);
      // `options` is the lookup's flags struct; its parent is the lookup, which holds the set's index.
      this.markFilteringSet = options?.flags?.useMarkFilteringSet ? options.parent?.markFilteringSet : undefined;
    };
    glyphIterator.shouldIgnore = function (this: any, glyph: any) {
      if (shouldIgnore.call(this, glyph)) return true;
      if (this.markFilteringSet === undefined || !glyph.isMark) return false;
      const coverage = glyph._font?.GDEF?.markGlyphSetsDef?.coverage?.[this.markFilteringSet];
      return !!coverage && !coverageHas(coverage, glyph.id);
    };
    if (!filteringWorks()) Object.assign(glyphIterator, { reset, shouldIgnore });
  }
}

function coverageHas(coverage: { version: number; glyphs?: number[]; rangeRecords?: { start: number; end: number }[] }, id: number) {
  if (coverage.version === 1) return coverage.glyphs?.includes(id) ?? false;
  return coverage.rangeRecords?.some((r) => r.start <= id && id <= r.end) ?? false;
}

// ---------------------------------------------------------------------------------------------------
// Registering, measuring and drawing runs

const fontBytes = new Map<string, Buffer>();

function memo<K, V>(cache: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

function fontFile(subset: Subset, weight: FontWeight): string {
  return `${subset.fileBase}-${weight}-normal.woff`;
}

/** The font as a plain TrueType file, decoded once per process. */
function fontData(file: string): Buffer {
  return memo(fontBytes, file, () => woffToSfnt(fs.readFileSync(file)));
}

/**
 * WOFF 1.0 → sfnt. The tables are inflated with node:zlib because fontkit's own inflater (tiny-inflate)
 * rejects some valid streams (the cmap of noto-sans-sc-101), and fontkit cannot subset WOFF2 for
 * embedding (its TTF subsetter reads the untransformed glyf/loca tables).
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 44 + i * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.subarray(entry, entry + 4),
      checksum: woff.readUInt32BE(entry + 16),
      data: compLength < origLength ? zlib.inflateSync(raw) : raw,
    };
  });
  const log2 = Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(woff.readUInt32BE(4), 0); // flavor: the sfnt version
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(2 ** log2 * 16, 6);
  header.writeUInt16BE(log2, 8);
  header.writeUInt16BE(numTables * 16 - 2 ** log2 * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    table.tag.copy(header, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padded = (table.data.length + 3) & ~3;
    parts.push(table.data, Buffer.alloc(padded - table.data.length));
    offset += padded;
  });
  return Buffer.concat(parts);
}

const registered = new WeakMap<PDFKit.PDFDocument, Set<string>>();

/** Makes the run's font current in `doc`, registering the subset file the first time it is used. */
export function useFont(doc: PDFKit.PDFDocument, run: Pick<TextRun, 'family' | 'subset' | 'weight'>): void {
  ensureShapingFixes();
  const name = `${run.family}:${run.subset}:${run.weight}`;
  const names = memo(registered, doc, () => new Set<string>());
  if (!names.has(name)) {
    const subset = subsetNamed(run.family, run.subset)!;
    doc.registerFont(name, fontData(fontFile(subset, run.weight)));
    names.add(name);
  }
  doc.font(`${run.family}:${run.subset}:${run.weight}`);
}

export type TextStyle = { size: number; weight?: FontWeight; color?: string };

export function measureRun(doc: PDFKit.PDFDocument, run: TextRun, size: number): number {
  useFont(doc, run);
  doc.fontSize(size);
  const prepared = prepareRun(run);
  return doc.widthOfString(prepared.text, prepared.features ? { features: prepared.features } : {});
}

/** Draws one run with its baseline at `baseline`; returns its width. */
export function drawRun(doc: PDFKit.PDFDocument, run: TextRun, x: number, baseline: number, style: TextStyle): number {
  const width = measureRun(doc, run, style.size);
  const prepared = prepareRun(run);
  if (style.color) doc.fillColor(style.color);
  if (prepared.actualText) doc.markContent('Span', { actual: prepared.actualText });
  doc.text(prepared.text, x, baseline, {
    lineBreak: false,
    baseline: 'alphabetic',
    ...(prepared.features ? { features: prepared.features } : {}),
  });
  if (prepared.actualText) doc.endMarkedContent();
  return width;
}

// ---------------------------------------------------------------------------------------------------
// Paragraphs: line breaking across scripts

/** Scripts written without spaces between words: lines may break between any two of their words. */
const DENSE = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const NO_BREAK_BEFORE =
  /^[\s,.;:!?%)\]}'"»”’、。，．：；！？）］｝〕〉》」』】〙〗ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・…‥។៕၊။ๆฯ]/u;
const NO_BREAK_AFTER = /[([{'"«“‘（［｛〔〈《「『【〘〖]$/u;

export type Line = { text: string; width: number };

/** Breaks `text` into lines no wider than `width` points (explicit newlines are kept). */
export function wrapText(doc: PDFKit.PDFDocument, text: string, style: TextStyle, locale: Locale, width: number): Line[] {
  const key = `${style.size}|${style.weight ?? 400}|${locale}|${width}|${text}`;
  return memo(
    memo(wrapCache, doc, () => new Map<string, Line[]>()),
    key,
    () => wrap(doc, text, style, locale, width),
  );
}

const wrapCache = new WeakMap<PDFKit.PDFDocument, Map<string, Line[]>>();

function wrap(doc: PDFKit.PDFDocument, text: string, style: TextStyle, locale: Locale, width: number): Line[] {
  const lines: Line[] = [];
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const measure = (piece: string) => measureText(doc, piece, style, locale);
  /** Emits whole lines from the front of a piece wider than the line (between graphemes); returns the rest. */
  const breakOverlong = (piece: string): string => {
    let rest = piece;
    while (measure(rest.trimEnd()) > width) {
      let cut = '';
      for (const { segment } of graphemeSegmenter.segment(rest)) {
        if (cut && measure(cut + segment) > width) break;
        cut += segment;
      }
      if (cut.length === rest.length) break;
      lines.push(finishLine(doc, cut, style, locale));
      rest = rest.slice(cut.length);
    }
    return rest;
  };
  for (const paragraph of text.normalize('NFC').split(/\r?\n/)) {
    // Widths add up unit by unit (kerning across a break opportunity is negligible), so long text
    // wraps in linear time; each finished line is measured whole for drawing.
    let current = '';
    let currentWidth = 0;
    for (let unit of breakUnits([...segmenter.segment(paragraph)].map((s) => s.segment))) {
      if (current !== '' && currentWidth + measure(unit.trimEnd()) > width) {
        lines.push(finishLine(doc, current, style, locale));
        current = '';
        unit = unit.trimStart();
      }
      if (current === '') {
        current = breakOverlong(unit);
        currentWidth = measure(current);
      } else {
        current += unit;
        currentWidth += measure(unit);
      }
    }
    lines.push(finishLine(doc, current, style, locale));
  }
  return lines;
}

function finishLine(doc: PDFKit.PDFDocument, text: string, style: TextStyle, locale: Locale): Line {
  const trimmed = text.trimEnd();
  return { text: trimmed, width: measureText(doc, trimmed, style, locale) };
}

/** Joins word segments into the smallest pieces between which a line may break. */
function breakUnits(segments: string[]): string[] {
  const units: string[] = [];
  for (const segment of segments) {
    const last = units[units.length - 1];
    if (last !== undefined && !canBreakBetween(last, segment)) units[units.length - 1] = last + segment;
    else units.push(segment);
  }
  return units;
}

function canBreakBetween(before: string, after: string): boolean {
  if (NO_BREAK_BEFORE.test(after) || NO_BREAK_AFTER.test(before)) return false;
  if (/\s$/.test(before)) return true;
  const lastChar = [...before].pop() ?? '';
  const firstChar = [...after][0] ?? '';
  return DENSE.test(lastChar) || DENSE.test(firstChar);
}

const measureCache = new WeakMap<PDFKit.PDFDocument, Map<string, number>>();

export function measureText(doc: PDFKit.PDFDocument, text: string, style: TextStyle, locale: Locale): number {
  const cache = memo(measureCache, doc, () => new Map<string, number>());
  const key = `${style.size}|${style.weight ?? 400}|${locale}|${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    width = 0;
    for (const run of splitRuns(text, locale, style.weight)) width += measureRun(doc, run, style.size);
    cache.set(key, width);
  }
  return width;
}

/** Draws a single line of text (no wrapping) with its baseline at `baseline`. */
export function drawLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  baseline: number,
  style: TextStyle,
  locale: Locale,
  options: { align?: 'left' | 'center' | 'right'; width?: number } = {},
): number {
  const width = measureText(doc, text, style, locale);
  let cursor = x;
  if (options.width !== undefined && options.align === 'center') cursor = x + (options.width - width) / 2;
  if (options.width !== undefined && options.align === 'right') cursor = x + options.width - width;
  for (const run of splitRuns(text, locale, style.weight)) cursor += drawRun(doc, run, cursor, baseline, style);
  return width;
}

/** Line height as a multiple of the font size: scripts with stacked marks need more room. */
const LINE_HEIGHT: Record<Script, number> = {
  latin: 1.3,
  common: 1.3,
  han: 1.45,
  kana: 1.45,
  thai: 1.5,
  lao: 1.55,
  khmer: 1.6,
  myanmar: 1.7,
};

export function lineHeightFactor(text: string, _locale?: Locale): number {
  let factor = LINE_HEIGHT.latin;
  for (const [script, test] of SCRIPT_TESTS) if (LINE_HEIGHT[script] > factor && test.test(text)) factor = LINE_HEIGHT[script];
  return factor;
}
