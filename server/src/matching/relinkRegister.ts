import type { Gender, MatchReason } from '@seamless/contracts';
import { inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { personIdentityValue, placeOf } from '../db/cipherPlace.js';
import { type Db, rowsOf, type Tx } from '../db/client.js';
import { personNames, relinkageCandidates, relinkageRuns } from '../db/schema/index.js';
import { DEFAULT_MATCH_THRESHOLD, genderGroup, type MatchEvidence, reasonsInPanelOrder, weighEvidence } from './findPersonMatches.js';
import { NAME_KEYS_VERSION } from './nameKeys.js';
import { reasonsOfBestName } from './nameReasons.js';
import { compareNames, type PreparedName, prepareName } from './nameSimilarity.js';

/**
 * Blocking: two records are compared only when they share a key — the same phonetic skeleton, a
 * syllable key (two neighbouring syllables heard alike, the way in across scripts), a
 * blind-indexed document number or phone. A key shared by more than this many persons says
 * little (a common syllable pair, a placeholder number typed for "none") and would make its block
 * quadratic, so it is not used to block; its persons still meet through their other keys.
 */
export const MAX_BLOCK = 200;

type BlockedPair = { low: string; high: string; sameDocument: boolean; samePhone: boolean };

/**
 * The candidate pairs of the whole register in one statement, run by the schema owner: every
 * blocking key of every live (unmerged) person, the keys too common to block on set aside, each
 * block's members paired by their positions in it, without a join. Pairs an owner already decided are left out: a "not the same
 * person" is remembered, whatever the rules say later.
 */
export function blockedPairsStatement(maxBlock = MAX_BLOCK) {
  return sql`
    with keyed as (
      select n.person_id, 'p' as rule, n.phonetic_key as k from person_names n
        join persons p on p.id = n.person_id and p.merged_into_id is null where n.phonetic_key <> ''
      union all
      select n.person_id, 's', s from person_names n
        join persons p on p.id = n.person_id and p.merged_into_id is null, unnest(n.syllable_keys) s
      union all
      select d.person_id, 'd', d.number_bidx from person_documents d
        join persons p on p.id = d.person_id and p.merged_into_id is null
      union all
      select c.person_id, 't', c.value_bidx from person_contacts c
        join persons p on p.id = c.person_id and p.merged_into_id is null where c.kind = 'phone' and c.value_bidx is not null
    ), blocks as (
      select rule, array_agg(distinct person_id order by person_id) as members from keyed
      group by rule, k having count(distinct person_id) between 2 and ${maxBlock}
    ), pairs as (
      select members[i] as low, members[j] as high, bool_or(rule = 'd') as same_document, bool_or(rule = 't') as same_phone
      from blocks, generate_subscripts(members, 1) i, generate_subscripts(members, 1) j
      where i < j
      group by members[i], members[j]
    )
    select pairs.low, pairs.high, pairs.same_document, pairs.same_phone from pairs
    where not exists (
      select 1 from relinkage_candidates c where c.person_low = pairs.low and c.person_high = pairs.high and c.status <> 'pending'
    )`;
}

async function blockedPairs(tx: Tx): Promise<BlockedPair[]> {
  return rowsOf<{ low: string; high: string; same_document: boolean; same_phone: boolean }>(await tx.execute(blockedPairsStatement())).map(
    (row) => ({ low: row.low, high: row.high, sameDocument: row.same_document, samePhone: row.same_phone }),
  );
}

type RecordFacts = {
  id: string;
  gender: Gender;
  birthYear: number | null;
  birthYearEstimated: boolean;
  birthDateEnc: string | null;
  citizenship: string[];
  /** Prepared for comparison on first use: most persons' names are never compared (their pairs fail on other evidence). */
  names: { id: string; kind: 'primary' | 'written' | 'alias'; searchKey: string; prepared?: PreparedName }[];
};

/** What scoring needs of every live person, in two statements; names as their keys' words, never decrypted here. */
async function recordFacts(tx: Tx): Promise<Map<string, RecordFacts>> {
  const people = rowsOf<{
    id: string;
    gender: Gender;
    birth_year: number | null;
    birth_year_estimated: boolean;
    birth_date_enc: string | null;
    citizenship: string[];
  }>(
    await tx.execute(
      sql`select id, gender, birth_year, birth_year_estimated, birth_date_enc, citizenship from persons where merged_into_id is null`,
    ),
  );
  const facts = new Map<string, RecordFacts>();
  for (const row of people) {
    facts.set(row.id, {
      id: row.id,
      gender: row.gender,
      birthYear: row.birth_year,
      birthYearEstimated: row.birth_year_estimated,
      birthDateEnc: row.birth_date_enc,
      citizenship: row.citizenship ?? [],
      names: [],
    });
  }
  const names = rowsOf<{ id: string; person_id: string; kind: 'primary' | 'written' | 'alias'; search_key: string }>(
    await tx.execute(sql`select id, person_id, kind, search_key from person_names`),
  );
  for (const name of names) {
    facts.get(name.person_id)?.names.push({ id: name.id, kind: name.kind, searchKey: name.search_key });
  }
  return facts;
}

const preparedOf = (name: RecordFacts['names'][number]) => {
  name.prepared ??= prepareName(name.searchKey.split(' ').filter(Boolean));
  return name.prepared;
};

/** The best-matching names of two records; a primary or written name wins a tie with an alias. */
function bestNamesOf(left: RecordFacts, right: RecordFacts) {
  let best = { similarity: 0, leftNameId: null as string | null, aliasUsed: true };
  for (const a of left.names) {
    for (const b of right.names) {
      const { similarity } = compareNames(preparedOf(a), preparedOf(b));
      const aliasUsed = a.kind === 'alias' || b.kind === 'alias';
      if (similarity > best.similarity || (similarity === best.similarity && best.aliasUsed && !aliasUsed)) {
        best = { similarity, leftNameId: a.id, aliasUsed };
      }
    }
  }
  return best;
}

export type ScoredPair = BlockedPair & { likelihood: number; reasons: MatchReason[]; leftNameId: string | null };

/** Birth dates decrypted once per person, only for pairs born the same year. */
type BirthDates = Map<string, string | null>;

function birthDateOf(record: RecordFacts, keyRing: KeyRing, birthDates: BirthDates): string | null {
  if (!birthDates.has(record.id)) birthDates.set(record.id, personIdentityValue(keyRing, record, 'birthDateEnc'));
  return birthDates.get(record.id) ?? null;
}

/**
 * Two records weighed as the possible-matches panel weighs a query and a candidate (weighEvidence,
 * its calibration and threshold): one record plays the query. A record with neither birth year nor
 * citizenship gives only a name, as a name-only query does. The names are compared last and only
 * when the other evidence leaves room for the pair to reach the threshold with the best of names
 * (most blocked pairs are strangers born years apart): null when it cannot.
 */
export function scorePair(
  pair: BlockedPair,
  left: RecordFacts,
  right: RecordFacts,
  keyRing: KeyRing,
  birthDates: BirthDates = new Map(),
): ScoredPair | null {
  const bothYears = left.birthYear !== null && right.birthYear !== null;
  const exactSameYear = bothYears && left.birthYear === right.birthYear && !left.birthYearEstimated && !right.birthYearEstimated;
  const sharedCitizenship = left.citizenship.some((country) => right.citizenship.includes(country));
  const leftGender = genderGroup(left.gender);
  const rightGender = genderGroup(right.gender);
  const evidence: MatchEvidence = {
    nameSimilarity: 1,
    sameDocument: pair.sameDocument,
    samePhone: pair.samePhone,
    birthYears: bothYears
      ? {
          query: left.birthYear!,
          queryEstimated: left.birthYearEstimated,
          candidate: right.birthYear!,
          candidateEstimated: right.birthYearEstimated,
        }
      : null,
    birthDateSame: exactSameYear && left.birthDateEnc && right.birthDateEnc ? true : null,
    citizenship: left.citizenship.length && right.citizenship.length ? (sharedCitizenship ? 'same' : 'differs') : null,
    genderDiffers: !!leftGender && !!rightGender && leftGender !== rightGender,
    nameOnly: left.birthYear === null && !left.citizenship.length,
  };
  if (weighEvidence(evidence).score < DEFAULT_MATCH_THRESHOLD) return null;
  const { similarity, leftNameId } = bestNamesOf(left, right);
  if (evidence.birthDateSame) evidence.birthDateSame = birthDateOf(left, keyRing, birthDates) === birthDateOf(right, keyRing, birthDates);
  const { score, reasons } = weighEvidence({ ...evidence, nameSimilarity: similarity });
  return { ...pair, likelihood: score, reasons, leftNameId };
}

/** The name reasons of queued pairs, from their decrypted names, in the panel's order: identifiers, names, the rest. */
async function withNameReasons(tx: Tx, keyRing: KeyRing, queued: ScoredPair[]): Promise<ScoredPair[]> {
  const personIds = [...new Set(queued.flatMap((pair) => [pair.low, pair.high]))];
  const names = new Map<string, { id: string; name: string; kind: 'primary' | 'written' | 'alias' }[]>();
  for (let start = 0; start < personIds.length; start += 5000) {
    const rows = await tx
      .select({ id: personNames.id, personId: personNames.personId, kind: personNames.kind, nameEnc: personNames.nameEnc })
      .from(personNames)
      .where(inArray(personNames.personId, personIds.slice(start, start + 5000)));
    for (const row of rows) {
      const name = keyRing.decrypt(row.nameEnc, placeOf(personNames.nameEnc, row.id)) ?? '';
      names.set(row.personId, [...(names.get(row.personId) ?? []), { id: row.id, name, kind: row.kind }]);
    }
  }
  return queued.map((pair) => {
    const query = names.get(pair.low)?.find((name) => name.id === pair.leftNameId)?.name;
    const nameReasons = query ? reasonsOfBestName(query, names.get(pair.high) ?? []) : [];
    return { ...pair, reasons: reasonsInPanelOrder(pair.reasons, nameReasons) };
  });
}

export type RelinkageOutcome = { runId: string; persons: number; pairsScored: number; pairsQueued: number; seconds: number };

const WRITE_BATCH = 500;

/**
 * Re-checks the whole register for records of one person (issue 16, batch re-linkage): candidate
 * pairs by blocking in SQL, each scored with the possible-matches panel's calibrated likelihood,
 * those at or above its threshold queued for the owners with their reasons. Never merges.
 *
 * Idempotent: a pending pair found again is refreshed in place; a pending pair the current rules
 * no longer propose leaves the queue; a decided pair is never proposed again. Runs as the schema
 * owner (a job, outside any actor): what each owner then sees is decided when the queue is read.
 * Nothing personal is logged or audited, only counts.
 */
export async function relinkRegister(db: Db, keyRing: KeyRing, options: { requestedBy?: string } = {}): Promise<RelinkageOutcome> {
  const started = performance.now();
  const [run] = await db
    .insert(relinkageRuns)
    .values({ keysVersion: NAME_KEYS_VERSION, requestedBy: options.requestedBy ?? null })
    .returning({ id: relinkageRuns.id, startedAt: relinkageRuns.startedAt });
  const { pairs, facts } = await db.transaction(async (tx) => ({
    pairs: await blockedPairs(tx as Tx),
    facts: await recordFacts(tx as Tx),
  }));
  const above: ScoredPair[] = [];
  const birthDates: BirthDates = new Map();
  for (const pair of pairs) {
    const left = facts.get(pair.low);
    const right = facts.get(pair.high);
    if (!left || !right) continue;
    const scored = scorePair(pair, left, right, keyRing, birthDates);
    if (scored && scored.likelihood >= DEFAULT_MATCH_THRESHOLD) above.push(scored);
  }
  const foundAt = new Date();
  await db.transaction(async (transaction) => {
    const tx = transaction as Tx;
    const queued = await withNameReasons(tx, keyRing, above);
    for (let start = 0; start < queued.length; start += WRITE_BATCH) {
      await tx
        .insert(relinkageCandidates)
        .values(
          queued.slice(start, start + WRITE_BATCH).map((pair) => ({
            personLow: pair.low,
            personHigh: pair.high,
            likelihood: Math.round(pair.likelihood * 1000) / 1000,
            reasons: pair.reasons,
            keysVersion: NAME_KEYS_VERSION,
            foundAt,
          })),
        )
        .onConflictDoUpdate({
          target: [relinkageCandidates.personLow, relinkageCandidates.personHigh],
          set: {
            likelihood: sql`excluded.likelihood`,
            reasons: sql`excluded.reasons`,
            keysVersion: sql`excluded.keys_version`,
            foundAt: sql`excluded.found_at`,
          },
          setWhere: sql`${relinkageCandidates.status} = 'pending'`,
        });
    }
    // Pending pairs this run did not find again: the current rules no longer propose them.
    await tx.execute(sql`delete from relinkage_candidates where status = 'pending' and found_at < ${foundAt.toISOString()}::timestamptz`);
    await tx
      .update(relinkageRuns)
      .set({ finishedAt: new Date(), persons: facts.size, pairsScored: pairs.length, pairsQueued: queued.length })
      .where(sql`${relinkageRuns.id} = ${run!.id}`);
    await recordAudit(
      tx,
      {},
      {
        action: 'relinkage.run',
        resourceType: 'relinkage_run',
        resourceId: run!.id,
        details: { keysVersion: NAME_KEYS_VERSION, persons: facts.size, pairsScored: pairs.length, pairsQueued: queued.length },
      },
    );
  });
  return {
    runId: run!.id,
    persons: facts.size,
    pairsScored: pairs.length,
    pairsQueued: above.length,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Whether the register was re-checked with the current rules: start-up queues a run when not. */
export async function relinkedWithCurrentKeys(db: Db): Promise<boolean> {
  const [row] = rowsOf<{ done: boolean }>(
    await db.execute(
      sql`select exists (select 1 from relinkage_runs where keys_version = ${NAME_KEYS_VERSION} and finished_at is not null) as done`,
    ),
  );
  return row?.done === true;
}
