import type { PersonMatchQuery } from '@seamless/contracts';
import { NAME_SETS, type NameForm, type Nationality, VIETNAMESE_MIDDLE } from './names.js';

/**
 * A labelled synthetic population for measuring duplicate detection (dedupQuality.test.ts,
 * bench/). Deterministic: the same seed gives the same persons, so results are comparable
 * across runs and machines.
 *
 * It has three kinds of people:
 * - ordinary persons of the six nationalities, named from real name lists (names.ts), each with a
 *   romanised primary name, often the name as written in the native script, sometimes an alias,
 *   birth dates (exact or only an estimated year), citizenship, some documents and phones;
 * - planted duplicates: a second record of an existing person, as another agency would have
 *   recorded her — the name in the other script, in the other order, with a typo, under an
 *   alias only, spelt another way, without the family name, with a birth year one off —
 *   the ground truth is the set of pairs planted;
 * - namesakes: different people with exactly the same name as someone else (realistic hard
 *   negatives — Nguyễn Thị Hương and Aye Aye are common names).
 */
export type Gender = 'Feminine' | 'Masculine';
/**
 * `parts` is the ground truth of what a name says, whatever the script, spelling or typo: the
 * native forms of its words (["สมชาย", "ใจดี"]). Two names with the same parts are the same name.
 */
export type SyntheticName = { kind: 'primary' | 'written' | 'alias'; name: string; parts: string[] };
export type SyntheticDocument = { documentType: 'passport' | 'national_id'; number: string; issuingCountry: string };

export type SyntheticPerson = {
  index: number;
  nationality: Nationality;
  gender: Gender;
  birthYear: number;
  /** Only when the exact date is known. */
  birthDate: string | null;
  birthYearEstimated: boolean;
  citizenship: string[];
  names: SyntheticName[];
  documents: SyntheticDocument[];
  phones: string[];
  role: 'person' | 'duplicate' | 'namesake';
};

export const VARIATIONS = [
  'other_script',
  'swapped_order',
  'typo',
  'alias_only',
  'variant_spelling',
  'missing_family_name',
  'birth_year_shift',
] as const;
export type Variation = (typeof VARIATIONS)[number];

export type PlantedDuplicate = { originalIndex: number; duplicateIndex: number; variations: Variation[] };
export type SyntheticSet = { persons: SyntheticPerson[]; duplicates: PlantedDuplicate[]; seed: number };

export type SyntheticOptions = {
  /** Persons in total, duplicates and namesakes included (default 10,000). */
  persons?: number;
  /** Planted duplicates (default 6 % of persons). */
  duplicates?: number;
  /** Namesakes (default 4 % of persons). */
  namesakes?: number;
  seed?: number;
};

/** mulberry32: small, fast, and good enough for sampling test data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = ReturnType<typeof prng>;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const chance = (random: Random, p: number) => random() < p;
const digits = (random: Random, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

export function weighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [value, weight] of entries) {
    r -= weight;
    if (r <= 0) return value;
  }
  return entries.at(-1)![0];
}

/** Nationalities as a Thai instance sees them: Thai nationals and migrants from the neighbours. */
const NATIONALITIES: readonly (readonly [Nationality, number])[] = [
  ['TH', 0.3],
  ['MM', 0.25],
  ['KH', 0.18],
  ['LA', 0.12],
  ['VN', 0.09],
  ['CN', 0.06],
];

/** Words of a name (for Burmese, of the whole name) and how they are spelt. */
type Part = { form: NameForm; latin: string };
type Identity = {
  nationality: Nationality;
  gender: Gender;
  given: Part[];
  middle: Part | null;
  family: Part | null;
  nickname: Part | null;
};

const latinOf = (random: Random, form: NameForm): string =>
  form.latin.length > 1 && chance(random, 0.3) ? pick(random, form.latin.slice(1)) : form.latin[0]!;
const partOf = (random: Random, form: NameForm): Part => ({ form, latin: latinOf(random, form) });

function newIdentity(random: Random, nationality: Nationality, gender: Gender): Identity {
  const set = NAME_SETS[nationality];
  const givenList = gender === 'Feminine' ? set.female : set.male;
  let given: Part[];
  if (nationality === 'MM') {
    // Two or three syllables, often a doubled first syllable (Aye Aye Khaing, Ko Ko Aung).
    const length = chance(random, 0.55) ? 2 : 3;
    const first = pick(random, givenList);
    given = [partOf(random, first)];
    given.push(partOf(random, chance(random, 0.25) ? first : pick(random, givenList)));
    if (length === 3) given.push(partOf(random, pick(random, givenList)));
    // Doubled syllables are spelt the same way twice.
    if (given[1]!.form === first) given[1] = { ...given[0]! };
  } else if (nationality === 'CN') {
    given = [partOf(random, pick(random, givenList))];
  } else {
    given = [partOf(random, pick(random, givenList))];
  }
  const middle =
    nationality === 'VN' ? partOf(random, pick(random, gender === 'Feminine' ? VIETNAMESE_MIDDLE.female : VIETNAMESE_MIDDLE.male)) : null;
  const family = set.family.length ? partOf(random, pick(random, set.family)) : null;
  const nickname = set.nicknames.length ? partOf(random, pick(random, set.nicknames)) : null;
  return { nationality, gender, given, middle, family, nickname };
}

const stripDiacritics = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D');

type NameStyle = { order: 'native' | 'western'; withMiddle: boolean };

/** The romanised name, in the order the nationality writes it or in the Western order. */
function romanisedName(identity: Identity, style: NameStyle, parts = identity): string {
  const given = parts.given.map((part) => part.latin);
  if (identity.nationality === 'MM') return given.join(' ');
  const family = parts.family ? [parts.family.latin] : [];
  const middle = style.withMiddle && parts.middle ? [parts.middle.latin] : [];
  const familyFirst = NAME_SETS[identity.nationality].familyFirst ? style.order === 'native' : style.order === 'western';
  return (familyFirst ? [...family, ...middle, ...given] : [...given, ...middle, ...family]).join(' ');
}

/** The name as written in the native script (Vietnamese: with its diacritics). */
function nativeName(identity: Identity, style: NameStyle): string {
  const given = identity.given.map((part) => part.form.native);
  switch (identity.nationality) {
    case 'MM':
      return given.join('');
    case 'CN':
      return `${identity.family?.form.native ?? ''}${given.join('')}`;
    case 'VN': {
      const middle = style.withMiddle && identity.middle ? [identity.middle.form.native] : [];
      const family = identity.family ? [identity.family.form.native] : [];
      return (style.order === 'native' ? [...family, ...middle, ...given] : [...given, ...middle, ...family]).join(' ');
    }
    case 'KH':
      return [identity.family?.form.native, ...given].filter(Boolean).join(' ');
    default:
      return [...given, identity.family?.form.native].filter(Boolean).join(' ');
  }
}

/** The native forms of the words a name made in `style` from `parts` has. */
function partsOf(parts: Identity, style: NameStyle): string[] {
  return [
    ...parts.given.map((part) => part.form.native),
    ...(style.withMiddle && parts.middle ? [parts.middle.form.native] : []),
    ...(parts.family ? [parts.family.form.native] : []),
  ];
}

function aliasParts(identity: Identity): string[] {
  if (!identity.nickname) return [];
  const nickname = identity.nickname.form.parts ?? [identity.nickname.form.native];
  return identity.nationality === 'MM' || !identity.family ? [...nickname] : [...nickname, identity.family.form.native];
}

function aliasName(identity: Identity, native: boolean): string | null {
  if (!identity.nickname) return null;
  const nick = native ? identity.nickname.form.native : identity.nickname.latin;
  if (identity.nationality === 'MM') return nick;
  const family = identity.family ? (native ? identity.family.form.native : identity.family.latin) : '';
  if (identity.nationality === 'CN') return native ? `${family}${nick}` : `${nick} ${family}`;
  if (identity.nationality === 'VN' || identity.nationality === 'KH') return `${family} ${nick}`;
  return `${nick} ${family}`;
}

const QWERTY_NEIGHBOURS: Record<string, string> = {
  a: 'sqz',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'w',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  w: 'qe',
  x: 'zc',
  y: 'tu',
  z: 'x',
};

/** One keyboard slip in one word of four letters or more: substitution, deletion, doubling, transposition. */
function withTypo(random: Random, name: string): string {
  const words = name.split(' ');
  const candidates = words.map((word, index) => ({ word, index })).filter(({ word }) => word.length >= 4);
  if (candidates.length === 0) return name;
  const { word, index } = pick(random, candidates);
  const at = 1 + Math.floor(random() * (word.length - 1));
  const letter = word[at]!.toLowerCase();
  let typed: string;
  switch (Math.floor(random() * 4)) {
    case 0:
      typed = word.slice(0, at) + pick(random, [...(QWERTY_NEIGHBOURS[letter] ?? 'e')]) + word.slice(at + 1);
      break;
    case 1:
      typed = word.slice(0, at) + word.slice(at + 1);
      break;
    case 2:
      typed = word.slice(0, at) + word[at] + word.slice(at);
      break;
    default:
      typed =
        at < word.length - 1
          ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
          : word.slice(0, at - 1) + word[at] + word[at - 1];
  }
  words[index] = typed;
  return words.join(' ');
}

function birth(random: Random): { birthYear: number; birthDate: string | null; birthYearEstimated: boolean } {
  // Victims are mostly young: ages 12 to 50 in 2026, weighted towards 15–30.
  const age = Math.round(
    weighted(random, [
      [12 + random() * 6, 0.25],
      [18 + random() * 12, 0.45],
      [30 + random() * 20, 0.3],
    ]),
  );
  const birthYear = 2026 - age;
  if (chance(random, 0.6)) {
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    return {
      birthYear,
      birthDate: `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      birthYearEstimated: false,
    };
  }
  return { birthYear, birthDate: null, birthYearEstimated: true };
}

function documentFor(random: Random, nationality: Nationality): SyntheticDocument {
  switch (nationality) {
    case 'TH':
      return { documentType: 'national_id', number: `${1 + Math.floor(random() * 8)}${digits(random, 12)}`, issuingCountry: 'TH' };
    case 'MM':
      return { documentType: 'passport', number: `M${pick(random, ['A', 'B', 'C', 'D'])}${digits(random, 6)}`, issuingCountry: 'MM' };
    case 'KH':
      return { documentType: 'passport', number: `N${digits(random, 7)}`, issuingCountry: 'KH' };
    case 'LA':
      return { documentType: 'passport', number: `P${digits(random, 7)}`, issuingCountry: 'LA' };
    case 'VN':
      return chance(random, 0.5)
        ? { documentType: 'national_id', number: `0${digits(random, 11)}`, issuingCountry: 'VN' }
        : { documentType: 'passport', number: `C${digits(random, 7)}`, issuingCountry: 'VN' };
    default:
      return { documentType: 'passport', number: `E${digits(random, 8)}`, issuingCountry: 'CN' };
  }
}

/** The same document number as another desk would type it: spaced, dashed, lower-case. */
function retypedDocument(random: Random, number: string): string {
  if (/^\d{13}$/u.test(number)) return `${number[0]}-${number.slice(1, 5)}-${number.slice(5, 10)}-${number.slice(10, 12)}-${number[12]}`;
  return chance(random, 0.5) ? `${number.slice(0, 2)} ${number.slice(2)}` : number.toLowerCase();
}

const MOBILE: Record<Nationality, { code: string; local: (random: Random) => string }> = {
  TH: { code: '66', local: (r) => `${pick(r, ['6', '8', '9'])}${digits(r, 8)}` },
  MM: { code: '95', local: (r) => `9${digits(r, 9)}` },
  KH: { code: '855', local: (r) => `${pick(r, ['12', '17', '70', '92', '96'])}${digits(r, 6)}` },
  LA: { code: '856', local: (r) => `20${pick(r, ['5', '7', '9'])}${digits(r, 7)}` },
  VN: { code: '84', local: (r) => `${pick(r, ['9', '3', '7', '8'])}${digits(r, 8)}` },
  CN: { code: '86', local: (r) => `1${pick(r, ['3', '5', '8'])}${digits(r, 9)}` },
};

/** A phone number in one of the ways it is written down; Thai numbers in the national format too. */
function formatPhone(random: Random, code: string, local: string): string {
  if (code === '66' && chance(random, 0.6)) return `0${local.slice(0, 2)}-${local.slice(2, 5)}-${local.slice(5)}`;
  return chance(random, 0.6) ? `+${code} ${local.slice(0, 2)} ${local.slice(2, 5)} ${local.slice(5)}` : `00${code}${local}`;
}

type Draft = Omit<SyntheticPerson, 'index' | 'role'> & { identity: Identity; style: NameStyle; phoneParts: [string, string][] };

function newPerson(random: Random): Draft {
  const nationality = weighted(random, NATIONALITIES);
  const gender: Gender = chance(random, 0.62) ? 'Feminine' : 'Masculine';
  const identity = newIdentity(random, nationality, gender);
  const style: NameStyle = {
    order: chance(random, nationality === 'TH' || nationality === 'LA' || nationality === 'MM' ? 0.95 : 0.7) ? 'native' : 'western',
    withMiddle: chance(random, 0.8),
  };
  const parts = partsOf(identity, style);
  const names: SyntheticName[] = [{ kind: 'primary', name: romanisedName(identity, style), parts }];
  if (chance(random, 0.6)) names.push({ kind: 'written', name: nativeName(identity, style), parts });
  if (chance(random, 0.2)) {
    const alias = aliasName(identity, chance(random, 0.3));
    if (alias) names.push({ kind: 'alias', name: alias, parts: aliasParts(identity) });
  }
  const phoneParts: [string, string][] = chance(random, 0.45) ? [[MOBILE[nationality].code, MOBILE[nationality].local(random)]] : [];
  return {
    nationality,
    gender,
    ...birth(random),
    // A few are stateless or their citizenship is not yet known.
    citizenship: chance(random, 0.95) ? [nationality] : [],
    names,
    documents: chance(random, 0.4) ? [documentFor(random, nationality)] : [],
    phones: phoneParts.map(([code, local]) => formatPhone(random, code, local)),
    identity,
    style,
    phoneParts,
  };
}

const VARIATION_WEIGHTS: readonly (readonly [Variation, number])[] = [
  ['other_script', 0.24],
  ['swapped_order', 0.14],
  ['typo', 0.16],
  ['alias_only', 0.08],
  ['variant_spelling', 0.14],
  ['missing_family_name', 0.1],
  ['birth_year_shift', 0.14],
];

/**
 * A second record of `original`'s person as another desk would have made it. Mutates the
 * original where the variation needs it (an alias to be found under; no written name when the
 * point is to match across scripts).
 */
function plantDuplicate(random: Random, original: Draft, variations: Variation[]): Draft {
  const { identity } = original;
  let parts: Identity = { ...identity, given: identity.given.map((part) => ({ ...part })) };
  let style: NameStyle = { ...original.style };
  let name: string;
  let nameParts: string[];
  const has = (variation: Variation) => variations.includes(variation);
  if (has('variant_spelling')) {
    const respell = (part: Part): Part => {
      const others = part.form.latin.filter((latin) => latin !== part.latin);
      return others.length ? { form: part.form, latin: pick(random, others) } : part;
    };
    parts = { ...parts, given: parts.given.map(respell), family: parts.family ? respell(parts.family) : null };
  }
  if (has('swapped_order')) style = { ...style, order: style.order === 'native' ? 'western' : 'native' };
  if (has('missing_family_name')) {
    if (parts.nationality === 'MM') parts = { ...parts, given: parts.given.slice(0, parts.given.length - 1) };
    else parts = { ...parts, family: null, middle: chance(random, 0.5) ? parts.middle : null };
  }
  if (has('alias_only')) {
    if (!original.names.some((n) => n.kind === 'alias')) {
      const alias = aliasName(identity, false);
      if (alias) original.names.push({ kind: 'alias', name: alias, parts: aliasParts(identity) });
    }
    const alias = original.names.find((n) => n.kind === 'alias')!;
    // Known under the alias, in the same or the other script.
    const native = chance(random, 0.3);
    name = native ? (aliasName(identity, true) ?? alias.name) : alias.name;
    nameParts = alias.parts;
  } else if (has('other_script')) {
    // The original was recorded in Latin letters only; this record in the native script.
    original.names = original.names.filter((n) => n.kind !== 'written');
    if (identity.nationality === 'VN') {
      const primary = original.names.find((n) => n.kind === 'primary')!;
      primary.name = stripDiacritics(primary.name);
    }
    name = nativeName(parts, style);
    nameParts = partsOf(parts, style);
  } else {
    name = romanisedName(identity, style, parts);
    nameParts = partsOf(parts, style);
  }
  if (has('typo')) name = /[a-z]/iu.test(name) ? withTypo(random, name) : name;

  let { birthYear, birthDate, birthYearEstimated } = original;
  if (has('birth_year_shift')) {
    birthYear += chance(random, 0.5) ? 1 : -1;
    birthDate = null;
    birthYearEstimated = true;
  } else if (birthDate && chance(random, 0.2)) {
    // Only the year was asked this time.
    birthDate = null;
  }
  const sameDocument = original.documents.length > 0 && chance(random, 0.25);
  const samePhone = original.phoneParts.length > 0 && chance(random, 0.25);
  const phoneParts = samePhone
    ? original.phoneParts
    : chance(random, 0.3)
      ? [[MOBILE[identity.nationality].code, MOBILE[identity.nationality].local(random)] as [string, string]]
      : [];
  return {
    nationality: identity.nationality,
    gender: identity.gender,
    birthYear,
    birthDate,
    birthYearEstimated,
    citizenship: chance(random, 0.92) ? [...original.citizenship] : [],
    names: [{ kind: 'primary', name, parts: nameParts }],
    documents: sameDocument
      ? original.documents.map((document) => ({ ...document, number: retypedDocument(random, document.number) }))
      : chance(random, 0.2)
        ? [documentFor(random, identity.nationality)]
        : [],
    phones: phoneParts.map(([code, local]) => formatPhone(random, code, local)),
    identity: parts,
    style,
    phoneParts,
  };
}

/** Someone else with exactly the same primary name (and, if recorded, the same written name). */
function namesakeOf(random: Random, other: Draft): Draft {
  const person = newPerson(random);
  const primary = other.names.find((n) => n.kind === 'primary')!;
  const written = other.names.find((n) => n.kind === 'written');
  return {
    ...person,
    nationality: other.nationality,
    gender: other.gender,
    citizenship: chance(random, 0.95) ? [other.nationality] : [],
    names: [{ ...primary }, ...(written && chance(random, 0.5) ? [{ ...written }] : [])],
    documents: chance(random, 0.4) ? [documentFor(random, other.nationality)] : [],
    identity: other.identity,
  };
}

export function generateSyntheticSet(options: SyntheticOptions = {}): SyntheticSet {
  const seed = options.seed ?? 20260315;
  const total = options.persons ?? 10_000;
  const duplicateCount = options.duplicates ?? Math.round(total * 0.06);
  const namesakeCount = options.namesakes ?? Math.round(total * 0.04);
  const random = prng(seed);
  const baseCount = total - duplicateCount - namesakeCount;
  const drafts: (Draft & { role: SyntheticPerson['role'] })[] = [];
  for (let i = 0; i < baseCount; i++) drafts.push({ ...newPerson(random), role: 'person' });

  // Originals of planted duplicates are distinct persons: one duplicate each.
  const order = drafts.map((_, index) => index);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const duplicates: PlantedDuplicate[] = [];
  for (const originalIndex of order.slice(0, duplicateCount)) {
    const original = drafts[originalIndex]!;
    const variations: Variation[] = [];
    const count = chance(random, 0.7) ? 1 : 2;
    while (variations.length < count) {
      const variation = weighted(random, VARIATION_WEIGHTS);
      if (variations.includes(variation)) continue;
      if (variation === 'missing_family_name' && original.nationality === 'MM' && original.identity.given.length < 3) continue;
      if (
        variation === 'variant_spelling' &&
        !original.identity.given.some((p) => p.form.latin.length > 1) &&
        !(original.identity.family && original.identity.family.form.latin.length > 1)
      )
        continue;
      if (variation === 'alias_only' && (variations.length > 0 || !original.identity.nickname)) continue;
      if (variations.includes('alias_only')) break;
      variations.push(variation);
    }
    const duplicate = plantDuplicate(random, original, variations);
    drafts.push({ ...duplicate, role: 'duplicate' });
    duplicates.push({ originalIndex, duplicateIndex: drafts.length - 1, variations });
  }
  // Namesakes of persons who are not part of a planted pair.
  const planted = new Set(duplicates.flatMap((pair) => [pair.originalIndex]));
  const pool = order.slice(duplicateCount).filter((index) => !planted.has(index));
  for (let i = 0; i < namesakeCount; i++) drafts.push({ ...namesakeOf(random, drafts[pool[i % pool.length]!]!), role: 'namesake' });

  const persons = drafts.map(({ identity: _identity, style: _style, phoneParts: _phoneParts, ...person }, index) => ({ ...person, index }));
  return { persons, duplicates, seed };
}

/** A record's own fields as a "possible matches" query — what the intake form would send. */
export function queryOf(person: SyntheticPerson, personId?: string): PersonMatchQuery {
  const primary = person.names.find((n) => n.kind === 'primary') ?? person.names[0]!;
  return {
    name: primary.name,
    ...(person.birthDate ? { birthdate: person.birthDate } : { birthYear: person.birthYear }),
    ...(person.citizenship[0] ? { citizenship: person.citizenship[0] } : {}),
    gender: person.gender,
    ...(person.documents[0] ? { documentNumber: person.documents[0].number } : {}),
    ...(person.phones[0] ? { phone: person.phones[0] } : {}),
    ...(personId ? { excludePersonId: personId } : {}),
  };
}
