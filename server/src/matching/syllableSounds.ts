/**
 * Names compared by syllable as they are heard, not as they are spelt: the way a name written by
 * ear in one script meets the same name in another. A Thai officer writes a Burmese name as one
 * run of Thai syllables (หนิ่นหนิ่นเว for Hnin Hnin Wai, เต็ง for Thein, หล่าย for Hlaing), a
 * Lao name with the Thai cognate's silent letters (ศรีสุข for Sisouk, พรหมวงศ์ for Phommavong),
 * a Khmer name with Thai vowels (เจีย for Chea); romanisations split and join syllables at will
 * (Thi Da / Thidar, Srey Neang / Sreyneang). Word by word these share little; syllable by
 * syllable they are the same sounds.
 *
 * Each syllable is reduced to what survives hearing it in another language (MLCTS, the Burmese
 * passport spellings, RTGS, the Lao and Khmer French-influenced spellings agree on these): the
 * initial's place of articulation (aspiration, voicing and Burmese medials are lost: Phyu = Pyu
 * = พยู, Kyaw = จ่อ), the vowel's quality in a few classes, and whether the syllable ends in a
 * nasal, a stop or nothing — Burmese finals are weak (a nasalised vowel, a glottal stop) and are
 * often not written at all by ear (Khaing = ข่าย), so a lost final counts as a small difference.
 */

type Syllable = {
  initial: string;
  vowel: string;
  /** Another vowel class the spelling may stand for (the final -ane of Thane and of Phommasane). */
  otherVowel?: string;
  final: '' | 'N' | 'T';
  /** With the medial w (Burmese Lwin, Htwe; Thai ขวัญ): Lin and Htay are other syllables. */
  rounded?: true;
  /** Followed by a syllable opening on s, before which a final t is written or not. */
  beforeS?: true;
  merged?: false;
};

/** Consonant clusters that open a syllable, longest first; the value is the initial's class. */
const ONSETS: [string, string][] = [
  ['chh', 'C'],
  ['phy', 'P'],
  ['hny', 'J'],
  ['hm', 'M'],
  ['hn', 'N'],
  ['hl', 'L'],
  ['ht', 'T'],
  ['hs', 'S'],
  ['hw', 'W'],
  ['ky', 'C'],
  ['gy', 'C'],
  // Burmese medial y after a labial, as Thai writes it when a syllable comes before (พยูพยู = phayupyu).
  ['py', 'P'],
  ['by', 'P'],
  ['my', 'M'],
  ['ch', 'C'],
  ['kh', 'K'],
  ['gh', 'K'],
  ['ph', 'P'],
  ['bh', 'P'],
  ['th', 'T'],
  ['dh', 'T'],
  ['sh', 'S'],
  // The palatal nasal (Burmese ည, Khmer ញ, Lao ຍ) is heard as y or n and written either way by ear.
  ['ny', 'J'],
  ['nh', 'J'],
  ['gn', 'J'],
  ['ng', 'Q'],
  ['zh', 'C'],
  ['ts', 'S'],
];
const SINGLE_INITIALS: Record<string, string> = {
  k: 'K',
  g: 'K',
  c: 'C',
  j: 'C',
  q: 'C',
  s: 'S',
  // Lao ຊ, spelt x (Xay, Sivongxay): an s, and the Lao cognate of Thai ช (ไชย = ໄຊ).
  x: 'X',
  z: 'S',
  t: 'T',
  d: 'T',
  p: 'P',
  b: 'P',
  f: 'P',
  m: 'M',
  n: 'N',
  y: 'Y',
  l: 'L',
  r: 'L',
  w: 'W',
  v: 'W',
  h: 'H',
};
/** A second consonant that only colours the initial (Thai and Khmer clusters, Burmese medials). */
const MEDIALS = 'rlyw';
// A final l is heard as n (Thai final ล: Kamol = กมล = Kamon; Khmer Phal = ผล).
const NASAL_FINALS = 'mnl';

/** Vowel spellings by class; what is not listed is read by its first letter. */
const VOWELS: Record<string, string> = {
  a: 'A',
  aa: 'A',
  e: 'E',
  ae: 'E',
  ay: 'E',
  ey: 'E',
  ei: 'E',
  eh: 'E',
  i: 'I',
  ee: 'I',
  ii: 'I',
  y: 'I',
  iy: 'I',
  o: 'O',
  oe: 'O',
  oh: 'O',
  aw: 'O',
  or: 'O',
  oa: 'O',
  u: 'U',
  uu: 'U',
  oo: 'U',
  ou: 'U',
  ue: 'U',
  eu: 'U',
  ai: 'AI',
  aii: 'AI',
  // Thai writes the Burmese medial y with o (Myo, Phyo) as เ–ียว: เมียว, เพียว.
  iao: 'O',
  ao: 'AO',
  au: 'AO',
  ow: 'AO',
  ov: 'AO',
  av: 'AO',
  aeo: 'EW',
  aew: 'EW',
  eo: 'EW',
  ew: 'EW',
  aev: 'EW',
  ia: 'IA',
  ea: 'IA',
  ie: 'IA',
  iea: 'IA',
  ua: 'UA',
  uo: 'UA',
  oua: 'UA',
  uea: 'UA',
  oi: 'OI',
  oy: 'OI',
  ui: 'UI',
  uy: 'UI',
};
/** Vowel classes that one script's spelling makes of the other's (Thain = Thein, Sophea = โสภา). */
const NEAR_VOWELS = new Set(['E AI', 'A IA', 'AO O', 'IA E', 'UA U', 'UA O', 'EW E']);

const isVowel = (ch: string | undefined) => ch !== undefined && 'aeiou'.includes(ch);

/**
 * The syllables of one romanised word. Latin spellings borrowed from English are read as heard
 * first: a silent final e (Hline = Hlaing, Mone = Mon, Somphone = Somphon), a final "aye" (Aye, E),
 * a final "awe" (Kyawe = Kyaw, Zawe = Zaw; not after h, where it is Thai: ทเว is tha-we).
 */
export function syllablesOf(word: string): Syllable[] {
  const cached = syllableCache.get(word);
  if (cached) return cached;
  const syllables = readSyllables(word);
  // Words of names are identity data: the cache lives in memory only and is bounded.
  if (syllableCache.size >= SYLLABLE_CACHE_SIZE) syllableCache.clear();
  syllableCache.set(word, syllables);
  return syllables;
}

const syllableCache = new Map<string, Syllable[]>();
const SYLLABLE_CACHE_SIZE = 50_000;

function readSyllables(word: string): Syllable[] {
  // A final -ane is the English spelling of Burmese "ein" on passports (Thane = Thein သိန်း, Sane =
  // Sein, Hane = Hein) and the French spelling of Lao "an" (Phommasane ພົມມະສານ, Bounthane): it
  // is read both ways.
  const eitherAE = /[^aeiou]ane$/u.test(word);
  // Likewise a final -ay: Burmese "e" in English spelling (Htay ဌေး, Lay), Lao and Thai "ai" in
  // French and everyday spelling (Xay ໄຊ, Vilay ວິໄລ, Somchay).
  const eitherEAI = /[^aeiou]ay$/u.test(word);
  const text = word
    // Sanskrit śrī, the first syllable of many Khmer, Lao and Thai names: Khmer ស្រី (Srey, Srei,
    // Sray), Thai ศรี with its silent ร (Si, Sri), Lao ສີ (Si, Sy) are one syllable heard alike.
    .replace(/^sr(?:ey|ei|ay|i)/u, 'si')
    .replace(/aye$/u, 'e')
    .replace(/(?<!h)awe$/u, 'aw')
    .replace(/ine$/u, 'ain')
    .replace(/([ao])ne$/u, '$1n')
    .replace(/([^aeiou])h$/u, '$1');
  const syllables: Syllable[] = [];
  let i = 0;
  while (i < text.length) {
    let initial = '';
    const onset = ONSETS.find(
      ([spelling]) =>
        text.startsWith(spelling, i) && (isVowel(text[i + spelling.length]) || MEDIALS.includes(text[i + spelling.length] ?? '.')),
    );
    if (onset) {
      initial = onset[1];
      i += onset[0].length;
    } else if (!isVowel(text[i]) && SINGLE_INITIALS[text[i]!]) {
      initial = SINGLE_INITIALS[text[i]!]!;
      i++;
    }
    // A medial after the initial (Phyu, Kray, Srey) only colours it: heard in Thai as พยู, ไกร, ศรี.
    // The medial w is heard (Lwin is not Lin, Htwe not Htay) and kept.
    let rounded = false;
    if (initial && initial !== 'Y' && MEDIALS.includes(text[i] ?? '.') && isVowel(text[i + 1])) {
      rounded = text[i] === 'w';
      i++;
    }
    let nucleus = '';
    while (
      i < text.length &&
      (isVowel(text[i]) ||
        ((text[i] === 'y' || text[i] === 'w' || text[i] === 'v') && !isVowel(text[i + 1]) && (nucleus || text[i] === 'y')))
    )
      nucleus += text[i++];
    if (!nucleus && !initial) {
      i++;
      continue;
    }
    // Consonants before the next vowel: the last one (or an onset cluster) opens the next syllable.
    let run = '';
    while (
      i + run.length < text.length &&
      !isVowel(text[i + run.length]) &&
      !(text[i + run.length] === 'y' && !isVowel(text[i + run.length + 1]) && run)
    )
      run += text[i + run.length];
    let coda = run;
    if (i + run.length < text.length) {
      // Inside a word, t before s closes a syllable (Latsavong, Butsaba, Phetsamone): ts opens one
      // only at the start of a word.
      const opening = ONSETS.find(([spelling]) => run.endsWith(spelling) && spelling !== 'ts');
      coda = opening ? run.slice(0, run.length - opening[0].length) : run.slice(0, -1);
    }
    i += coda.length;
    const vowel = nucleus ? (VOWELS[nucleus] ?? VOWELS[nucleus.slice(0, 2)] ?? VOWELS[nucleus[0]!]!) : 'A';
    // An r after the vowel only marks it long (Khmer Morm = Mom, Sophorn; Thai Porn = Phon).
    const closing = coda.replace(/^r(?=.)/u, '');
    const final = !closing || closing === 'r' || closing === 'h' ? '' : NASAL_FINALS.includes(closing[0]!) ? 'N' : 'T';
    const previous = syllables.at(-1);
    if (
      previous &&
      initial === 'Y' &&
      previous.vowel === 'A' &&
      !previous.final &&
      previous.initial &&
      'PMK'.includes(previous.initial) &&
      previous.merged !== false
    ) {
      // Thai spells the Burmese medial y with an unwritten a: พยู (phayu) is Phyu, มยิ้น (mayin) Myint.
      previous.vowel = vowel;
      previous.final = final;
      previous.merged = false;
      continue;
    }
    if (
      previous &&
      syllables.length === 1 &&
      initial === 'W' &&
      !rounded &&
      previous.vowel === 'A' &&
      !previous.final &&
      previous.initial &&
      !previous.rounded
    ) {
      // So does the medial w at the start of a word (ลวิน, tha-we ทเว for Lwin, Htwe) — and a Thai
      // word opening sa-wa is read alike in every script (สวัสดิ์ Sawat). Further in, a before w is
      // a syllable of its own: Thai runs Burmese syllables together (ซันดาวิน, Sandar Win).
      previous.vowel = vowel;
      previous.final = final;
      previous.rounded = true;
      continue;
    }
    syllables.push({ initial, vowel, final, ...(rounded ? { rounded: true as const } : {}) });
  }
  syllables.forEach((syllable, k) => {
    if (syllables[k + 1]?.initial === 'S' || syllables[k + 1]?.initial === 'X') syllable.beforeS = true;
  });
  const last = syllables.at(-1);
  if (eitherAE && last?.vowel === 'A' && last.final === 'N') last.otherVowel = 'E';
  if (eitherEAI && last?.vowel === 'E' && !last.final) last.otherVowel = 'AI';
  return syllables;
}

function syllableSimilarity(a: Syllable, b: Syllable): number {
  const initials = `${a.initial}${b.initial}`;
  // The palatal nasal (J: Burmese ny, Khmer nh) is written ญ (y) or น by ear (เญ่ง, เหนียน for
  // Nyein); y and n themselves only in a closed syllable, where the rest of it says which name it
  // is (Nu and Yu differ).
  const nasalPair =
    ((initials === 'YN' || initials === 'NY') && a.final !== '' && a.final === b.final) || /^J[YN]$|^[YN]J$/u.test(initials);
  if (!a.rounded !== !b.rounded) return 0;
  const initial =
    a.initial === b.initial || initials === 'XS' || initials === 'SX'
      ? 1
      : initials === 'H' || nasalPair || initials === 'XC' || initials === 'CX'
        ? 0.8
        : 0;
  if (initial === 0) return 0;
  let vowel = 0;
  for (const vowelA of vowelsOf(a))
    for (const vowelB of vowelsOf(b))
      vowel = Math.max(
        vowel,
        vowelA === vowelB
          ? 1
          : NEAR_VOWELS.has(`${vowelA} ${vowelB}`) || NEAR_VOWELS.has(`${vowelB} ${vowelA}`) || closedOU(a, b)
            ? 0.8
            : 0,
      );
  if (vowel === 0) return 0;
  // A nasal final heard as a nasalised vowel is sometimes not written, a stop always (Htet = เท็ต, Htay = เท).
  // Only the Burmese -aing is heard without it (Hlaing = หล่าย, Khaing = ข่าย); Htun and Htoo differ.
  // A t before a syllable on s is the Thai linking sibilant, which RTGS spells and everyday
  // spelling drops (ศรีสวัสดิ์ Sitsawat / Sisawat, บุษบา Butsaba / Busaba, Latsavong).
  const linkingT = a.beforeS && b.beforeS && `${a.final}${b.final}` === 'T';
  const final =
    a.final === b.final ? 1 : (a.vowel === 'AI' && b.vowel === 'AI' && a.final !== 'T' && b.final !== 'T') || linkingT ? 0.6 : 0;
  if (final === 0) return 0;
  return 0.4 * initial + 0.4 * vowel + 0.2 * final;
}

const vowelsOf = (syllable: Syllable) => (syllable.otherVowel ? [syllable.vowel, syllable.otherVowel] : [syllable.vowel]);

/**
 * Whether two words of as many syllables, more than one, end in open syllables of other vowels after one initial: the last
 * element of a compound name, changed (Bounmy / Bounma, Wanna / Wanni, Chantha / Chanthy), makes
 * another name however alike the rest is spelt. Vowels one script's spelling makes of the other's
 * (NEAR_VOWELS: Sophea = โสภา, Pisey = พิไส) are the same vowel.
 */
export function endInOtherVowels(a: string, b: string): boolean {
  const lastA = syllablesOf(a);
  const lastB = syllablesOf(b);
  if (lastA.length < 2 || lastA.length !== lastB.length) return false;
  const x = lastA.at(-1)!;
  const y = lastB.at(-1)!;
  // Only the vowel changed: a typing error moves letters across syllables (Somcahi for Somchai).
  if (x.final || y.final || x.initial !== y.initial) return false;
  return vowelsOf(x).every((vowelX) =>
    vowelsOf(y).every((vowelY) => vowelX !== vowelY && !NEAR_VOWELS.has(`${vowelX} ${vowelY}`) && !NEAR_VOWELS.has(`${vowelY} ${vowelX}`)),
  );
}

/**
 * Before a final, o and u are spelt for one another across the scripts: Khmer សុខ Sok is สุข in
 * Thai, មុំ Mom is mum by the letter, Burmese မွန် is Mon or Mun. Open, they are other names (Soe, Su).
 */
const closedOU = (a: Syllable, b: Syllable) => a.final !== '' && a.final === b.final && /^(?:OU|UO)$/u.test(`${a.vowel}${b.vowel}`);

/** A syllable pair below this is not the same syllable heard twice. */
const MIN_SYLLABLE_SIMILARITY = 0.85;

/**
 * How much of two names sounds the same, syllable by syllable and in any order (words are
 * reordered and split at will): 1 when every syllable of both has an identical counterpart. The
 * fuller side counts most, as in compareNames, so a name with a syllable left out still matches.
 */
export function syllableSimilarityOf(left: readonly string[], right: readonly string[]): { similarity: number; monosyllabic: boolean } {
  const leftWords = left.map(syllablesOf);
  const rightWords = right.map(syllablesOf);
  const monosyllabic = [...leftWords, ...rightWords].every((syllables) => syllables.length === 1);
  const a = leftWords.flatMap((syllables, word) => syllables.map((syllable) => ({ syllable, word, text: left[word]! })));
  const total = rightWords.flat().length;
  if (!a.length || !total) return { similarity: 0, monosyllabic };
  // Syllables keep their order inside a word, words come in any order (stored keys are sorted).
  let best = 0;
  for (const order of orders(rightWords.length)) {
    const b = order.flatMap((word) => rightWords[word]!.map((syllable) => ({ syllable, word, text: right[word]! })));
    const { covered, partial } = aligned(a, b);
    const coverageA = covered / a.length;
    const coverageB = covered / b.length;
    // A word matched in part (San for Sanda) is not a word left out: both sides count alike.
    const fuller = partial ? 0.6 : 0.85;
    best = Math.max(best, fuller * Math.max(coverageA, coverageB) + (1 - fuller) * Math.min(coverageA, coverageB));
  }
  return { similarity: best, monosyllabic };
}

type Placed = { syllable: Syllable; word: number; text: string };

/** Whether two spellings are one typed letter apart (Nioa for Nipa): a typing error, not a compound. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const tail = (x: string, y: string) =>
    x.slice(i + 1) === y.slice(i + 1) || x.slice(i + 1) === y.slice(i) || x.slice(i) === y.slice(i + 1);
  return tail(a, b);
}

/**
 * The best in-order pairing of two syllable sequences: the summed similarity of the pairs, and
 * whether some word has syllables both paired and left over.
 */
function aligned(a: readonly Placed[], b: readonly Placed[]): { covered: number; partial: boolean } {
  const score = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const similarity = syllableSimilarity(a[i - 1]!.syllable, b[j - 1]!.syllable);
      score[i]![j] = Math.max(
        score[i - 1]![j]!,
        score[i]![j - 1]!,
        similarity >= MIN_SYLLABLE_SIMILARITY ? score[i - 1]![j - 1]! + similarity : 0,
      );
    }
  }
  /** Each paired syllable's partner on the other side, and how alike the two are. */
  const partnerA = new Map<number, number>();
  const partnerB = new Map<number, number>();
  const pairSimilarity = new Map<number, number>();
  for (let i = a.length, j = b.length; i > 0 && j > 0; ) {
    if (score[i]![j] === score[i - 1]![j]) i--;
    else if (score[i]![j] === score[i]![j - 1]) j--;
    else {
      partnerA.set(i - 1, j - 1);
      partnerB.set(j - 1, i - 1);
      pairSimilarity.set(i - 1, score[i]![j]! - score[i - 1]![j - 1]!);
      i--;
      j--;
    }
  }
  // A word is matched in part when some of its syllables are left over and the rest met one word
  // of the other name. When they met several, the word is a run of words written together — as
  // Thai writes a Burmese name by ear (หนิ่นหนิ่นเว) — and a word left out of it counts as one
  // left out of separate words (Nhin Wai for Hnin Hnin Wai).
  //
  // A word met in part at one end only — its first syllables, or its last — is another name: names
  // of the region are compounds, and one element more makes another (Vilai / Vilaivan, Souda /
  // Soudavanh, Sivong / Sivongxay); its syllables count as not met. A syllable missing inside a word
  // is a linking syllable spelt or not (Phetrat / Phetcharat, เพชรรัตน์) and the word still counts.
  let covered = score[a.length]![b.length]!;
  const partialIn = (placed: readonly Placed[], partner: Map<number, number>, other: readonly Placed[], sideA: boolean) => {
    const words = new Map<number, { text: string; syllables: number[]; partners: Map<number, string> }>();
    placed.forEach(({ word, text }, k) => {
      const state = words.get(word) ?? { text, syllables: [], partners: new Map<number, string>() };
      state.syllables.push(k);
      const match = partner.get(k);
      if (match !== undefined) state.partners.set(other[match]!.word, other[match]!.text);
      words.set(word, state);
    });
    let partial = false;
    for (const { text, syllables, partners } of words.values()) {
      const met = syllables.map((k) => partner.has(k));
      if (!met.includes(true) || !met.includes(false) || partners.size !== 1) continue;
      partial = true;
      const first = met.indexOf(true);
      const last = met.lastIndexOf(true);
      const oneEnd = (first === 0 || last === met.length - 1) && met.slice(first, last + 1).every(Boolean);
      if (!oneEnd || oneEditApart(text, [...partners.values()][0]!)) continue;
      for (const k of syllables) {
        const match = partner.get(k);
        if (match === undefined) continue;
        covered -= pairSimilarity.get(sideA ? k : match)!;
        partner.delete(k);
        (sideA ? partnerB : partnerA).delete(match);
      }
    }
    return partial;
  };
  const partial = partialIn(a, partnerA, b, true) || partialIn(b, partnerB, a, false);
  return { covered, partial };
}

/** The most words whose orders are tried; longer names keep the order given. */
const MAX_WORDS_PERMUTED = 3;

function orders(count: number): number[][] {
  const identity = Array.from({ length: count }, (_, k) => k);
  if (count > MAX_WORDS_PERMUTED) return [identity];
  const result: number[][] = [];
  const permute = (prefix: number[], rest: number[]) => {
    if (!rest.length) result.push(prefix);
    rest.forEach((k, at) => {
      permute([...prefix, k], [...rest.slice(0, at), ...rest.slice(at + 1)]);
    });
  };
  permute([], identity);
  return result;
}

/**
 * The syllable keys of a stored name, for finding it by sound (person_names.syllable_keys, a GIN
 * index): each pair of neighbouring syllables, in either order, as "initial+vowel" codes — a Thai
 * officer's one run of syllables and an NGO's separate words share their pairs, where they share
 * too few letter trigrams. Words come in any order, so the last syllable of each word is paired
 * with the first of every other word both ways (Somchai Jaidee and สมชายใจดี, Jaidee Somchai all
 * hold chai·chai and so·di). Pairs, not single syllables: one syllable (Aung, Su, Sok) is in a
 * large share of names, a pair in few. A name of one syllable (Htwe) is its syllable. The final is
 * left out (Hlaing = หล่าย, Thein = เต็ง): scoring, not retrieval, weighs it. Keys are identity
 * data, like the name they come from.
 */
export function syllableKeysOf(tokens: readonly string[]): string[] {
  return pairsOf(
    tokens.map((token) =>
      syllablesOf(token).map((syllable) =>
        // Lao x is kept as the s it is and the Thai ช it stands for, so that either spelling meets it.
        (syllable.initial === 'X' ? ['S', 'C'] : [syllable.initial]).flatMap((initial) =>
          vowelsOf(syllable).map((vowel) => codeOf(initial, vowel)),
        ),
      ),
    ),
  );
}

/**
 * The keys a query looks for: its own syllable pairs with each syllable also as it may be heard
 * in the other script — a near vowel (NEAR_VOWELS: Thain = Thein, Sophea = โสภา; o and u before a final) or a palatal
 * nasal written y or n (ญ, ny, nh) — so that one lookup meets every spelling syllableSimilarity
 * accepts as the same sound.
 */
export function syllableProbesOf(tokens: readonly string[]): string[] {
  const heardAs = (syllable: Syllable) => {
    const initials = PALATAL_HEARD_AS[syllable.initial] ?? [syllable.initial];
    const vowels = vowelsOf(syllable).flatMap((own) => [
      own,
      ...NEAR_VOWEL_LIST.filter(([a]) => a === own).map(([, b]) => b),
      ...(syllable.final && own === 'O' ? ['U'] : syllable.final && own === 'U' ? ['O'] : []),
    ]);
    return initials.flatMap((initial) => vowels.map((vowel) => codeOf(initial, vowel)));
  };
  return pairsOf(tokens.map((token) => syllablesOf(token).map(heardAs)));
}

/** The palatal nasal and the two letters it is written with by ear (syllableSimilarity's nasal pair). */
const PALATAL_HEARD_AS: Record<string, string[]> = {
  J: ['J', 'Y', 'N'],
  Y: ['Y', 'J', 'N'],
  N: ['N', 'J', 'Y'],
  // Lao x is s, and what Thai writes ช (syllableSimilarity): stored as both (syllableKeysOf).
  X: ['S', 'C'],
};

const NEAR_VOWEL_LIST: [string, string][] = [...NEAR_VOWELS].flatMap((pair) => {
  const [a, b] = pair.split(' ') as [string, string];
  return [
    [a, b],
    [b, a],
  ];
});

const codeOf = (initial: string, vowel: string) => `${initial || '_'}${vowel}`;

/**
 * The sorted unordered pairs of neighbouring syllables — inside each word, and from each word's
 * last syllable to every other word's first — each syllable given as its possible codes; a name
 * of one syllable is its codes.
 */
function pairsOf(words: readonly (readonly string[][])[]): string[] {
  const spoken = words.filter((syllables) => syllables.length > 0);
  if (spoken.length === 1 && spoken[0]!.length === 1) return [...new Set(spoken[0]![0])].sort();
  const keys = new Set<string>();
  const pair = (lefts: readonly string[], rights: readonly string[]) => {
    for (const left of lefts) for (const right of rights) keys.add(left < right ? `${left}.${right}` : `${right}.${left}`);
  };
  for (const syllables of spoken) for (let k = 1; k < syllables.length; k++) pair(syllables[k - 1]!, syllables[k]!);
  for (const left of spoken) for (const right of spoken) if (left !== right) pair(left.at(-1)!, right[0]!);
  return [...keys].sort();
}
