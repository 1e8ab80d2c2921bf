import { romanise } from './romanise.js';
import { syllableKeysOf } from './syllableSounds.js';

/**
 * The normalised-name index of DESIGN.md §4. A person's names are stored encrypted
 * (`person_names.name_enc`); beside each we keep two keys that let PostgreSQL find candidates
 * with trigram indexes without decrypting anything:
 *
 * - `searchKey`: the name romanised from any script, without diacritics, titles or punctuation,
 *   lower-case, its words SORTED. Sorting is what makes "Nguyễn Thị Hương" and "Hương Nguyễn
 *   Thị", or a Thai name entered family-first, produce one key: the order of names is the least
 *   reliable part of a record (forms, passports and habits disagree on it).
 * - `phoneticKey`: each word reduced to a consonant skeleton, the skeletons sorted. Romanisations
 *   of the region's names disagree mostly on vowels (Boonmee / Bunmi), on aspiration (Phon /
 *   Pon, Thida / Tida), on voicing (Thida is spelt with ត "t" in Khmer, with "d" in Latin letters),
 *   on letters a language lacks (v / w, x / s, j / ch) and on "silent" letters (Supaporn /
 *   Suphaphon, Sokhar / Sokha). The skeleton keeps what survives all of these.
 *   The skeletons are written as ONE word, without spaces: pg_trgm pads every word, and the
 *   padded trigrams of short skeleton words ("  s", " sk") occur in most rows, so a GIN search
 *   over spaced skeletons reads most of the index; as one word the trigrams stay specific
 *   (measured on PGlite with 17,000 names: 45 ms per search spaced, 0.4 ms joined). Word
 *   boundaries are not lost: scoring works on the search key's words.
 * - `syllableKeys`: the name's neighbouring syllables as sound codes (syllableSounds.ts), the way
 *   in for a name heard in one script and written in another, which shares its sounds but not
 *   its letters (พยูพยูเต็ง, Phyu Phyu Thein).
 *
 * The keys are derived from identity data and so are identity data themselves: they are only
 * readable through row-level security, never logged, and never sent to a browser.
 */
export type NameKeys = { searchKey: string; phoneticKey: string; syllableKeys: string[] };

/**
 * The version of the keys this module makes, stored with each name (person_names.keys_version):
 * raise it — and the column's default, in a migration — whenever a change to romanisation or to
 * these keys changes the keys of names already stored, so that they are made again at start
 * (rekeyStalePersonNames), and the register is re-checked for duplicates under the new keys
 * (relinkRegister, queued at start). 1: honorifics set aside, Thai syllables on the vowel carrier apart,
 * a final ng as n in the phonetic key. 2: syllable keys. 3: a Latin "-awe" is one syllable (Kyawe, Zawe).
 * 4: a final "-ane" is read as "ein" and as "an" (Thane, Phommasane), a final "-ay" as "e" and "ai";
 * the Lao Mr written in Thai (ท้าว) set aside; Thai วงศ์ after a consonant is "wong"; Lao x is a
 * syllable code of its own; inside a word, t before s closes a syllable.
 */
export const NAME_KEYS_VERSION = 4;

export function nameKeysOf(name: string): NameKeys {
  const tokens = nameTokensOf(name);
  return {
    searchKey: [...tokens].sort().join(' '),
    // A final ng is heard as n by ear across the region (Thein = เต็ง, Sein = เส่ง).
    phoneticKey: tokens
      .map((token) => phoneticOf(token).replace(/q$/u, 'n'))
      .sort()
      .join(''),
    syllableKeys: syllableKeysOf(tokens),
  };
}

/**
 * Titles written in a script, stripped before romanising. Thai and Lao titles are often written
 * joined to the name (นายสมชาย), so they are matched as prefixes; the ones that are also names
 * (คุณากร, កញ្ញា = Kanha) only when a space follows.
 */
const SCRIPT_TITLES: { pattern: RegExp }[] = [
  // Thai: Mr, Mrs, Miss, boy, girl (in full and abbreviated), and the polite Khun; the Lao Mr (ທ້າວ)
  // as a Thai officer writes it, ท้าว.
  { pattern: /^\s*(?:นางสาว|น\.ส\.|นส\.|นาง|นาย|ท้าว|เด็กชาย|เด็กหญิง|ด\.ช\.|ด\.ญ\.|ดช\.|ดญ\.)\s*(?=[\u0E01-\u0E2E\u0E40-\u0E44])/u },
  { pattern: /^\s*คุณ\s+/u },
  // Lao: Mr (ທ້າວ), Mrs/Miss (ນາງ), their abbreviations, boy, girl.
  { pattern: /^\s*(?:ທ້າວ|ທ\.|ນາງສາວ|ນາງ|ນ\.|ເດັກຊາຍ|ເດັກຍິງ)\s*(?=[\u0E81-\u0EAE\u0EC0-\u0EC4\u0EDC\u0EDD])/u },
  // Khmer: Mr, Mrs, Miss — separate words.
  { pattern: /^\s*(?:លោកស្រី|អ្នកស្រី|លោក|កញ្ញា)\s+(?=\S)/u },
  // Burmese: U and Daw are only ever titles at the start of a name. Ko, Ma and Maung are also
  // name syllables (ကိုကို, မမ, မောင်မောင်), so they stay and count little (WEAK_TOKENS).
  { pattern: /^\s*(?:ဦး|ဒေါ်)\s*(?=[\u1000-\u1021])/u },
  // Burmese, Karen and Shan honorifics as a Thai officer writes them by ear, apart from the name:
  // Daw, Ma, Maung, U, Ko, Naw, Saw, Nang (นาง is already a Thai title above).
  { pattern: /^\s*(?:ดอ|ด่อ|มะ|หม่า|หม่อง|อู|โก|หน่อ|นอ|ซอ|ส่อ)\s+(?=[\u0E01-\u0E2E\u0E40-\u0E44])/u },
  // Chinese: Mr, Ms, Miss after the name.
  { pattern: /(?:先生|女士|小姐|太太)\s*$/u },
  // Vietnamese: Ông, Bà before a full name.
  { pattern: /^\s*(?:Ông|ông|Bà|bà)\s+(?=\S+\s+\S)/u },
];

/**
 * Romanised titles, dropped while they lead a name that has more words after them. "Mg" is the
 * written abbreviation of the Burmese title Maung. Titles that are also common names elsewhere
 * are not here: "Ma" (Burmese Miss, Chinese 马), "Ko" (Burmese brother, ကိုကို as a name),
 * "Sai" (Shan, and Thai ใส), "Thao" (Lao Mr, Hmong family name) — those are weak tokens instead.
 */
const TITLE_WORDS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mister',
  'mstr',
  'master',
  'madam',
  'mdm',
  'dr',
  'khun',
  'nai',
  'nang',
  'nangsao',
  'nangsaw',
  'ns',
  'dekchai',
  'dekying',
  'dch',
  'dy',
  'daw',
  'u',
  'mg',
  'lok',
  'loksrei',
  'loksrey',
]);
const TITLE_PAIRS = new Set(['dek chai', 'dek ying', 'lok srei', 'lok srey', 'nang sao', 'nang saw']);

/**
 * Burmese, Karen, Shan and Mon honorifics that are also name syllables: Ma (Miss), Ko (brother),
 * Maung (young man), Naw and Saw (Karen woman and man), Mi and Nai (Mon), Sai (Shan man).
 * Leading a name they are the honorific (Ma Thidar, Ko Zaw Win) and set aside, as people write
 * them or leave them out at will; repeated they are the name itself (Ma Ma Aye, Ko Ko, Maung
 * Maung Lat). The name as entered, honorific and all, is what is shown.
 */
const HONORIFIC_SYLLABLES = new Set(['ma', 'ko', 'maung', 'naw', 'saw', 'mi', 'nai', 'sai']);

/**
 * Words that are part of a name but say little about who it is: Vietnamese middle names that mark
 * gender (Thị, Văn) — kept, because a record may have them or not, but weighted low when names
 * are compared — and Burmese/Karen honorifics that double as name syllables.
 */
export const WEAK_TOKENS: ReadonlySet<string> = new Set(['thi', 'van', 'ma', 'ko', 'maung', 'saw', 'naw']);

/** The romanised words of a name in the order written, titles removed. */
export function nameTokensOf(name: string): string[] {
  let text = name.normalize('NFC').replace(/[\u200B-\u200D\uFEFF\u00AD]/gu, '');
  for (const { pattern } of SCRIPT_TITLES) text = text.replace(pattern, '');
  const tokens = romanise(text)
    .replace(/['’`ʼ]/gu, '')
    .split(/[^a-z]+/u)
    .filter(Boolean);
  while (tokens.length > 1) {
    if (tokens.length > 2 && TITLE_PAIRS.has(`${tokens[0]} ${tokens[1]}`)) tokens.splice(0, 2);
    else if (TITLE_WORDS.has(tokens[0]!)) tokens.shift();
    else if (HONORIFIC_SYLLABLES.has(tokens[0]!) && tokens[1] !== tokens[0] && !/\p{Script=Han}/u.test(text)) tokens.shift();
    else break;
  }
  return tokens;
}

const VOWELS = 'aeiou';
const isVowel = (ch: string | undefined) => ch !== undefined && VOWELS.includes(ch);

/**
 * Multi-letter spellings of one sound, longest first. "c" is the "ch" family (ch, j, zh, q,
 * Khmer chh), "q" is "ng" — letters the skeleton does not otherwise use, and lower-case because
 * pg_trgm folds case when it builds trigrams. Aspiration (kh, th, ph) is dropped: Thai and Lao romanisations mark
 * it, informal spellings and Burmese/Khmer conventions often do not.
 */
const DIGRAPHS: [string, string][] = [
  ['tch', 'c'],
  ['chh', 'c'],
  ['ch', 'c'],
  ['zh', 'c'],
  ['sh', 's'],
  ['kh', 'k'],
  ['gh', 'k'],
  ['ph', 'p'],
  ['bh', 'p'],
  ['th', 't'],
  ['dh', 't'],
  ['ng', 'q'],
  ['ck', 'k'],
  // Thai ศรี is "si" in RTGS and "sri" in everyday spelling; Thai and Lao ษ/ส/ด before a
  // syllable are "t" in RTGS and silent in everyday spelling (Butsaba / Busaba, Latsamy).
  ['sr', 's'],
  // Khmer and Lao spell the palatal nasal gn (Kagna = Kanha) inside a word.
  ['gn', 'n'],
  ['ts', 's'],
];

/**
 * Voicing merged (b/p, d/t, g/k: Burmese and Khmer spell by letter, speakers by sound — Thida
 * has ត "t"), v/w (Lao and Khmer write v, Thai w), x/s (Lao ຊ is x or s, pinyin x; but z stays:
 * Burmese ဇ Zaw and စ Soe are different names),
 * f/p (ฟ is f, but Lao and Thai speakers alternate), r/l (Lao ຣ and ລ alternate, and Thai speech
 * merges them), lone c as k (Vietnamese Cao, Công).
 */
const SINGLE: Record<string, string> = { b: 'p', c: 'k', d: 't', f: 'p', g: 'k', j: 'c', q: 'c', v: 'w', x: 's' };

/**
 * The sounds of one romanised word as symbols: consonants mapped as below, "V" for a vowel.
 * Initial "h" before a consonant is dropped (Burmese Htun, Hla, Hnin, Hsu); y/w count as vowels
 * unless a vowel follows (Kaew = Kaeo, Somchay = Somchai); "h" is kept only at the start; an
 * "r" after a vowel is dropped when no vowel follows (Porn = Phon, Sokhar = Sokha); a final "l"
 * is read "n" (Thai final ล: Kamol = Kamon) and a final "ch" "t" (Nongnuch = Nongnut).
 */
function soundsOf(token: string): string[] {
  const s = token.toLowerCase().replace(/[^a-z]/gu, '');
  if (!s) return [];
  const symbols: string[] = [];
  let i = 0;
  if (s[0] === 'h' && s[1] !== undefined && !isVowel(s[1]) && s[1] !== 'y' && s[1] !== 'w') i = 1;
  // Initial ny / nh / gn is one palatal sound: Nyein, Nhung, Gnot = y.
  if (/^(?:ny|nh|gn)/u.test(s.slice(i))) {
    symbols.push('y');
    i += 2;
  }
  while (i < s.length) {
    const ch = s[i]!;
    const digraph = DIGRAPHS.find(([spelling]) => s.startsWith(spelling, i));
    if (digraph) {
      symbols.push(digraph[1]);
      i += digraph[0].length;
      continue;
    }
    const next = s[i + 1];
    if (isVowel(ch)) symbols.push(`V${ch}`);
    else if (ch === 'y' || ch === 'w' || ch === 'v') {
      // Burmese "Aye" is the vowel e (= Ei).
      const glide = isVowel(next) && !(ch === 'y' && next === 'e' && i + 2 === s.length && isVowel(s[i - 1]));
      symbols.push(glide ? (ch === 'v' ? 'w' : ch) : `V${ch === 'v' ? 'w' : ch}`);
    } else if (ch === 'h') {
      if (i === 0) symbols.push('h');
    } else if (ch === 'r') {
      const previous = s[i - 1];
      const afterVowel = isVowel(previous) || previous === 'y' || previous === 'w';
      if (!(afterVowel && !isVowel(next) && next !== 'y')) symbols.push('l');
    } else if (ch === 'n' && next === 'h') {
      // Vietnamese and Lao final nh (Thanh, Phonsavanh) is an n.
      symbols.push('n');
      i++;
    } else symbols.push(SINGLE[ch] ?? ch);
    i++;
  }
  const last = symbols.length - 1;
  if (last > 0 && symbols[last] === 'l') symbols[last] = 'n';
  else if (last > 0 && symbols[last] === 'c') symbols[last] = 't';
  return symbols;
}

/**
 * The consonant skeleton of one romanised word: the first sound (any vowel as "a"), then the
 * consonants, doubled consonants collapsed when adjacent (Natthaphon = Nattapon, but Nana ≠ Na).
 */
export function phoneticOf(token: string): string {
  const symbols = soundsOf(token);
  let skeleton = symbols[0]?.startsWith('V') ? 'a' : (symbols[0] ?? '');
  for (let k = 1; k < symbols.length; k++) {
    const symbol = symbols[k]!;
    if (symbol.startsWith('V') || symbol === symbols[k - 1]) continue;
    skeleton += symbol;
  }
  return skeleton;
}

/**
 * Vowel spellings that name the same sound in the region's romanisations: Burmese Soo/Su,
 * Yee/Yi, May/Mei/Me, Aye/Ei; Thai Boon/Bun, Mee/Mi, Kaew/Kaeo; Khmer Mao/Mau, Keo/Kaev,
 * Chea/Chia, Nuon/Nuan. Others stay as written.
 */
const VOWEL_CLASSES: Record<string, string> = {
  a: 'A',
  aa: 'A',
  e: 'E',
  ae: 'E',
  ay: 'E',
  aye: 'E',
  ei: 'E',
  ey: 'E',
  i: 'I',
  ee: 'I',
  ii: 'I',
  y: 'I',
  iy: 'I',
  o: 'O',
  oe: 'O',
  aw: 'O',
  ao: 'O',
  au: 'O',
  ow: 'O',
  u: 'U',
  oo: 'U',
  ou: 'U',
  uu: 'U',
  eo: 'EW',
  aeo: 'EW',
  aew: 'EW',
  ew: 'EW',
  ieu: 'IEW',
  iew: 'IEW',
  ea: 'IA',
  ia: 'IA',
  ua: 'UA',
  uo: 'UA',
  ue: 'UE',
  eu: 'UE',
  oi: 'OI',
  oy: 'OI',
  ui: 'UI',
  uy: 'UI',
};

/**
 * The sounds with the vowels in their place, each vowel by its class (VOWEL_CLASSES): Soo and Su
 * are both "sU", Mao and Mau "mO", Rithy and Ritthi "lItI". For short words, whose skeleton is a
 * single letter, this tells Soo/Su (the same name) from Soe/Su (different names).
 */
export function soundShapeOf(token: string): string {
  let shape = '';
  let vowels = '';
  const flush = () => {
    if (vowels) shape += VOWEL_CLASSES[vowels] ?? `(${vowels})`;
    vowels = '';
  };
  let previous = '';
  for (const symbol of soundsOf(token)) {
    if (symbol.startsWith('V')) {
      vowels += symbol.slice(1);
      continue;
    }
    flush();
    if (symbol !== previous) shape += symbol;
    previous = symbol;
  }
  flush();
  return shape;
}
