import anyAscii from 'any-ascii';
import { pinyin } from 'pinyin-pro';

/**
 * Romanisation of personal names for matching (not for display). The goal is convergence: a name
 * written in Thai, Lao, Khmer or Burmese script should come out close to the way caseworkers
 * spell the same name in Latin letters, so that one normalised-name index serves every script.
 *
 * `any-ascii` transliterates letter by letter. That is fine for alphabets and for Vietnamese,
 * but the Brahmic scripts of the region are abugidas: vowels are written before, above or
 * below the consonant they follow in speech, most syllables carry an unwritten vowel, and the
 * same letter sounds different at the start and at the end of a syllable (Thai ร is "r" in
 * ราตรี and "n" in พร). Letter by letter, สมชาย becomes "smchay" and ไพโรจน์ "aiphorchn" —
 * nothing like the "Somchai" and "Phairot" on a passport. So Thai, Lao, Khmer and Burmese get
 * small syllable-aware romanisers here; Chinese goes through pinyin-pro (any-ascii would glue
 * the syllables together without word boundaries); everything else through any-ascii.
 *
 * The romanisers follow the conventions people actually use for names (RTGS for Thai, the
 * French-influenced Lao and Khmer spellings, the Burmese passport conventions) but they are
 * heuristics without a dictionary: Thai and Khmer do not write where one syllable ends, so a
 * name of only consonants (ธนพล, กรกนก) is segmented by rule and sometimes differs from the
 * official spelling. The phonetic skeleton in nameKeys.ts absorbs most of what remains.
 */

export type Script = 'thai' | 'lao' | 'khmer' | 'burmese' | 'han' | 'other';

const SCRIPT_RANGES: [Script, RegExp][] = [
  ['thai', /[\u0E00-\u0E7F]/],
  ['lao', /[\u0E80-\u0EFF]/],
  ['khmer', /[\u1780-\u17FF\u19E0-\u19FF]/],
  ['burmese', /[\u1000-\u109F\uAA60-\uAA7F\uA9E0-\uA9FF]/],
  ['han', /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2EBEF}]/u],
];

export function scriptOfChar(ch: string): Script {
  for (const [script, range] of SCRIPT_RANGES) if (range.test(ch)) return script;
  return 'other';
}

/** The script most of a name's letters are written in; Latin and anything unlisted is 'other'. */
export function dominantScript(text: string): Script {
  const counts = new Map<Script, number>();
  for (const ch of text) {
    if (!/\p{L}|\p{M}/u.test(ch)) continue;
    const script = scriptOfChar(ch);
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best: Script = 'other';
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

/** Splits text into runs of one script each, so a name mixing scripts is romanised piece by piece. */
function scriptRuns(text: string): { script: Script; text: string }[] {
  const runs: { script: Script; text: string }[] = [];
  for (const ch of text) {
    // Spaces, punctuation and combining marks stay in the current run.
    const script = /\p{L}/u.test(ch) ? scriptOfChar(ch) : (runs.at(-1)?.script ?? 'other');
    const last = runs.at(-1);
    if (last && last.script === script) last.text += ch;
    else runs.push({ script, text: ch });
  }
  return runs;
}

/** Romanises a whole name, script by script, into lower-case ASCII words separated by spaces. */
export function romanise(text: string): string {
  return scriptRuns(text.normalize('NFC'))
    .map(({ script, text: run }) => {
      switch (script) {
        case 'thai':
          return romaniseTai(run, THAI);
        case 'lao':
          return romaniseTai(run, LAO);
        case 'khmer':
          return romaniseKhmer(run);
        case 'burmese':
          return romaniseBurmese(run);
        case 'han':
          return romaniseHan(run);
        default:
          return anyAscii(run);
      }
    })
    .join(' ')
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Thai and Lao
// ---------------------------------------------------------------------------------------------

type TaiScript = {
  /** Consonant → [romanisation at the start of a syllable, romanisation as a final]. */
  consonants: Record<string, readonly [string, string]>;
  /** Written before the consonant they follow in speech. */
  preVowels: string;
  /** Pre-vowels that end the syllable, so ร or ล after the consonant is a cluster (ไกร = krai). */
  closedPreVowels: string;
  /** Vowel signs written above, below or after the consonant. */
  vowelSigns: string;
  /** Tone marks and the like: no bearing on how a name is spelt in Latin letters. */
  silentMarks: RegExp;
  /** The killer (Thai ์, Lao ໌): the consonant under it is not pronounced. */
  cancel: string;
  /** The vowel carrier อ / ອ, also a vowel "o" after a consonant. */
  carrier: string;
  /** ห / ຫ before a sonorant only changes the tone (หมาย = "mai"). */
  toneH: string;
  sonorants: string;
  /** Consonants that begin true clusters with ร ล ว (ปร, กล, ขว …). */
  clusterFirst: string;
  clusterSecond: string;
  /** Before ร at the start of a syllable, ร is silent (ศรี = "si", ทราย = "sai"). */
  silentRAfter: string;
  /** ว between an initial and a final is the vowel "ua" (สวน = "suan"). */
  wo: string;
  /** ย after เ–ี is part of the vowel เ–ีย. */
  yo: string;
  /** รร (Thai ro han) is the vowel "a" (วรรณ = "wan"). */
  roHan?: string;
  /** Consonant + this is a cluster with l (Lao ຼ). */
  subscriptL?: string;
  /** Characters dropped entirely (repetition marks, abbreviation marks, digits). */
  ignore: RegExp;
  /** Vowel spellings keyed by pre-vowel + signs: [romanisation, can take a final]. */
  vowels: Record<string, readonly [string, boolean]>;
  /** Implicit vowels for syllables with no written vowel. */
  implicitOpen: string;
  implicitClosed: string;
  /** Word-final ร after these consonants is silent (มิตร, เพชร, จักร). */
  silentFinalRAfter?: string;
  /** Initials spelt differently inside a word (Lao ຍ: Nyot, but Souliya). */
  medialInitials?: Record<string, string>;
  /** Pseudo-consonants that carry their own vowel (Thai ฤ). */
  vowelConsonants?: Record<string, readonly [string, string]>;
};

const THAI: TaiScript = {
  consonants: {
    ก: ['k', 'k'],
    ข: ['kh', 'k'],
    ฃ: ['kh', 'k'],
    ค: ['kh', 'k'],
    ฅ: ['kh', 'k'],
    ฆ: ['kh', 'k'],
    ง: ['ng', 'ng'],
    จ: ['ch', 't'],
    ฉ: ['ch', 't'],
    ช: ['ch', 't'],
    ซ: ['s', 't'],
    ฌ: ['ch', 't'],
    ญ: ['y', 'n'],
    ฎ: ['d', 't'],
    ฏ: ['t', 't'],
    ฐ: ['th', 't'],
    ฑ: ['th', 't'],
    ฒ: ['th', 't'],
    ณ: ['n', 'n'],
    ด: ['d', 't'],
    ต: ['t', 't'],
    ถ: ['th', 't'],
    ท: ['th', 't'],
    ธ: ['th', 't'],
    น: ['n', 'n'],
    บ: ['b', 'p'],
    ป: ['p', 'p'],
    ผ: ['ph', 'p'],
    ฝ: ['f', 'p'],
    พ: ['ph', 'p'],
    ฟ: ['f', 'p'],
    ภ: ['ph', 'p'],
    ม: ['m', 'm'],
    ย: ['y', 'i'],
    ร: ['r', 'n'],
    ล: ['l', 'n'],
    ว: ['w', 'o'],
    ศ: ['s', 't'],
    ษ: ['s', 't'],
    ส: ['s', 't'],
    ห: ['h', ''],
    ฬ: ['l', 'n'],
    อ: ['', ''],
    ฮ: ['h', ''],
  },
  vowelConsonants: { ฤ: ['r', 'i'], ฦ: ['l', 'ue'] },
  preVowels: 'เแโใไ',
  closedPreVowels: 'ใไ',
  vowelSigns: 'ะัาำิีึืุูๅ',
  silentMarks: /[\u0E47-\u0E4B\u0E4D\u0E4E]/gu,
  cancel: '\u0E4C',
  carrier: 'อ',
  toneH: 'ห',
  sonorants: 'งญนมยรลว',
  clusterFirst: 'กขคตปผพบฟด',
  clusterSecond: 'รลว',
  silentRAfter: 'สศษซ',
  wo: 'ว',
  yo: 'ย',
  roHan: 'ร',
  ignore: /[\u0E2F\u0E46\u0E4F-\u0E5B]/gu,
  vowels: {
    ะ: ['a', false],
    'ั': ['a', true],
    า: ['a', true],
    ำ: ['am', false],
    'ิ': ['i', true],
    'ี': ['i', true],
    'ึ': ['ue', true],
    'ื': ['ue', true],
    'ือ': ['ue', true],
    'ุ': ['u', true],
    'ู': ['u', true],
    อ: ['o', true],
    'ัว': ['ua', true],
    ว: ['ua', true],
    รร: ['a', true],
    เ: ['e', true],
    เะ: ['e', false],
    เา: ['ao', false],
    เาะ: ['o', false],
    เิ: ['oe', true],
    เอ: ['oe', true],
    เีย: ['ia', true],
    เียะ: ['ia', false],
    เือ: ['uea', true],
    เื: ['uea', true],
    แ: ['ae', true],
    แะ: ['ae', false],
    โ: ['o', true],
    โะ: ['o', false],
    ใ: ['ai', false],
    ไ: ['ai', false],
  },
  implicitOpen: 'a',
  implicitClosed: 'o',
  silentFinalRAfter: 'ตทกชด',
};

/**
 * Lao follows the French-influenced spellings found on Lao passports and in NGO files:
 * ວ = "v", ຊ = "x", ຍ = "ny", ຸ = "ou", a final ຍ = "y" (Bounmy, Xay, Noy).
 */
const LAO: TaiScript = {
  consonants: {
    ກ: ['k', 'k'],
    ຂ: ['kh', 'k'],
    ຄ: ['kh', 'k'],
    ງ: ['ng', 'ng'],
    ຈ: ['ch', 't'],
    ສ: ['s', 't'],
    ຊ: ['x', 't'],
    ຍ: ['ny', 'y'],
    ດ: ['d', 't'],
    ຕ: ['t', 't'],
    ຖ: ['th', 't'],
    ທ: ['th', 't'],
    ນ: ['n', 'n'],
    ບ: ['b', 'p'],
    ປ: ['p', 'p'],
    ຜ: ['ph', 'p'],
    ຝ: ['f', 'p'],
    ພ: ['ph', 'p'],
    ຟ: ['f', 'p'],
    ມ: ['m', 'm'],
    ຢ: ['y', 'y'],
    ຣ: ['r', 'n'],
    ລ: ['l', 'n'],
    ວ: ['v', 'o'],
    ຫ: ['h', ''],
    ອ: ['', ''],
    ຮ: ['h', ''],
    ໜ: ['n', 'n'],
    ໝ: ['m', 'm'],
    ໞ: ['k', 'k'],
    ໟ: ['ny', 'y'],
  },
  preVowels: 'ເແໂໃໄ',
  closedPreVowels: 'ໃໄ',
  vowelSigns: 'ະັາຳິີຶືຸູົໍຽ',
  silentMarks: /[\u0EC8-\u0ECB\u0EC6]/gu,
  cancel: '\u0ECC',
  carrier: 'ອ',
  toneH: 'ຫ',
  sonorants: 'ງຍນມຢຣລວ',
  clusterFirst: 'ກຂຄປພຜບ',
  clusterSecond: 'ຣລວ',
  silentRAfter: '',
  wo: 'ວ',
  yo: 'ຍ',
  subscriptL: '\u0EBC',
  medialInitials: { ny: 'y' },
  ignore: /[\u0EAF\u0ED0-\u0ED9]/gu,
  vowels: {
    ະ: ['a', false],
    'ັ': ['a', true],
    າ: ['a', true],
    ຳ: ['am', false],
    'ິ': ['i', true],
    'ີ': ['i', true],
    'ຶ': ['eu', true],
    'ື': ['eu', true],
    'ືອ': ['eu', true],
    'ຸ': ['ou', true],
    'ູ': ['ou', true],
    'ົ': ['o', true],
    'ໍ': ['o', true],
    ອ: ['o', true],
    'ົວ': ['oua', true],
    'ັວ': ['oua', true],
    ວ: ['oua', true],
    ຽ: ['ia', true],
    'ັຽ': ['ia', true],
    ເ: ['e', true],
    ເະ: ['e', false],
    ເັ: ['e', true],
    ເົາ: ['ao', false],
    ເາ: ['ao', false],
    ເິ: ['eu', true],
    ເີ: ['eu', true],
    ເີຍ: ['ia', true],
    ເືອ: ['ua', true],
    ເື: ['ua', true],
    ແ: ['ae', true],
    ແະ: ['ae', false],
    ແັ: ['ae', true],
    ໂ: ['o', true],
    ໂະ: ['o', false],
    ໃ: ['ai', false],
    ໄ: ['ai', false],
  },
  implicitOpen: 'a',
  implicitClosed: 'o',
};

const NO_CLUSTER = '\u0001';

type TaiUnit = {
  consonant: string;
  initial: string;
  final: string;
  /** Vowel key (pre-vowel + signs + vowel letters); '' when no vowel is written. */
  vowel: string;
};

function romaniseTai(text: string, tai: TaiScript): string {
  // Sara am typed as its two parts (nikhahit + aa) is the same vowel.
  return text
    .replace(/\u0E4D\u0E32/gu, '\u0E33')
    .replace(/\u0ECD\u0EB2/gu, '\u0EB3')
    .split(/[^\p{L}\p{M}]+/u)
    .filter(Boolean)
    .map((word) => romaniseTaiWord(word, tai))
    .join(' ');
}

/**
 * Removes what is written but not pronounced — tone marks, consonants under the killer — and
 * splits the word where a killer was: the killer ends a syllable (วงศ์|สวัสดิ์ = Wong-sawat).
 * Each part says whether a killer ended it.
 */
function silenceTai(word: string, tai: TaiScript): { text: string; killed: boolean }[] {
  // A tone mark is written on the second consonant of a true cluster (กว่า) and on the first
  // when the two are not a cluster (แก้ว = kaeo): keep that one fact as a marker.
  const marked = word.replace(
    new RegExp(`(?<=[${tai.clusterFirst}])${tai.silentMarks.source}(?=[${tai.clusterSecond}])`, 'gu'),
    NO_CLUSTER,
  );
  const chars = [...marked.replace(tai.silentMarks, '').replace(tai.ignore, '')];
  const isConsonant = (ch: string | undefined) => ch !== undefined && ch in tai.consonants;
  const parts: string[][] = [];
  const killed = new Set<string[]>();
  let part: string[] = [];
  for (const ch of chars) {
    if (ch !== tai.cancel) {
      part.push(ch);
      continue;
    }
    // The killer silences the consonant it sits on, with any vowel sign on that consonant (ธิ์).
    let start = part.length - 1;
    while (start > 0 && tai.vowelSigns.includes(part[start]!)) start--;
    part.splice(start);
    // A dental or sibilant before it is usually silent too (จันทร์ = "chan", ลักษณ์ = "lak",
    // ศาสตร์ = "sat"): after a vowel and a final, a third consonant cannot be pronounced.
    const last = part.length - 1;
    if ('ทตจษศสดรธ'.includes(part[last] ?? '\uFFFF') && isConsonant(part[last - 1]) && tai.vowelSigns.includes(part[last - 2] ?? '\uFFFF'))
      part.splice(last, 1);
    parts.push(part);
    killed.add(part);
    part = [];
  }
  parts.push(part);
  return parts
    .filter((p) => p.length > 0)
    .map((p) => {
      let text = p.join('');
      // ชาติ, เกียรติ, สมบัติ: a final ติ after a long vowel or a final is read "t".
      text = text.replace(/(?<=า|ั|ีย)ร?ติ$/u, 'ต');
      // เพชร, มิตร, จักร, บุตร: ร after a final stop is silent; but not in สุนทร (sun-thon), where
      // the stop opens a syllable of its own.
      if (tai.silentFinalRAfter) {
        text = text.replace(new RegExp(`(?<=[${tai.vowelSigns}]|[${tai.preVowels}].)([${tai.silentFinalRAfter}])ร(?=$|[ก-ฮ])`, 'u'), '$1');
      }
      return { text, killed: killed.has(p) };
    });
}

/** `killed`: a killer ended the part (silenceTai), so its last consonant closes a syllable. */
function parseTaiUnits(word: string, tai: TaiScript, killed = false): TaiUnit[] {
  const chars = [...word];
  const units: TaiUnit[] = [];
  const isConsonant = (ch: string | undefined) => ch !== undefined && ch in tai.consonants;
  const isSign = (ch: string | undefined) => ch !== undefined && tai.vowelSigns.includes(ch);
  // "Followed by a vowel" decides whether a consonant opens a syllable or closes one.
  const voweled = (at: number) => isSign(chars[at]) || (chars[at] === tai.subscriptL && isSign(chars[at + 1]));
  let i = 0;
  while (i < chars.length) {
    let pre = '';
    if (tai.preVowels.includes(chars[i]!)) pre = chars[i++]!;
    const ch = chars[i];
    if (ch === undefined) {
      if (pre) units.push({ consonant: '', initial: '', final: '', vowel: pre });
      break;
    }
    if (tai.vowelConsonants && ch in tai.vowelConsonants) {
      const [initial, vowel] = tai.vowelConsonants[ch]!;
      units.push({ consonant: ch, initial, final: '', vowel: `=${vowel}` });
      i++;
      continue;
    }
    if (!isConsonant(ch)) {
      // A stray vowel sign (typing error or a sign we do not model): keep its sound.
      if (isSign(ch) && units.length > 0 && !units.at(-1)!.vowel) units.at(-1)!.vowel = ch;
      i++;
      continue;
    }
    let initial = tai.consonants[ch]![0];
    if (tai.medialInitials && units.length > 0) initial = tai.medialInitials[initial] ?? initial;
    let next = i + 1;
    if (tai.vowelConsonants && chars[next] !== undefined && chars[next]! in tai.vowelConsonants) {
      // กฤษณา = Kritsana: ฤ after a consonant is a cluster with r and the vowel i.
      const [r, vowel] = tai.vowelConsonants[chars[next]!]!;
      units.push({ consonant: ch, initial: initial + r, final: tai.consonants[ch]![1], vowel: `=${vowel}` });
      i = next + 1;
      continue;
    }
    if (
      ch === tai.toneH &&
      tai.sonorants.includes(chars[next] ?? '\uFFFF') &&
      !isSign(chars[next]) &&
      (voweled(next + 1) || pre || isConsonant(chars[next + 1]))
    ) {
      // ห before a sonorant marks the tone only.
      initial = tai.consonants[chars[next]!]![0];
      next++;
    } else if (tai.subscriptL && chars[next] === tai.subscriptL) {
      initial = ch === tai.toneH ? 'l' : `${initial}l`;
      next++;
    } else if (
      tai.clusterFirst.includes(ch) &&
      tai.clusterSecond.includes(chars[next] ?? '\uFFFF') &&
      (voweled(next + 1) || (pre && chars[next + 1] !== undefined) || (tai.closedPreVowels.includes(pre) && pre !== '')) &&
      !(chars[next] === tai.wo && chars[next + 1] === undefined)
    ) {
      initial += tai.consonants[chars[next]!]![0];
      next++;
    } else if (tai.silentRAfter.includes(ch) && chars[next] === 'ร' && (voweled(next + 1) || pre)) {
      next++;
    } else if (units.length === 0 && ch === 'ท' && chars[next] === 'ร' && (voweled(next + 1) || pre)) {
      initial = 's';
      next++;
    }
    if (chars[next] === NO_CLUSTER) next++;
    let signs = '';
    while (isSign(chars[next])) signs += chars[next++];
    // Vowel letters: อ (ทอง, เ–อ, เ–ือ), ย (เ–ีย), ว (–ัว, สวน), รร (วรรณ).
    const after = chars[next + 1];
    const closesAfter = after === undefined || (isConsonant(after) && !voweled(next + 2)) || tai.preVowels.includes(after);
    if (
      chars[next] === tai.carrier &&
      !isSign(after) &&
      // ออ is a syllable on the carrier (อ่อง): the อ before it does not read as a vowel of this one (เท็ตอ่อง, โมอ่อง).
      after !== tai.carrier &&
      ((!pre && !signs) || (pre && (signs === '' || signs === 'ื' || signs === 'ີ' || signs === 'ື')))
    ) {
      signs += chars[next++];
    } else if (chars[next] === tai.yo && pre && (signs === 'ี' || signs === 'ີ') && !isSign(after)) {
      signs += chars[next++];
    } else if (chars[next] === tai.wo && !pre && (signs === 'ั' || signs === 'ົ' || signs === 'ັ') && !isSign(after)) {
      signs += chars[next++];
    } else if (
      chars[next] === tai.wo &&
      !pre &&
      !signs &&
      isConsonant(after) &&
      closesAfter &&
      // ว and a final before the killer open a syllable of their own, wo + final: the วงศ์ (wong,
      // lineage) of many family names, after a consonant too (ไชยวงศ์ = Chai-ya-wong, อินทวงศ์ =
      // In-tha-wong), where the vowel ua (สวน = suan) is never followed by a killer.
      !(killed && next + 2 === chars.length) &&
      after !== tai.wo &&
      !(after === tai.roHan && chars[next + 2] === tai.roHan)
    ) {
      signs += chars[next++];
    } else if (tai.roHan && chars[next] === tai.roHan && after === tai.roHan && !pre && !signs) {
      signs += 'รร';
      next += 2;
    }
    units.push({ consonant: ch, initial, final: tai.consonants[ch]![1], vowel: pre + signs });
    i = next;
  }
  return units;
}

function renderTaiVowel(vowel: string, tai: TaiScript): readonly [string, boolean] {
  if (vowel.startsWith('=')) return [vowel.slice(1), true];
  const known = tai.vowels[vowel];
  if (known) return known;
  // Unlisted combinations: read the parts one by one.
  let text = '';
  for (const ch of vowel) text += tai.vowels[ch]?.[0] ?? '';
  return [text, true];
}

function romaniseTaiWord(word: string, tai: TaiScript): string {
  return silenceTai(word, tai)
    .map(({ text, killed }) => romaniseTaiUnits(parseTaiUnits(text, tai, killed), tai))
    .join('');
}

/**
 * Thai and Lao do not write where a syllable ends or which vowel an unwritten syllable has.
 * Consonants with a written vowel open syllables; a run of consonants without one is read by
 * the rules that fit names best: after a vowel that can take a final, the first closes it
 * (บุญ|มี); the rest pair up as closed syllables with the unwritten "o" (สม|ชาย, สม|พร); an odd
 * run ends in "a" + closed "o" (ก|มล = ka-mon, กร|ก|นก = kon-ka-nok).
 */
function romaniseTaiUnits(units: TaiUnit[], tai: TaiScript): string {
  let out = '';
  /** Whether the last syllable has a vowel that can still take a final consonant. */
  let open = false;
  /** Whether any syllable was written yet (a lone consonant after a final is silent). */
  let started = false;
  let roHanPending = false;
  let k = 0;
  while (k < units.length) {
    const unit = units[k]!;
    if (unit.vowel) {
      const [text, takesFinal] = renderTaiVowel(unit.vowel, tai);
      if (roHanPending) out += 'n';
      // A syllable opening on the vowel carrier starts a word of its own: Burmese names written
      // by ear run their syllables together (ธิดาอ่อง = Thidar Aung), and "thidaong" would read as
      // one vowel.
      if (started && unit.consonant === tai.carrier) out += ' ';
      out += unit.initial + text;
      open = takesFinal;
      roHanPending = unit.vowel === 'รร';
      started = true;
      k++;
      continue;
    }
    let end = k;
    while (end < units.length && !units[end]!.vowel) end++;
    let run = units.slice(k, end);
    const followedByVowel = end < units.length;
    k = end;
    if (open || roHanPending) {
      const [first, second] = run;
      roHanPending = false;
      open = false;
      if (!followedByVowel && run.length === 2 && first!.final !== second!.final) {
        // The last syllable of the word: สุภา|พร = su-pha-phon.
        out += `${first!.initial}${tai.implicitClosed}${second!.final}`;
        continue;
      }
      if (run.length === 1 && followedByVowel && first!.initial === 'r' && tai === THAI) {
        // Pali compounds link with "ra": ธีรวัฒน์ = Thi-ra-wat, สุรชัย = Su-ra-chai.
        out += 'ra';
        continue;
      }
      if (run.length === 1 && followedByVowel && 'ศษส'.includes(first!.consonant)) {
        // A sibilant between vowels closes one syllable and opens an unwritten one:
        // บุษบา = But-sa-ba, วาสนา = Wat-sa-na.
        out += `${first!.final}sa`;
        continue;
      }
      out += first!.final;
      run = run.slice(1);
    }
    if (run.length === 0) continue;
    if (!followedByVowel && run.length === 1) {
      // A word of one consonant is read with "o"; a consonant after a final is silent (ยุทธ).
      if (!started) out += run[0]!.initial + tai.implicitClosed;
      continue;
    }
    started = true;
    const pairs = run.length % 2 === 0 ? run.length / 2 : (run.length - 3) / 2;
    for (let p = 0; p < pairs; p++) out += `${run[2 * p]!.initial}${tai.implicitClosed}${run[2 * p + 1]!.final}`;
    if (run.length % 2 === 1) {
      const rest = run.slice(2 * pairs);
      out += `${rest[0]!.initial}${tai.implicitOpen}`;
      if (rest.length === 3) out += `${rest[1]!.initial}${tai.implicitClosed}${rest[2]!.final}`;
    }
    open = false;
  }
  if (roHanPending) out += 'n';
  return out;
}

// ---------------------------------------------------------------------------------------------
// Khmer
// ---------------------------------------------------------------------------------------------

/** Consonant → [romanisation as initial, as final, series (a = first, o = second)]. */
const KHMER_CONSONANTS: Record<string, readonly [string, string, 'a' | 'o']> = {
  ក: ['k', 'k', 'a'],
  ខ: ['kh', 'k', 'a'],
  គ: ['k', 'k', 'o'],
  ឃ: ['kh', 'k', 'o'],
  ង: ['ng', 'ng', 'o'],
  ច: ['ch', 'ch', 'a'],
  ឆ: ['chh', 'ch', 'a'],
  ជ: ['ch', 'ch', 'o'],
  ឈ: ['chh', 'ch', 'o'],
  ញ: ['nh', 'nh', 'o'],
  ដ: ['d', 't', 'a'],
  ឋ: ['th', 't', 'a'],
  ឌ: ['d', 't', 'o'],
  ឍ: ['th', 't', 'o'],
  ណ: ['n', 'n', 'a'],
  ត: ['t', 't', 'a'],
  ថ: ['th', 't', 'a'],
  ទ: ['t', 't', 'o'],
  ធ: ['th', 't', 'o'],
  ន: ['n', 'n', 'o'],
  ប: ['b', 'p', 'a'],
  ផ: ['ph', 'p', 'a'],
  ព: ['p', 'p', 'o'],
  ភ: ['ph', 'p', 'o'],
  ម: ['m', 'm', 'o'],
  យ: ['y', 'y', 'o'],
  រ: ['r', 'r', 'o'],
  ល: ['l', 'l', 'o'],
  វ: ['v', 'v', 'o'],
  ឝ: ['s', 's', 'a'],
  ឞ: ['s', 's', 'a'],
  ស: ['s', 's', 'a'],
  ហ: ['h', 'h', 'a'],
  ឡ: ['l', 'l', 'a'],
  អ: ['', '', 'a'],
};

/** Independent vowels: a syllable on their own. */
const KHMER_INDEPENDENT: Record<string, string> = {
  ឥ: 'e',
  ឦ: 'ei',
  ឧ: 'o',
  ឨ: 'ok',
  ឩ: 'ou',
  ឪ: 'ov',
  ឫ: 'rue',
  ឬ: 'rueu',
  ឭ: 'lue',
  ឮ: 'lueu',
  ឯ: 'ae',
  ឰ: 'ai',
  ឱ: 'ao',
  ឲ: 'ao',
  ឳ: 'au',
};

/**
 * Dependent vowels by series ([first series, second series]), as names are usually spelt:
 * សុខា Sokha, សុភា Sophea, ពិសី Pisey, ពៅ Pov, សៀង Sieng, នួន Nuon.
 */
const KHMER_VOWELS: Record<string, readonly [string, string]> = {
  'ា': ['a', 'ea'],
  'ិ': ['e', 'i'],
  'ី': ['ei', 'i'],
  'ឹ': ['oe', 'i'],
  'ឺ': ['eu', 'eu'],
  'ុ': ['o', 'u'],
  'ូ': ['ou', 'ou'],
  'ួ': ['uo', 'uo'],
  'ើ': ['aeu', 'eu'],
  'ឿ': ['oea', 'eua'],
  'ៀ': ['ie', 'ie'],
  'េ': ['e', 'e'],
  'ែ': ['ae', 'e'],
  'ៃ': ['ai', 'ey'],
  'ោ': ['ao', 'o'],
  'ៅ': ['au', 'ov'],
  'ុំ': ['om', 'um'],
  'ំ': ['am', 'um'],
  'ាំ': ['am', 'oam'],
  'ះ': ['ah', 'eah'],
  'ុះ': ['oh', 'uh'],
  'េះ': ['eh', 'eh'],
  'ោះ': ['aoh', 'uoh'],
  'ៈ': ['a', 'ea'],
};
/** Vowels that already end the syllable (ំ, ះ): no final consonant follows in the same syllable. */
const KHMER_CLOSED_VOWELS = new Set(['ុំ', 'ំ', 'ាំ', 'ះ', 'ុះ', 'េះ', 'ោះ', 'ៈ']);
const KHMER_COENG = '\u17D2';
const KHMER_TO_A = '\u17C9'; // ៉ musĕkâtônd: second-series consonant read as first series
const KHMER_TO_O = '\u17CA'; // ៊ treisâpt: first-series consonant read as second series

type KhmerUnit = { initial: string; final: string; series: 'a' | 'o'; vowel: string | null; forcedFinal?: boolean };

function romaniseKhmer(text: string): string {
  return (
    text
      // The toandakhiat silences the consonant (and vowel) it sits on: លក្ខណ៍ = leak.
      .replace(/[\u1780-\u17A2][\u17B6-\u17C5]?\u17CD/gu, '')
      .replace(/[\u17CB\u17CC\u17CD\u17CE\u17CF\u17D0\u17D1\u17D3\u17DD\u17D4-\u17DC\u17E0-\u17F9]/gu, '')
      .split(/[^\p{L}\p{M}]+/u)
      .filter(Boolean)
      .map(romaniseKhmerWord)
      .join(' ')
  );
}

function romaniseKhmerWord(word: string): string {
  const chars = [...word];
  const units: KhmerUnit[] = [];
  let i = 0;
  const isVowelSign = (ch: string | undefined) => ch !== undefined && /[\u17B6-\u17C8]/u.test(ch);
  while (i < chars.length) {
    const ch = chars[i]!;
    if (KHMER_INDEPENDENT[ch] !== undefined) {
      units.push({ initial: KHMER_INDEPENDENT[ch]!, final: '', series: 'a', vowel: '' });
      i++;
      continue;
    }
    const consonant = KHMER_CONSONANTS[ch];
    if (!consonant) {
      i++;
      continue;
    }
    let [initial, final, series] = consonant;
    let next = i + 1;
    // A stacked consonant (C ្ C2) after a syllable closes that syllable with C and opens the
    // next with C2 (វណ្ណា = van-na, វុទ្ធី = vut-thi); at the start of a word it is a cluster
    // (ស្រី = srei, ប្រាក់ = prak).
    if (chars[next] === KHMER_COENG && KHMER_CONSONANTS[chars[next + 1] ?? ''] && units.length > 0) {
      units.push({ initial, final, series, vowel: null, forcedFinal: true });
      i = next + 1;
      continue;
    }
    while (chars[next] === KHMER_COENG && KHMER_CONSONANTS[chars[next + 1] ?? '']) {
      const sub = KHMER_CONSONANTS[chars[next + 1]!]!;
      if (ch === 'ប') initial = 'p';
      initial += sub[0];
      // A second-series sonorant under a first-series consonant keeps the first series.
      if (series === 'a' && sub[2] === 'o' && !'ងញមយរលវ'.includes(chars[next + 1]!)) series = 'o';
      next += 2;
    }
    if (chars[next] === KHMER_TO_A) {
      series = 'a';
      if (ch === 'ប') initial = 'p';
      next++;
    } else if (chars[next] === KHMER_TO_O) {
      series = 'o';
      next++;
    }
    let vowel = '';
    while (isVowelSign(chars[next])) vowel += chars[next++];
    units.push({ initial, final, series, vowel: vowel || null });
    i = next;
  }
  let out = '';
  let open = false;
  let started = false;
  for (let k = 0; k < units.length; k++) {
    const unit = units[k]!;
    const next = units[k + 1];
    if (unit.vowel !== null) {
      const vowel = unit.vowel === '' ? '' : (KHMER_VOWELS[unit.vowel]?.[unit.series === 'a' ? 0 : 1] ?? '');
      out += unit.initial + vowel;
      open = !KHMER_CLOSED_VOWELS.has(unit.vowel) && unit.vowel !== '';
      started = true;
      continue;
    }
    if (next?.forcedFinal && !unit.forcedFinal) {
      // A consonant closed by a stacked one: វណ្ណា = van-na, សុវណ្ណ = so-van.
      out += `${unit.initial}a${next.final}`;
      open = false;
      started = true;
      k++;
      continue;
    }
    if (unit.forcedFinal && started) {
      out += unit.final;
      open = false;
      continue;
    }
    if (open && next && next.vowel === null && !units[k + 2]) {
      // The last two consonants after an open syllable make a closed one: សុផល = so-phal.
      out += `${unit.initial}${unit.series === 'a' ? 'a' : 'o'}${next.final}`;
      open = false;
      k++;
      continue;
    }
    if (open || (unit.forcedFinal && started)) {
      out += unit.final;
      open = false;
      continue;
    }
    if (!next) {
      if (!started) out += `${unit.initial}${unit.series === 'a' ? 'a' : 'o'}`;
      continue;
    }
    started = true;
    if (next.vowel === null && (next.forcedFinal || !units[k + 2])) {
      // A closed syllable with the inherent vowel (សុផល = so-phal, គង់ = kong, វណ្ណ = van).
      out += `${unit.initial}${unit.series === 'a' ? 'a' : 'o'}${next.final}`;
      k++;
      continue;
    }
    // Khmer names are mostly Pali and Sanskrit: unwritten vowels are open (មករា = ma-ka-ra).
    out += `${unit.initial}a`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Burmese
// ---------------------------------------------------------------------------------------------

const MY_CONSONANTS: Record<string, string> = {
  က: 'k',
  ခ: 'kh',
  ဂ: 'g',
  ဃ: 'g',
  င: 'ng',
  စ: 's',
  ဆ: 'hs',
  ဇ: 'z',
  ဈ: 'z',
  ည: 'ny',
  ဉ: 'ny',
  ဋ: 't',
  ဌ: 'ht',
  ဍ: 'd',
  ဎ: 'd',
  ဏ: 'n',
  တ: 't',
  ထ: 'ht',
  ဒ: 'd',
  ဓ: 'd',
  န: 'n',
  ပ: 'p',
  ဖ: 'ph',
  ဗ: 'b',
  ဘ: 'b',
  မ: 'm',
  ယ: 'y',
  ရ: 'y',
  လ: 'l',
  ဝ: 'w',
  သ: 'th',
  ဟ: 'h',
  ဠ: 'l',
  အ: '',
  ဿ: 'th',
};
const MY_INDEPENDENT: Record<string, string> = { ဣ: 'i', ဤ: 'i', ဥ: 'u', ဦ: 'u', ဧ: 'e', ဩ: 'aw', ဪ: 'aw', '၎': 'la' };
const MY_ASAT = '\u103A';
const MY_VIRAMA = '\u1039';
const MY_DOT = '\u1037';
const MY_MEDIAL_Y = '\u103B';
const MY_MEDIAL_R = '\u103C';
const MY_MEDIAL_W = '\u103D';
const MY_MEDIAL_H = '\u103E';

/**
 * Rhymes (vowel signs + final) as Burmese names are spelt on passports: Aung, Kyaw, Thein,
 * Hlaing, Htet, Myint, Nyein, Soe. Keys: vowel signs in logical order, then '|', then the final.
 */
const MY_RHYMES: Record<string, string> = {
  '|': 'a',
  'ာ|': 'a',
  'ါ|': 'a',
  'ိ|': 'i',
  'ီ|': 'i',
  'ု|': 'u',
  'ူ|': 'u',
  'ေ|': 'e',
  'ဲ|': 'e',
  'ော|': 'aw',
  'ေါ|': 'aw',
  'ို|': 'o',
  'ံ|': 'an',
  'ုံ|': 'on',
  'ိံ|': 'ein',
  '|က': 'et',
  'ိ|က': 'eik',
  'ု|က': 'ok',
  'ော|က': 'auk',
  'ေါ|က': 'auk',
  'ို|က': 'aik',
  '|င': 'in',
  'ော|င': 'aung',
  'ေါ|င': 'aung',
  'ို|င': 'aing',
  'ိ|င': 'ein',
  'ု|င': 'ong',
  '|စ': 'it',
  '|ည': 'i',
  '|ဉ': 'in',
  '|တ': 'at',
  'ိ|တ': 'eik',
  'ု|တ': 'ok',
  '|န': 'an',
  'ိ|န': 'ein',
  'ု|န': 'on',
  '|ဏ': 'an',
  '|ပ': 'at',
  'ိ|ပ': 'eik',
  'ု|ပ': 'ok',
  '|မ': 'an',
  'ိ|မ': 'ein',
  'ု|မ': 'on',
  '|ယ': 'e',
  'ော|ယ': 'aw',
};
/** With the medial w, these rhymes lose the w and take u: ထွန်း = Htun, ညွန့် = Nyunt. */
const MY_W_ABSORBING_FINALS = 'နတမပ';

function romaniseBurmese(text: string): string {
  return text
    .replace(/[\u200B-\u200D\uFEFF]/gu, '')
    .split(/[^\p{L}\p{M}]+/u)
    .filter(Boolean)
    .flatMap(burmeseSyllables)
    .join(' ');
}

/**
 * Burmese writes a name as a run of syllables without spaces, and in Latin letters each syllable
 * is usually a word of its own (အေးအေးခိုင် = Aye Aye Khaing). So each syllable is a token.
 * (Text in the legacy Zawgyi encoding is not converted: it must be Unicode.)
 */
function burmeseSyllables(word: string): string[] {
  const chars = [...word];
  const syllables: string[] = [];
  const isConsonant = (ch: string | undefined) => ch !== undefined && MY_CONSONANTS[ch] !== undefined;
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (MY_INDEPENDENT[ch] !== undefined) {
      let rhyme = MY_INDEPENDENT[ch]!;
      i++;
      // ဥ် / ဦ with a final (rare in names): keep the final's sound.
      if (isConsonant(chars[i]) && chars[i + 1] === MY_ASAT) {
        rhyme += MY_RHYMES[`|${chars[i]}`]?.replace(/^[aei]/u, '') ?? '';
        i += 2;
      }
      while (chars[i] && /[\u102B-\u1038]/u.test(chars[i]!)) i++;
      syllables.push(rhyme);
      continue;
    }
    if (!isConsonant(ch)) {
      i++;
      continue;
    }
    let initial = MY_CONSONANTS[ch]!;
    let next = i + 1;
    let medialY = false;
    let medialW = false;
    let medialH = false;
    while ([MY_MEDIAL_Y, MY_MEDIAL_R, MY_MEDIAL_W, MY_MEDIAL_H].includes(chars[next] ?? '\uFFFF')) {
      const medial = chars[next++];
      if (medial === MY_MEDIAL_Y || medial === MY_MEDIAL_R) medialY = true;
      if (medial === MY_MEDIAL_W) medialW = true;
      if (medial === MY_MEDIAL_H) medialH = true;
    }
    if (medialY) {
      initial = { က: 'ky', ခ: 'ch', ဂ: 'gy', င: 'ny', လ: 'ly' }[ch] ?? `${initial}y`;
    }
    if (medialH) {
      initial = ch === 'ရ' || ch === 'ယ' || (ch === 'လ' && medialY) ? 'sh' : `h${initial}`;
    }
    let signs = '';
    while (chars[next] && /[\u102B-\u1032\u1036]/u.test(chars[next]!)) signs += chars[next++];
    let final = '';
    let dot = false;
    // Tone marks may come before or after the asat; the final consonant is the one the asat
    // (or a virama, for a consonant stacked over the next syllable) sits on.
    const skipTones = () => {
      while (chars[next] === MY_DOT || chars[next] === '\u1038') {
        if (chars[next] === MY_DOT) dot = true;
        next++;
      }
    };
    skipTones();
    if (
      isConsonant(chars[next]) &&
      (chars[next + 1] === MY_ASAT || chars[next + 1] === MY_VIRAMA || (chars[next + 1] === MY_DOT && chars[next + 2] === MY_ASAT))
    ) {
      final = chars[next]!;
      next++;
      skipTones();
      if (chars[next] === MY_ASAT) next++;
      else if (chars[next] === MY_VIRAMA) next++; // the next syllable starts with the stacked consonant
      skipTones();
    }
    signs = signs.replace('\u1031\u102C', 'ော').replace('\u1031\u102B', 'ေါ').replace('\u102D\u102F', 'ို');
    let rhyme: string;
    if (medialW && final && MY_W_ABSORBING_FINALS.includes(final)) {
      rhyme = `u${final === 'န' || final === 'မ' ? 'n' : 't'}`;
    } else {
      if (medialW) initial += 'w';
      rhyme = MY_RHYMES[`${signs}|${final}`] ?? `${MY_RHYMES[`${signs}|`] ?? ''}${final ? (MY_RHYMES[`|${final}`] ?? '') : ''}`;
    }
    // A creaky-tone nasal is conventionally written with a t: မြင့် Myint, သန့် Thant.
    if (dot && (final === 'န' || final === 'င' || final === 'မ')) rhyme += 't';
    // အေး is "Aye", not "E".
    if (initial === '' && rhyme === 'e') rhyme = 'aye';
    syllables.push(initial + rhyme);
    i = next;
  }
  return syllables;
}

// ---------------------------------------------------------------------------------------------
// Chinese
// ---------------------------------------------------------------------------------------------

/** Two-character family names, so 欧阳娜娜 becomes "ouyang nana" and not "ou yangnana". */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '令狐',
  '慕容',
  '尉迟',
  '公孙',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '端木',
  '歐陽',
  '諸葛',
  '東方',
  '長孫',
]);

/**
 * Pinyin in the mainland convention for names (GB/T 28039): family name, then the given name
 * as one word — 张晓明 = "zhang xiaoming" — read with family-name pronunciations (单 = Shan).
 */
function romaniseHan(text: string): string {
  return text
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .map((word) => {
      const chars = [...word];
      if (chars.length === 1) return pinyinOf(word, true);
      const familyLength = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
      const family = chars.slice(0, familyLength).join('');
      const given = chars.slice(familyLength).join('');
      return `${pinyinOf(family, true)} ${pinyinOf(given, false)}`;
    })
    .join(' ');
}

function pinyinOf(text: string, surname: boolean): string {
  return pinyin(text, { toneType: 'none', type: 'array', mode: surname ? 'surname' : 'normal', v: true })
    .join('')
    .replace(/ü/gu, 'v');
}
