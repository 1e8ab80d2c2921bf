import { editDistance } from '../../matching/nameSimilarity.js';
import { matchKey } from './matchKey.js';

/**
 * How firmly a written form names a value. A stronger form wins over a weaker one with the same
 * key (a value name over someone's label); two values behind one key of the same strength make
 * that key ambiguous.
 */
export const MATCH_STRENGTHS = { name: 0, label: 1, variant: 2 } as const;
export type MatchStrength = (typeof MATCH_STRENGTHS)[keyof typeof MATCH_STRENGTHS];

/**
 * How similar a written form must be for its value to be suggested. At 0.5 short words drew
 * chance resemblances ('cmn' → Oman, 'Forced' → Korea); a typo in a long name stays far above.
 */
const MIN_SUGGESTION_SIMILARITY = 0.6;
/** Forms this short can be a typo apart without sharing a trigram. */
const SHORT_FORM = 8;

export type TableMatch = { value: string; ambiguous: boolean };

type Entry = { value: string; strength: MatchStrength; ambiguous: boolean };
type Candidate = { key: string; value: string; trigrams: ReadonlySet<string> };

/** The written forms (names, codes, labels in our languages) that name each value of one column. */
export class MatchTable {
  readonly #entries = new Map<string, Entry>();
  readonly #candidates = new Map<string, Candidate>();
  readonly #byTrigram = new Map<string, Candidate[]>();

  /** `suggestible` false for codes: 'tsa' resembling a language code is no hint of that language. */
  add(written: string, value: string, strength: MatchStrength, suggestible = true): void {
    const key = matchKey(written);
    if (!key) return;
    const entry = this.#entries.get(key);
    if (!entry || strength < entry.strength) this.#entries.set(key, { value, strength, ambiguous: false });
    else if (strength === entry.strength && entry.value !== value) entry.ambiguous = true;
    if (suggestible && !this.#candidates.has(key)) {
      const candidate = { key, value, trigrams: trigramsOf(key) };
      this.#candidates.set(key, candidate);
      for (const trigram of candidate.trigrams) {
        const holders = this.#byTrigram.get(trigram);
        if (holders) holders.push(candidate);
        else this.#byTrigram.set(trigram, [candidate]);
      }
    }
  }

  /** The value a key names; an ambiguous key reports the value it was first given. */
  find(key: string): TableMatch | undefined {
    const entry = this.#entries.get(key);
    return entry && { value: entry.value, ambiguous: entry.ambiguous };
  }

  /**
   * The value whose written form is most like the key: by edit distance (typos: 'Exploitaton')
   * or by shared trigrams (words in another order: 'Exploitation sexual'), whichever is closer.
   */
  closest(key: string): string | undefined {
    const trigrams = trigramsOf(key);
    const shared = new Map<Candidate, number>();
    for (const trigram of trigrams) {
      for (const candidate of this.#byTrigram.get(trigram) ?? []) shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
    }
    let best: { value: string; similarity: number } | undefined;
    for (const candidate of this.#candidates.values()) {
      const common = shared.get(candidate) ?? 0;
      const longer = Math.max(key.length, candidate.key.length);
      const lengthsAllow = Math.min(key.length, candidate.key.length) >= MIN_SUGGESTION_SIMILARITY * longer;
      // Edit distance, the costly measure, only where it can reach the threshold: long forms
      // that close share a trigram; short ones ('Thia', 'Thai') need not.
      const spelling = lengthsAllow && (common > 0 || longer <= SHORT_FORM) ? 1 - editDistance(key, candidate.key) / longer : 0;
      const similarity = Math.max(spelling, common ? (2 * common) / (trigrams.size + candidate.trigrams.size) : 0);
      if (similarity >= MIN_SUGGESTION_SIMILARITY && similarity > (best?.similarity ?? 0)) best = { value: candidate.value, similarity };
    }
    return best?.value;
  }
}

function trigramsOf(key: string): ReadonlySet<string> {
  const characters = [...key];
  const trigrams = new Set<string>();
  for (let index = 0; index + 3 <= characters.length; index++) trigrams.add(characters.slice(index, index + 3).join(''));
  return trigrams;
}
