import { phoneticOf, soundShapeOf, WEAK_TOKENS } from './nameKeys.js';
import { endInOtherVowels, syllableSimilarityOf } from './syllableSounds.js';

/**
 * Word-level comparison of two romanised names. Comparing whole strings punishes exactly the
 * differences that say nothing about identity — a missing family name, a Vietnamese middle
 * name given or not, Burmese syllables written apart ("Thi Da") or together ("Thida"), Chinese
 * given names in one word or two — so the words are aligned one to one (or one to two joined),
 * each pair scored by spelling and by phonetic skeleton, and the result is how much of each
 * name the alignment covers.
 */
export type NameComparison = {
  /** 0..1: 1 when every word of both names has an identical counterpart. */
  similarity: number;
  /** Whether matched words appear in a different order (only meaningful for written order). */
  orderDiffers: boolean;
  /** Words of weight (not WEAK_TOKENS) that one name has and the other lacks. */
  missingWords: number;
};

type Item = { tokens: number[]; text: string; phonetic: string; shape: string };

/** A word pair below this similarity is not a match at all (Somchai / Somsak). */
const MIN_WORD_SIMILARITY = 0.6;
/** Concatenations are considered only for names of a few words: the pairs grow quadratically. */
const MAX_WORDS_FOR_JOINING = 6;

/** A name's words and joined word pairs with their skeletons, computed once per distinct name. */
export type PreparedName = { tokens: readonly string[]; items: Item[] };

const prepared = new Map<string, PreparedName>();
const PREPARED_CACHE_SIZE = 20_000;

export function prepareName(tokens: readonly string[]): PreparedName {
  const key = tokens.join(' ');
  const cached = prepared.get(key);
  if (cached) return cached;
  const items: Item[] = tokens.map((text, index) => ({ tokens: [index], text, phonetic: phoneticOf(text), shape: soundShapeOf(text) }));
  if (tokens.length <= MAX_WORDS_FOR_JOINING) {
    for (let a = 0; a < tokens.length; a++) {
      for (let b = 0; b < tokens.length; b++) {
        if (a === b) continue;
        const text = tokens[a]! + tokens[b]!;
        items.push({ tokens: [a, b], text, phonetic: phoneticOf(text), shape: soundShapeOf(text) });
      }
    }
  }
  const result = { tokens, items };
  // Keys are identity data: the cache lives in memory only and is bounded.
  if (prepared.size >= PREPARED_CACHE_SIZE) prepared.clear();
  prepared.set(key, result);
  return result;
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions: Somcahi). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
    }
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Similarity of two words. Spelling: 1 − edit distance / length. Sound: the same consonants
 * and vowel classes (soundShapeOf: Soo/Su, Keo/Kaev, Thida/Thita) is strong evidence; the same
 * skeleton with other vowels is weaker, the shorter the skeleton (Pen/Phan, Chhun/Chann are
 * different names); a skeleton one edit away still counts a little for long words.
 */
export function wordSimilarity(
  a: string,
  b: string,
  soundA = { phonetic: phoneticOf(a), shape: soundShapeOf(a) },
  soundB = { phonetic: phoneticOf(b), shape: soundShapeOf(b) },
  /** For a word compared with two joined words: only the same vowels too count as the same sound. */
  joined = false,
): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  const { phonetic: phoneticA, shape: shapeA } = soundA;
  const { phonetic: phoneticB, shape: shapeB } = soundB;
  let sound = 0;
  if (shapeA === shapeB) sound = phoneticA.length >= 2 ? 0.92 : 0.9;
  else if (phoneticA === phoneticB && !joined) sound = phoneticA.length >= 3 ? 0.85 : phoneticA.length === 2 ? 0.78 : 0.7;
  else if (
    !joined &&
    Math.min(phoneticA.length, phoneticB.length) >= 3 &&
    Math.abs(phoneticA.length - phoneticB.length) <= 1 &&
    editDistance(phoneticA, phoneticB) === 1
  ) {
    sound = 0.72;
  }
  let similarity = sound;
  // The edit distance is at least the difference in length: skip it when it cannot matter.
  if (1 - Math.abs(a.length - b.length) / longest > Math.max(sound, MIN_WORD_SIMILARITY - 0.01))
    similarity = Math.max(1 - editDistance(a, b) / longest, sound);
  if (sameLetters(a, b)) return similarity;
  if (similarity > OTHER_LAST_ELEMENT && endInOtherVowels(a, b)) return OTHER_LAST_ELEMENT;
  return similarity;
}

/**
 * The same letters in another order or one typed twice: letters swapped or doubled in typing
 * (Sotheray for Sotheary, Khaaing for Khaing), not another name.
 */
const sameLetters = (a: string, b: string) => {
  const single = (word: string) => word.replace(/(.)\1+/gu, '$1');
  return single(a) === single(b) || (a.length === b.length && [...a].sort().join('') === [...b].sort().join(''));
};

/** The most two words are alike that end in open syllables of other vowels (endInOtherVowels: Bounmy / Bounma). */
const OTHER_LAST_ELEMENT = 0.7;

const MONOSYLLABLE_SPELLING_DISCOUNT = 0.03;

const weightOf = (token: string) => (WEAK_TOKENS.has(token) ? 0.35 : 1);

export function compareNames(leftName: readonly string[] | PreparedName, rightName: readonly string[] | PreparedName): NameComparison {
  const { tokens: left, items: leftItems } = 'items' in leftName ? leftName : prepareName(leftName);
  const { tokens: right, items: rightItems } = 'items' in rightName ? rightName : prepareName(rightName);
  if (left.length === 0 || right.length === 0)
    return { similarity: 0, orderDiffers: false, missingWords: Math.max(left.length, right.length) };
  const pairs: { l: Item; r: Item; similarity: number }[] = [];
  for (const l of leftItems) {
    for (const r of rightItems) {
      // Joined words are compared with single words only: "thi da" ↔ "thida".
      if (l.tokens.length > 1 && r.tokens.length > 1) continue;
      const similarity = wordSimilarity(l.text, r.text, l, r, l.tokens.length > 1 || r.tokens.length > 1);
      if (similarity >= MIN_WORD_SIMILARITY) pairs.push({ l, r, similarity });
    }
  }
  // Greedy by similarity (ties: single words first), which is optimal often enough for names of
  // a few words and keeps this linear in the number of pairs.
  pairs.sort((x, y) => y.similarity - x.similarity || x.l.tokens.length + x.r.tokens.length - (y.l.tokens.length + y.r.tokens.length));
  const leftScore = new Array<number>(left.length).fill(0);
  const rightScore = new Array<number>(right.length).fill(0);
  const leftUsed = new Set<number>();
  const rightUsed = new Set<number>();
  const matches: [number, number][] = [];
  for (const { l, r, similarity } of pairs) {
    if (l.tokens.some((t) => leftUsed.has(t)) || r.tokens.some((t) => rightUsed.has(t))) continue;
    for (const t of l.tokens) {
      leftUsed.add(t);
      leftScore[t] = similarity;
    }
    for (const t of r.tokens) {
      rightUsed.add(t);
      rightScore[t] = similarity;
    }
    matches.push([l.tokens[0]!, r.tokens[0]!]);
  }
  const coverage = (tokens: readonly string[], scores: number[]) => {
    let total = 0;
    let covered = 0;
    tokens.forEach((token, index) => {
      // A weak word counts little when left out (a record has it or not), fully when it met
      // another word that is not quite it (Maung / Naung).
      const weight = scores[index]! > 0 && scores[index]! < 1 ? 1 : weightOf(token);
      total += weight;
      covered += weight * scores[index]!;
    });
    return covered / total;
  };
  const leftCoverage = coverage(left, leftScore);
  const rightCoverage = coverage(right, rightScore);
  // The fuller coverage counts most: a name with a part missing ("Somchai" for "Somchai Jaidee")
  // is still a strong match for what it does say, but not as strong as the whole name.
  const bySpelling = 0.85 * Math.max(leftCoverage, rightCoverage) + 0.15 * Math.min(leftCoverage, rightCoverage);
  // A name written by ear in another script shares its sounds, not its words. In names of one
  // syllable a word (Burmese, Vietnamese) a letter more or less is as often another name (Htun /
  // Htoo, Kyaw / Kyi) as a typing error, so spelling alone counts a little less there.
  const bySound = syllableSimilarityOf(left, right);
  const similarity = Math.max(bySound.similarity, bySound.monosyllabic ? bySpelling - MONOSYLLABLE_SPELLING_DISCOUNT : bySpelling);
  matches.sort((x, y) => x[0] - y[0]);
  let orderDiffers = false;
  for (let k = 1; k < matches.length; k++) if (matches[k]![1] < matches[k - 1]![1]) orderDiffers = true;
  const missingWords =
    left.filter((token, index) => !leftUsed.has(index) && !WEAK_TOKENS.has(token)).length +
    right.filter((token, index) => !rightUsed.has(index) && !WEAK_TOKENS.has(token)).length;
  return { similarity, orderDiffers, missingWords };
}
