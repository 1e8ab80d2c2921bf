import type { MatchReason, NameScript } from '@seamless/contracts';
import { nameTokensOf, WEAK_TOKENS } from './nameKeys.js';
import { compareNames } from './nameSimilarity.js';
import { dominantScript, romanise } from './romanise.js';
import { syllablesOf } from './syllableSounds.js';

/** At or above this, two names in different scripts are heard as the same (a shortened name still is). */
const SOUNDS_SAME = 0.88;

/** Whether every word of `inner` is among the words of `outer`, each used once. */
function holdsEveryWord(outer: readonly string[], inner: readonly string[]): boolean {
  const left = [...outer];
  return inner.every((word) => {
    const at = left.indexOf(word);
    if (at !== -1) left.splice(at, 1);
    return at !== -1;
  });
}

function scriptOfName(name: string): NameScript {
  const script = dominantScript(name);
  if (script !== 'other') return script;
  return /\p{Script=Latin}/u.test(name) ? 'latin' : 'other';
}

/** Whether a title or honorific was set aside from the name as written (นาย, Daw, Ma, Mg …). */
function hasHonorific(name: string): boolean {
  const written = romanise(name.normalize('NFC'))
    .replace(/['’`ʼ]/gu, '')
    .split(/[^a-z]+/u)
    .filter(Boolean);
  return written.length > nameTokensOf(name).length;
}

/**
 * The parts each name has, not counting weak words (Thị, Văn). Scripts that do not write spaces
 * run a Burmese name together (หนิ่นหนิ่นเว for Hnin Hnin Wai): where the other name's parts are
 * each one syllable, parts are counted as syllables on both sides, so a name run together is not
 * taken for a one-part name.
 */
function partCounts(left: readonly string[], right: readonly string[]): [number, number] {
  const strong = (tokens: readonly string[]) => tokens.filter((token) => !WEAK_TOKENS.has(token));
  const [l, r] = [strong(left), strong(right)];
  const longer = l.length >= r.length ? l : r;
  const bySyllable = longer.length > 1 && longer.every((token) => syllablesOf(token).length === 1);
  if (!bySyllable) return [l.length, r.length];
  const syllables = (tokens: readonly string[]) => tokens.reduce((sum, token) => sum + Math.max(1, syllablesOf(token).length), 0);
  return [syllables(l), syllables(r)];
}

/**
 * How two names meet, in reasons a worker can read instead of a similarity percentage: the same
 * name, another spelling, the same sounds written in two scripts (and which), another order, a
 * shortened or one-part name, an honorific set aside. Judged on the names as written (the keys are
 * sorted and cannot tell order). Returns codes only: nothing of the names themselves.
 */
export function nameReasonsOf(query: string, candidate: string, candidateKind: 'primary' | 'written' | 'alias'): MatchReason[] {
  const queryTokens = nameTokensOf(query);
  const candidateTokens = nameTokensOf(candidate);
  const comparison = compareNames(queryTokens, candidateTokens);
  const queryScript = scriptOfName(query);
  const candidateScript = scriptOfName(candidate);
  const reasons: MatchReason[] = [];
  if (queryScript !== candidateScript) {
    reasons.push({ code: comparison.similarity >= SOUNDS_SAME ? 'name_sounds_same' : 'name_sounds_similar', queryScript, candidateScript });
  } else {
    // A shortened name is still the same name, as far as it goes; the shortening is its own reason.
    const [fewer, more] = queryTokens.length <= candidateTokens.length ? [queryTokens, candidateTokens] : [candidateTokens, queryTokens];
    reasons.push({ code: holdsEveryWord(more, fewer) ? 'name_same' : 'name_similar_spelling' });
  }
  if (comparison.orderDiffers) reasons.push({ code: 'name_order_differs' });
  const [queryParts, candidateParts] = partCounts(queryTokens, candidateTokens);
  const fewer = Math.min(queryParts, candidateParts);
  const more = Math.max(queryParts, candidateParts);
  if (fewer === 1) reasons.push({ code: 'name_one_part' });
  else if (fewer < more) reasons.push({ code: 'name_shortened', parts: fewer, of: more });
  if (hasHonorific(query) || hasHonorific(candidate)) reasons.push({ code: 'name_honorific_set_aside' });
  if (candidateKind === 'alias') reasons.push({ code: 'alias_matches' });
  return reasons;
}

/**
 * The reasons a person's names give for meeting the query: those of the name that meets it best,
 * and of equally good names the one written in the query's own script (Wilawan Thongchai, not
 * วิลาวัลย์ ทองชัย, explains a search in Latin letters), a name of hers before an alias.
 */
export function reasonsOfBestName(query: string, names: readonly { name: string; kind: 'primary' | 'written' | 'alias' }[]): MatchReason[] {
  const queryTokens = nameTokensOf(query);
  const queryScript = scriptOfName(query);
  const ranked = names
    .map((name) => ({
      ...name,
      similarity: compareNames(queryTokens, nameTokensOf(name.name)).similarity,
      sameScript: scriptOfName(name.name) === queryScript,
    }))
    .sort(
      (a, b) =>
        b.similarity - a.similarity ||
        Number(b.sameScript) - Number(a.sameScript) ||
        Number(a.kind === 'alias') - Number(b.kind === 'alias'),
    );
  const best = ranked[0];
  return best ? nameReasonsOf(query, best.name, best.kind) : [];
}
