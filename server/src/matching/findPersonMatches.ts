import type { Gender, MatchReason, PersonMatchCandidate, PersonMatchQuery } from '@seamless/contracts';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { personIdentityValue, placeOf } from '../db/cipherPlace.js';
import { rowsOf, type Tx } from '../db/client.js';
import { cases, personContacts, personDocuments, personNames, persons } from '../db/schema/index.js';
import { normaliseDocumentNumber, normalisePhone } from './indexPersonNames.js';
import { type NameKeys, nameKeysOf, nameTokensOf } from './nameKeys.js';
import { reasonsOfBestName } from './nameReasons.js';
import { compareNames, type PreparedName, prepareName } from './nameSimilarity.js';
import { syllableProbesOf } from './syllableSounds.js';

export type FindPersonMatchesOptions = {
  /** Most candidates returned (default 10). */
  limit?: number;
  /** Lowest score returned (default DEFAULT_MATCH_THRESHOLD). */
  threshold?: number;
  /** Country whose numbering plan applies to phone numbers without a country code (default TH). */
  defaultCountry?: string;
  /** Name rows fetched per way in (search key, phonetic key, syllable keys) before scoring (default 200). */
  candidatePool?: number;
  /**
   * Candidates by name are the persons holding one of these exact search keys, not those with
   * similar names: an import links without anyone judging, so only the same name (with the same
   * birth date) or a shared document or phone may link — and the trigram search, tens of
   * milliseconds on a large register, would be paid for every row.
   */
  exactNameKeys?: readonly string[];
};

/**
 * Trigram similarity at which a stored name is fetched for scoring, per key. Measured on the
 * synthetic set: the search key at 0.3 fetches the original of 97.7 % of planted duplicates
 * (about 110 names per query); the phonetic key at 0.5 raises that to 98.8 % for a few more
 * (with spaced keys the phonetic search at 0.3 fetched three times as many names for 0.7 % more).
 * Scoring, not this, decides what is shown.
 */
const SEARCH_KEY_THRESHOLD = 0.3;
const PHONETIC_KEY_THRESHOLD = 0.5;

/**
 * Evidence weights, in (roughly) natural-log likelihood ratios of "same person" versus "two
 * people" — the Fellegi–Sunter model of record linkage. They add up; the sum minus PRIOR is
 * turned into a likelihood by CALIBRATION. The name curve, the estimated-year weights and PRIOR
 * were tuned for ranking on the labelled synthetic set (seed 20260315) and checked on one generated
 * with another seed (777): recall 0.96, precision 0.94 at a sum of PRIOR on both.
 */
const WEIGHTS = {
  /** Name similarity → weight, interpolated between these points. */
  name: [
    [0.5, -6],
    [0.6, -3.5],
    [0.7, -0.5],
    [0.8, 2],
    [0.85, 3.5],
    [0.9, 5.5],
    [0.95, 6.3],
    [1, 7],
  ] as [number, number][],
  /** Birth years, both exact: the same year, 1, 2, 3–5, more apart. */
  birthYearExact: [2.5, -1, -2.5, -4.5, -8],
  /** Birth years when either is only an estimate (an age, "about 1995"): one year either way is agreement. */
  birthYearEstimated: [1.8, 1.8, -0.5, -3, -7],
  birthDateSame: 1.5,
  birthDateDiffers: -3,
  citizenshipSame: 0.8,
  citizenshipDiffers: -2.5,
  genderDiffers: -3,
  /** A shared identity document is decisive on its own; a shared phone nearly so (families share phones). */
  sameDocument: 16,
  samePhone: 6,
};
const PRIOR = 7.5;

/**
 * Platt scaling: the likelihood shown is the logistic of slope × (sum − PRIOR) + intercept, fitted
 * by maximum likelihood (calibration.ts, the match-calibration bench) on every candidate scored for
 * the synthetic set's evaluation queries (10,000 persons, seed 20260315), labelled by the planted
 * pairs. The sum ranks candidates well, but its weights were tuned for recall and precision, which
 * set aside namesakes no one could tell apart; counted as the different people they are, the plain
 * logistic was too sure (0.87 where 61 % were the same person). A query giving nothing but a name
 * (and gender) is fitted apart: nothing confirms or contradicts the name, so the same sum means
 * something else. Expected calibration error before → after: 0.174 → 0.022 with other fields,
 * 0.116 → 0.016 name only (checked on the cross-script set by the bench).
 */
const CALIBRATION = {
  corroborated: { slope: 1.617, intercept: -2.489 },
  nameOnly: { slope: 1.49, intercept: -0.48 },
} as const;
/** Whether the query gave only a name (and gender), or also a birth date or year, citizenship, document or phone. */
export type QueryShape = keyof typeof CALIBRATION;

/** The calibrated likelihood of an evidence sum `margin` above PRIOR. */
export function likelihoodOfEvidence(margin: number, shape: QueryShape): number {
  const { slope, intercept } = CALIBRATION[shape];
  return 1 / (1 + Math.exp(-(slope * margin + intercept)));
}

/** The evidence margin above PRIOR whose likelihood is `likelihood`: likelihoodOfEvidence turned round. */
function marginOfLikelihood(likelihood: number, shape: QueryShape): number {
  const { slope, intercept } = CALIBRATION[shape];
  const p = Math.min(Math.max(likelihood, 1e-6), 1 - 1e-6);
  return (Math.log(p / (1 - p)) - intercept) / slope;
}

const NAME_KIND_ORDER = { primary: 0, written: 1, alias: 2 } as const;

/** A person's names as shown: the primary first, then the names as written in her script, then aliases. */
export const byNameKind = (a: { kind: NameRow['kind'] }, b: { kind: NameRow['kind'] }) => NAME_KIND_ORDER[a.kind] - NAME_KIND_ORDER[b.kind];

const isIdentifierReason = (reason: MatchReason) => reason.code === 'same_document' || reason.code === 'same_phone';

/** The reasons as the panel lists them: a shared document or phone first, then the name's, then the rest. */
export function reasonsInPanelOrder(reasons: readonly MatchReason[], nameReasons: readonly MatchReason[]): MatchReason[] {
  return [...reasons.filter(isIdentifierReason), ...nameReasons, ...reasons.filter((reason) => !isIdentifierReason(reason))];
}

/**
 * Candidates at least this likely are "possible matches" for a worker to judge: the likelihood of
 * an evidence sum a quarter above PRIOR (where the uncalibrated score read 0.5), each candidate
 * shown with the likelihood it really has (about 11 %: a namesake born the same year is as close
 * as a duplicate recorded with a typo). The quarter pays for the syllable keys' wider retrieval,
 * which brings more near namesakes to be scored. Checked on the labelled synthetic set
 * (dedupQuality.test.ts): recall of planted duplicates 0.963 with precision 0.907 (at PRIOR
 * itself 0.980 and 0.894, under the 0.90 required).
 */
export const DEFAULT_MATCH_THRESHOLD = likelihoodOfEvidence(0.25, 'corroborated');
/** The most that birth date, year and citizenship can add: names weaker than this allows are not scored. */
const MOST_OTHER_EVIDENCE = WEIGHTS.birthYearExact[0]! + WEIGHTS.birthDateSame + WEIGHTS.citizenshipSame;

/** What is known about a query and one candidate, for scoring (pure data, no identity values). */
export type MatchEvidence = {
  /** compareNames similarity of the query's name and the candidate's best-matching name. */
  nameSimilarity: number;
  sameDocument: boolean;
  samePhone: boolean;
  /** Birth years on both sides; "estimated" when only a year or an age was given. */
  birthYears: { query: number; queryEstimated: boolean; candidate: number; candidateEstimated: boolean } | null;
  /** Whether exact birth dates agree, when both are known and in the same year. */
  birthDateSame: boolean | null;
  citizenship: 'same' | 'differs' | null;
  genderDiffers: boolean;
  /** The query gave nothing but a name (and gender): its likelihood is calibrated apart. */
  nameOnly: boolean;
};

export const nameWeight = (similarity: number) => interpolate(WEIGHTS.name, similarity);

const isNameOnly = (query: PersonMatchQuery) =>
  !query.birthdate && query.birthYear == null && !query.citizenship && !query.documentNumber && !query.phone;

/** The score (0..1) of a candidate and the reasons other than the name's. Pure: used by the search and its evaluation. */
export function weighEvidence(evidence: MatchEvidence): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  let total = nameWeight(evidence.nameSimilarity);
  if (evidence.sameDocument) {
    total += WEIGHTS.sameDocument;
    reasons.push({ code: 'same_document' });
  }
  if (evidence.samePhone) {
    total += WEIGHTS.samePhone;
    reasons.push({ code: 'same_phone' });
  }
  if (evidence.birthYears) {
    const { query, queryEstimated, candidate, candidateEstimated } = evidence.birthYears;
    const difference = Math.abs(query - candidate);
    const weights = queryEstimated || candidateEstimated ? WEIGHTS.birthYearEstimated : WEIGHTS.birthYearExact;
    total += weights[difference === 0 ? 0 : difference === 1 ? 1 : difference === 2 ? 2 : difference <= 5 ? 3 : 4]!;
    if (difference === 0) reasons.push({ code: 'birth_year_same' });
    else if (difference <= 2) reasons.push({ code: 'birth_year_close', difference });
    else reasons.push({ code: 'birth_year_differs', difference });
  }
  if (evidence.birthDateSame === true) {
    total += WEIGHTS.birthDateSame;
    reasons.push({ code: 'birth_date_same' });
  } else if (evidence.birthDateSame === false) {
    total += WEIGHTS.birthDateDiffers;
  }
  if (evidence.citizenship === 'same') {
    total += WEIGHTS.citizenshipSame;
    reasons.push({ code: 'citizenship_same' });
  } else if (evidence.citizenship === 'differs') {
    total += WEIGHTS.citizenshipDiffers;
    reasons.push({ code: 'citizenship_differs' });
  }
  if (evidence.genderDiffers) {
    total += WEIGHTS.genderDiffers;
    reasons.push({ code: 'gender_differs' });
  }
  return { score: likelihoodOfEvidence(total - PRIOR, evidence.nameOnly ? 'nameOnly' : 'corroborated'), reasons };
}

/**
 * A name alone never reaches DEFAULT_MATCH_THRESHOLD (namesakes are common, so it is not enough to
 * call two records one person). A search that gives nothing but a name asks who bears it: it
 * shows the persons whose names are as close as a variant spelling or another script would be.
 */
export const NAME_ONLY_THRESHOLD = weighEvidence({
  nameSimilarity: 0.9,
  sameDocument: false,
  samePhone: false,
  birthYears: null,
  birthDateSame: null,
  citizenship: null,
  genderDiffers: false,
  nameOnly: true,
}).score;

type NameRow = { id: string; personId: string; kind: 'primary' | 'written' | 'alias'; searchKey: string };
type PersonRow = {
  id: string;
  gender: Gender;
  birthYear: number | null;
  birthYearEstimated: boolean;
  birthDateEnc: string | null;
  citizenship: string[];
  pseudonym: string;
};
type NameMatch = { similarity: number; name: NameRow | null };

function interpolate(points: [number, number][], x: number): number {
  if (x <= points[0]![0]) return points[0]![1];
  for (let k = 1; k < points.length; k++) {
    const [x1, y1] = points[k]!;
    const [x0, y0] = points[k - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return points.at(-1)![1];
}

/** Feminine/Masculine, counting transgender identities with the gender lived; unknown otherwise. */
export function genderGroup(gender: Gender | undefined): 'f' | 'm' | null {
  if (gender === 'Feminine' || gender === 'TransgenderFeminine') return 'f';
  if (gender === 'Masculine' || gender === 'TransgenderMasculine') return 'm';
  return null;
}

/**
 * Names close to the query's keys, through `match_person_name_keys` (which applies the actor's
 * visibility and leaves merged persons out): by trigrams of the search and phonetic keys, each at
 * its threshold, and by shared syllable pairs heard alike (syllableProbesOf) — the way in for a
 * name written by ear in another script. One call, the best `pool` names of each way.
 */
async function keyMatches(tx: Tx, keys: NameKeys, syllableProbes: readonly string[], pool: number): Promise<NameRow[]> {
  const hits = rowsOf<{ person_id: string; name_id: string; kind: NameRow['kind']; search_key: string }>(
    await tx.execute(
      sql`select person_id, name_id, kind, search_key from match_person_name_keys(${keys.searchKey}, ${SEARCH_KEY_THRESHOLD}, ${keys.phoneticKey}, ${PHONETIC_KEY_THRESHOLD}, ${`{${syllableProbes.join(',')}}`}::text[], ${pool})`,
    ),
  );
  const rows = new Map<string, NameRow>();
  for (const hit of hits) rows.set(hit.name_id, { id: hit.name_id, personId: hit.person_id, kind: hit.kind, searchKey: hit.search_key });
  return [...rows.values()];
}

/** Names bearing one of the keys exactly, among the persons the actor may see (row-level security). */
async function exactNameMatches(tx: Tx, searchKeys: readonly string[]): Promise<NameRow[]> {
  if (!searchKeys.length) return [];
  return tx
    .select({ id: personNames.id, personId: personNames.personId, kind: personNames.kind, searchKey: personNames.searchKey })
    .from(personNames)
    .where(inArray(personNames.searchKey, [...searchKeys]));
}

/** The best-matching of a person's names; a primary or written name wins a tie with an alias. */
function bestName(query: PreparedName, names: readonly NameRow[]): NameMatch {
  let best: NameMatch = { similarity: 0, name: null };
  for (const name of names) {
    const { similarity } = compareNames(query, prepareName(name.searchKey.split(' ').filter(Boolean)));
    if (similarity > best.similarity || (similarity === best.similarity && best.name?.kind === 'alias' && name.kind !== 'alias')) {
      best = { similarity, name };
    }
  }
  return best;
}

/**
 * Persons who may be the one described by `query`, best first. Runs inside the caller's
 * `asActor` transaction: the candidate search (`match_person_name_keys`) applies the same visibility
 * rule as row-level security and everything else is read under it, so only persons the actor may
 * see are considered. Merged-away records and `excludePersonId` are left out.
 *
 * Candidates come from the trigram indexes on both name keys, the syllable-key index, and from exact blind-index hits on
 * the document number and phone. Each is scored on its names (word by word, so a missing or
 * reordered part still counts), birth year and date, citizenship, gender, document and phone.
 * Names, keys and numbers are never logged.
 */
export async function findPersonMatches(
  tx: Tx,
  keyRing: KeyRing,
  query: PersonMatchQuery,
  options: FindPersonMatchesOptions = {},
): Promise<PersonMatchCandidate[]> {
  const { limit = 10, defaultCountry = 'TH', candidatePool = 200 } = options;
  const nameOnly = isNameOnly(query);
  const threshold = options.threshold ?? (nameOnly ? NAME_ONLY_THRESHOLD : DEFAULT_MATCH_THRESHOLD);
  const queryTokens = nameTokensOf(query.name);
  const queryName = prepareName(queryTokens);
  const keys = nameKeysOf(query.name);
  const queryYear = query.birthdate ? Number(query.birthdate.slice(0, 4)) : (query.birthYear ?? null);

  // 1. Candidates by name, document and phone. A person is scored on the names the name search
  // (by keys, or exact keys) returned; a name of hers it did not return is further from the query.
  const namesByPerson = new Map<string, NameRow[]>();
  const nameRows = options.exactNameKeys
    ? await exactNameMatches(tx, options.exactNameKeys)
    : keys.searchKey
      ? await keyMatches(tx, keys, syllableProbesOf(queryTokens), candidatePool)
      : [];
  for (const row of nameRows) namesByPerson.set(row.personId, [...(namesByPerson.get(row.personId) ?? []), row]);
  const sameDocument = new Set<string>();
  const samePhone = new Set<string>();
  const documentBidx = query.documentNumber ? keyRing.blindIndex('document', normaliseDocumentNumber(query.documentNumber)) : null;
  if (documentBidx) {
    const rows = await tx
      .select({ personId: personDocuments.personId })
      .from(personDocuments)
      .where(eq(personDocuments.numberBidx, documentBidx));
    for (const row of rows) sameDocument.add(row.personId);
  }
  const phoneBidx = query.phone ? keyRing.blindIndex('phone', normalisePhone(query.phone, defaultCountry)) : null;
  if (phoneBidx) {
    const rows = await tx
      .select({ personId: personContacts.personId })
      .from(personContacts)
      .where(and(eq(personContacts.kind, 'phone'), eq(personContacts.valueBidx, phoneBidx)));
    for (const row of rows) samePhone.add(row.personId);
  }
  if (query.excludePersonId) {
    namesByPerson.delete(query.excludePersonId);
    sameDocument.delete(query.excludePersonId);
    samePhone.delete(query.excludePersonId);
  }
  // Persons found only by document or phone: their names are read to weigh them too.
  const identifierOnly = [...new Set([...sameDocument, ...samePhone])].filter((id) => !namesByPerson.has(id));
  if (identifierOnly.length) {
    const rows = await tx
      .select({ id: personNames.id, personId: personNames.personId, kind: personNames.kind, searchKey: personNames.searchKey })
      .from(personNames)
      .where(inArray(personNames.personId, identifierOnly));
    for (const id of identifierOnly) namesByPerson.set(id, []);
    for (const row of rows) namesByPerson.get(row.personId)!.push(row);
  }

  // 2. Names first: they decide who is worth reading further. A name too unlike the query cannot
  // reach the threshold whatever birth date and citizenship add, unless a document or phone is shared.
  const nameMatches = new Map<string, NameMatch>();
  for (const [personId, names] of namesByPerson) nameMatches.set(personId, bestName(queryName, names));
  const needed = PRIOR + marginOfLikelihood(threshold, nameOnly ? 'nameOnly' : 'corroborated');
  const worthReading = [...nameMatches]
    .filter(
      ([personId, match]) =>
        sameDocument.has(personId) || samePhone.has(personId) || nameWeight(match.similarity) + MOST_OTHER_EVIDENCE >= needed,
    )
    .map(([personId]) => personId);
  if (worthReading.length === 0) return [];

  // 3. The facts that confirm or contradict the name.
  const personRows: PersonRow[] = await tx
    .select({
      id: persons.id,
      gender: persons.gender,
      birthYear: persons.birthYear,
      birthYearEstimated: persons.birthYearEstimated,
      birthDateEnc: persons.birthDateEnc,
      citizenship: persons.citizenship,
      pseudonym: persons.pseudonym,
    })
    .from(persons)
    .where(and(inArray(persons.id, worthReading), isNull(persons.mergedIntoId)));

  const queryGender = genderGroup(query.gender);
  const scored = personRows.map((person) => {
    const { similarity: nameSimilarity, name } = nameMatches.get(person.id)!;
    const sameYear = queryYear !== null && queryYear === person.birthYear;
    const { score, reasons } = weighEvidence({
      nameSimilarity,
      sameDocument: sameDocument.has(person.id),
      samePhone: samePhone.has(person.id),
      birthYears:
        queryYear !== null && person.birthYear !== null
          ? {
              query: queryYear,
              queryEstimated: !query.birthdate,
              candidate: person.birthYear,
              candidateEstimated: person.birthYearEstimated,
            }
          : null,
      birthDateSame:
        sameYear && query.birthdate && person.birthDateEnc && !person.birthYearEstimated
          ? personIdentityValue(keyRing, person, 'birthDateEnc') === query.birthdate
          : null,
      citizenship:
        query.citizenship && person.citizenship.length > 0 ? (person.citizenship.includes(query.citizenship) ? 'same' : 'differs') : null,
      genderDiffers: !!queryGender && !!genderGroup(person.gender) && queryGender !== genderGroup(person.gender),
      nameOnly,
    });
    return { person, score, nameSimilarity, bestNameId: name?.id ?? null, reasons };
  });

  const shown = scored
    .filter((candidate) => candidate.score >= threshold)
    .sort((a, b) => b.score - a.score || b.nameSimilarity - a.nameSimilarity)
    .slice(0, limit);
  if (shown.length === 0) return [];

  // 4. What the caseworker sees of each: every name (decrypted), and the cases she may open.
  const shownIds = shown.map((candidate) => candidate.person.id);
  const allNames = await tx
    .select({ id: personNames.id, personId: personNames.personId, kind: personNames.kind, nameEnc: personNames.nameEnc })
    .from(personNames)
    .where(inArray(personNames.personId, shownIds));
  const caseRows = await tx
    .select({ id: cases.id, reference: cases.reference, status: cases.status, personId: cases.personId })
    .from(cases)
    .where(inArray(cases.personId, shownIds));
  return shown.map(({ person, score, nameSimilarity, bestNameId, reasons }) => {
    const names = allNames
      .filter((row) => row.personId === person.id)
      .sort(byNameKind)
      .map((row) => ({ ...row, name: keyRing.decrypt(row.nameEnc, placeOf(personNames.nameEnc, row.id)) }));
    const nameReasons = bestNameId && nameSimilarity >= 0.5 ? reasonsOfBestName(query.name, names) : [];
    return {
      personId: person.id,
      score: Math.round(score * 1000) / 1000,
      names: [...new Set(names.map((row) => row.name))],
      reasons: reasonsInPanelOrder(reasons, nameReasons),
      pseudonym: person.pseudonym,
      birthYear: person.birthYear,
      citizenship: person.citizenship,
      cases: caseRows.filter((row) => row.personId === person.id).map(({ id, reference, status }) => ({ id, reference, status })),
    };
  });
}
