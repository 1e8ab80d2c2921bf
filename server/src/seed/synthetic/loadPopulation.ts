import { createHash, randomUUID } from 'node:crypto';
import type { PersonMatchQuery } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import type { KeyRing } from '../../crypto/keyRing.js';
import { asSystem } from '../../db/actorContext.js';
import { placeOf } from '../../db/cipherPlace.js';
import { type DatabaseHandle, rowsOf } from '../../db/client.js';
import { personContacts, personDocuments, personNames, persons } from '../../db/schema/index.js';
import { normaliseDocumentNumber, normalisePhone } from '../../matching/indexPersonNames.js';
import { NAME_KEYS_VERSION, nameKeysOf } from '../../matching/nameKeys.js';
import { queryOf } from '../../matching/synthetic/generate.js';
import { AUDIT_STAGE_COLUMNS, appendAuditHistory, createAuditStage } from './auditHistory.js';
import { type CaseFacts, digestPart, syntheticCaseload } from './caseFacts.js';
import { CopyBuffer, openCopySession } from './copyStream.js';
import { BLOCK, type PopulationCase } from './population.js';
import { type SyntheticAgencies, syntheticAgencies } from './syntheticAgencies.js';

export type LoadProgress = { cases: number; rows: number; seconds: number };
/** A planted duplicate as loaded: the query its record's own fields make (what an intake would search with). */
export type PlantedPair = {
  originalPersonId: string;
  duplicatePersonId: string;
  query: PersonMatchQuery;
  ownerAgencyIds: [string, string];
};
export type LoadResult = LoadProgress & {
  /** SHA-256 of the generated values (not of identifiers or ciphertexts, which differ per run). */
  digest: string;
  /** Rows written per table. */
  tables: Record<string, number>;
  /** The first planted duplicates, for checking that matching finds them. */
  planted: PlantedPair[];
};

/** Cases per transaction: small enough to keep memory flat, large enough that COPY dominates. */
const BATCH = 2000;
const PLANTED_KEPT = 50;

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeOf = (value: number, length: number) => {
  let code = '';
  for (let rest = value, k = 0; k < length; k++, rest = Math.floor(rest / CODE_ALPHABET.length))
    code = CODE_ALPHABET[rest % CODE_ALPHABET.length] + code;
  return code;
};

/** The tables written, in foreign-key order, with the columns each COPY fills. */
const TABLES = {
  persons: [
    'id',
    'given_name_enc',
    'name_as_written_enc',
    'birth_date_enc',
    'birth_year',
    'birth_year_estimated',
    'gender',
    'citizenship',
    'pseudonym',
    'created_by_agency_id',
    'created_at',
    'updated_at',
  ],
  person_names: [
    'id',
    'person_id',
    'kind',
    'name_enc',
    'search_key',
    'phonetic_key',
    'syllable_keys',
    'keys_version',
    'recorded_by_agency_id',
    'created_at',
  ],
  person_documents: [
    'id',
    'person_id',
    'document_type',
    'number_enc',
    'number_bidx',
    'issuing_country',
    'recorded_by_agency_id',
    'created_at',
  ],
  person_contacts: ['id', 'person_id', 'kind', 'value_enc', 'value_bidx', 'recorded_by_agency_id', 'created_at'],
  cases: [
    'id',
    'reference',
    'country_code',
    'person_id',
    'owner_agency_id',
    'owner_user_id',
    'status',
    'stage',
    'trafficking_status',
    'age_at_intake',
    'intake_channel',
    'urgency',
    'intake_location',
    'intake_by_agency_id',
    'locale',
    'opened_at',
    'closed_at',
    'closure_reason',
    'created_at',
    'updated_at',
  ],
  victim_contexts: [
    'case_id',
    'recruitment_methods',
    'recruitment_country',
    'control_methods',
    'exploitation_types',
    'forced_labour_industries',
    'sexual_exploitation_types',
    'age_when_trafficked',
    'exploitation_country',
    'recorded_by_agency_id',
    'created_at',
    'updated_at',
  ],
  trafficking_events: [
    'id',
    'case_id',
    'event_type',
    'country',
    'started_on',
    'created_by',
    'recorded_by_agency_id',
    'created_at',
    'updated_at',
  ],
  consents: ['id', 'case_id', 'purpose', 'sections', 'agency_ids', 'given_by', 'given_on', 'recorded_by', 'recorded_at'],
  referrals: [
    'id',
    'case_id',
    'kind',
    'direction',
    'from_agency_id',
    'to_agency_id',
    'service_area',
    'consent_id',
    'sections',
    'reason',
    'urgency',
    'referred_on',
    'status',
    'case_reference',
    'pseudonym',
    'country_code',
    'recorded_by_agency_id',
    'sent_by',
    'answered_by',
    'answered_at',
    'decline_reason',
    'created_at',
    'updated_at',
  ],
  case_access: ['case_id', 'agency_id', 'kind', 'sections', 'consent_id', 'purpose', 'granted_at', 'granted_by'],
  care_services: [
    'id',
    'case_id',
    'delivered_on',
    'provider_agency_id',
    'service_area',
    'description',
    'cost_amount',
    'cost_currency',
    'recorded_by',
    'recorded_by_agency_id',
    'recorded_at',
  ],
  trafficking_status_decisions: [
    'id',
    'case_id',
    'from_status',
    'to_status',
    'deciding_agency_id',
    'decided_on',
    'decided_by_name',
    'reasons',
    'decision_making_org',
    'recorded_by',
    'recorded_at',
  ],
  follow_ups: [
    'id',
    'case_id',
    'policy_id',
    'policy_name',
    'steps',
    'default_mode',
    'grace_days',
    'start_on',
    'status',
    'closed_on',
    'closure_reason',
    'recorded_by',
    'recorded_by_agency_id',
    'recorded_at',
    'updated_at',
  ],
  follow_up_visits: [
    'id',
    'follow_up_id',
    'case_id',
    'sequence',
    'scheduled_on',
    'actual_on',
    'mode',
    'situation',
    'recorded_by',
    'recorded_by_agency_id',
    'recorded_at',
    'updated_at',
  ],
  case_events: ['case_id', 'occurred_at', 'kind', 'actor_user_id', 'actor_agency_id', 'details'],
} as const;
type Table = keyof typeof TABLES;
type Buffers = Record<Table, CopyBuffer> & { audit: CopyBuffer };

const newBuffers = (): Buffers => {
  const buffers = Object.fromEntries(Object.entries(TABLES).map(([table, columns]) => [table, new CopyBuffer(table, columns)])) as Record<
    Table,
    CopyBuffer
  >;
  return { ...buffers, audit: new CopyBuffer('synthetic_audit_stage', AUDIT_STAGE_COLUMNS) };
};

const DAY = 86_400_000;
const atNoon = (day: string) => new Date(`${day}T05:00:00Z`);

/** Names repeat across a national caseload (the name lists are finite): their keys are made once. */
const NAME_KEY_CACHE = 200_000;
const nameKeyCache = new Map<string, ReturnType<typeof nameKeysOf>>();
function keysOf(name: string) {
  let keys = nameKeyCache.get(name);
  if (!keys) {
    if (nameKeyCache.size >= NAME_KEY_CACHE) nameKeyCache.clear();
    keys = nameKeysOf(name);
    nameKeyCache.set(name, keys);
  }
  return keys;
}

/** Writes one case and everything that happened in it into the batch's buffers. */
function writeCase(
  buffers: Buffers,
  keyRing: KeyRing,
  agencies: SyntheticAgencies,
  kase: PopulationCase,
  personId: string,
  facts: CaseFacts,
  refOf: (index: number) => string,
) {
  const { person, openedAt } = kase;
  const owner = agencies.owners[kase.index % agencies.owners.length]!;
  const caseId = randomUUID();
  const reference = refOf(kase.index);
  const pseudonym = `S-${reference.slice(-7)}`;
  const primary = person.names.find((name) => name.kind === 'primary')?.name ?? person.names[0]!.name;
  const written = person.names.find((name) => name.kind === 'written')?.name ?? null;
  const touched = facts.closedAt ?? openedAt;
  buffers.persons.add([
    personId,
    keyRing.encrypt(primary, placeOf(persons.givenNameEnc, personId)),
    keyRing.encrypt(written, placeOf(persons.nameAsWrittenEnc, personId)),
    keyRing.encrypt(person.birthDate, placeOf(persons.birthDateEnc, personId)),
    person.birthYear,
    person.birthYearEstimated,
    person.gender,
    person.citizenship,
    pseudonym,
    owner.agencyId,
    openedAt,
    touched,
  ]);
  for (const { kind, name } of person.names) {
    const id = randomUUID();
    const keys = keysOf(name);
    buffers.person_names.add([
      id,
      personId,
      kind,
      keyRing.encrypt(name, placeOf(personNames.nameEnc, id)),
      keys.searchKey,
      keys.phoneticKey,
      keys.syllableKeys,
      NAME_KEYS_VERSION,
      owner.agencyId,
      openedAt,
    ]);
  }
  for (const document of person.documents) {
    const id = randomUUID();
    buffers.person_documents.add([
      id,
      personId,
      document.documentType,
      keyRing.encrypt(document.number, placeOf(personDocuments.numberEnc, id)),
      keyRing.blindIndex('document', normaliseDocumentNumber(document.number)),
      document.issuingCountry,
      owner.agencyId,
      openedAt,
    ]);
  }
  for (const phone of person.phones) {
    const id = randomUUID();
    buffers.person_contacts.add([
      id,
      personId,
      'phone',
      keyRing.encrypt(phone, placeOf(personContacts.valueEnc, id)),
      keyRing.blindIndex('phone', normalisePhone(phone)),
      owner.agencyId,
      openedAt,
    ]);
  }
  const age = openedAt.getUTCFullYear() - person.birthYear;
  buffers.cases.add([
    caseId,
    reference,
    agencies.countryCode,
    personId,
    owner.agencyId,
    owner.userId,
    facts.status,
    facts.stage,
    facts.traffickingStatus,
    age,
    facts.intakeChannel,
    facts.urgency,
    facts.intakeLocation,
    owner.agencyId,
    owner.locale,
    openedAt,
    facts.closedAt,
    facts.closureReason,
    openedAt,
    touched,
  ]);
  const exploitation = facts.exploitation;
  buffers.victim_contexts.add([
    caseId,
    exploitation.recruitment,
    person.nationality,
    exploitation.control,
    exploitation.types,
    exploitation.industries,
    exploitation.sexual,
    Math.max(0, age - 1),
    exploitation.country,
    owner.agencyId,
    openedAt,
    openedAt,
  ]);
  for (const event of facts.events) {
    buffers.trafficking_events.add([
      randomUUID(),
      caseId,
      event.eventType,
      event.country,
      event.startedOn,
      owner.userId,
      owner.agencyId,
      openedAt,
      openedAt,
    ]);
  }
  const timeline: [Date, string, string, string, Record<string, unknown>][] = [
    [openedAt, 'case.opened', owner.userId, owner.agencyId, { reference }],
  ];
  const audit = (
    at: Date,
    action: string,
    actor: { userId: string; username: string; agencyId: string },
    resourceType: string,
    resourceId: string,
  ) =>
    buffers.audit.add([
      at,
      action,
      actor.userId,
      actor.username,
      actor.agencyId,
      resourceType,
      resourceId,
      'success',
      `synthetic-${kase.index}`,
      {},
    ]);
  audit(openedAt, 'case.create', owner, 'case', caseId);
  audit(new Date(openedAt.getTime() + DAY), 'case.read', owner, 'case', caseId);

  if (facts.referral) {
    const referral = facts.referral;
    const receiver = agencies.receiversOf(owner.agencyId)[referral.receiver % agencies.receiversOf(owner.agencyId).length]!;
    const referralId = randomUUID();
    const consentId = randomUUID();
    const sections = ['care'];
    const answered = referral.status !== 'pending';
    const answeredAt = new Date(referral.on.getTime() + 2 * DAY);
    const referredOn = referral.on.toISOString().slice(0, 10);
    buffers.consents.add([consentId, caseId, 'referral', sections, [receiver.agencyId], 'victim', referredOn, owner.userId, referral.on]);
    buffers.referrals.add([
      referralId,
      caseId,
      'referral',
      'outgoing',
      owner.agencyId,
      receiver.agencyId,
      referral.serviceArea,
      consentId,
      sections,
      'Services the person needs near her place of stay',
      'routine',
      referredOn,
      referral.status,
      reference,
      pseudonym,
      agencies.countryCode,
      owner.agencyId,
      owner.userId,
      answered ? receiver.userId : null,
      answered ? answeredAt : null,
      referral.status === 'declined' ? 'No place available' : null,
      referral.on,
      answered ? answeredAt : referral.on,
    ]);
    const details = { referralId, toAgencyId: receiver.agencyId, fromAgencyId: owner.agencyId, sections };
    timeline.push([referral.on, 'referral.sent', owner.userId, owner.agencyId, details]);
    audit(referral.on, 'referral.send', owner, 'referral', referralId);
    if (answered) {
      const kind = referral.status === 'declined' ? 'referral.declined' : 'referral.accepted';
      timeline.push([answeredAt, kind, receiver.userId, receiver.agencyId, details]);
      audit(answeredAt, 'referral.answer', receiver, 'referral', referralId);
    }
    if (referral.status === 'accepted') {
      buffers.case_access.add([caseId, receiver.agencyId, 'referral', sections, consentId, 'referral', answeredAt, receiver.userId]);
    }
  }
  for (const service of facts.services) {
    buffers.care_services.add([
      randomUUID(),
      caseId,
      service.on,
      owner.agencyId,
      service.area,
      service.description,
      service.cost,
      service.cost === null ? null : 'THB',
      owner.userId,
      owner.agencyId,
      atNoon(service.on),
    ]);
  }
  if (facts.decision) {
    const decision = facts.decision;
    const decider = agencies.decider;
    buffers.trafficking_status_decisions.add([
      randomUUID(),
      caseId,
      'Potential',
      decision.to,
      decider.agencyId,
      decision.on,
      decision.byCourt ? 'Provincial Court' : decider.displayName,
      decision.byCourt ? 'Judgment in the criminal proceedings' : 'Indicators of act, means and purpose established at interview',
      decision.byCourt ? 'CourtOrProsecution' : null,
      decider.userId,
      atNoon(decision.on),
    ]);
    timeline.push([
      atNoon(decision.on),
      'trafficking_status.decided',
      decider.userId,
      decider.agencyId,
      { from: 'Potential', to: decision.to },
    ]);
    audit(atNoon(decision.on), 'case.identification', decider, 'case', caseId);
  }
  if (facts.followUp) {
    const followUpId = randomUUID();
    const policy = agencies.followUpPolicy;
    const closed = facts.closedAt !== null;
    const lastVisit = facts.followUp.visits.at(-1)!.on;
    buffers.follow_ups.add([
      followUpId,
      caseId,
      policy.id,
      policy.name,
      policy.steps,
      policy.defaultMode,
      policy.graceDays,
      facts.followUp.startOn,
      closed ? 'closed' : 'active',
      closed ? lastVisit : null,
      closed ? 'plan_completed' : null,
      owner.userId,
      owner.agencyId,
      atNoon(facts.followUp.startOn),
      atNoon(lastVisit),
    ]);
    for (const [k, visit] of facts.followUp.visits.entries()) {
      buffers.follow_up_visits.add([
        randomUUID(),
        followUpId,
        caseId,
        k + 1,
        visit.on,
        visit.on,
        'in_person',
        visit.situation,
        owner.userId,
        owner.agencyId,
        atNoon(visit.on),
        atNoon(visit.on),
      ]);
    }
  }
  for (const [at, kind, userId, agencyId, details] of timeline) buffers.case_events.add([caseId, at, kind, userId, agencyId, details]);
  return { caseId, ownerAgencyId: owner.agencyId };
}

/** Fails early on a second load of the same seed into one database (case references would collide). */
async function assertSeedUnused(database: DatabaseHandle, reference: string) {
  const found = rowsOf<{ n: number }>(
    await asSystem(database.db, (tx) => tx.execute(sql`select count(*)::int as n from cases where reference = ${reference}`)),
  );
  if (found[0]!.n > 0) throw new Error(`this database already holds the synthetic population of this seed (case ${reference})`);
}

/**
 * Generates `cases` synthetic cases (population.ts, caseFacts.ts) and writes them with COPY in
 * transactions of BATCH cases, as the schema owner: ownership columns as the application writes
 * them (so row-level security applies to the generated data as to any), identity values encrypted
 * with the instance's key ring and bound to their place, the name index as indexPersonNames makes it,
 * and the audit history appended to the hash chain (auditHistory.ts).
 */
export async function loadSyntheticPopulation(
  database: DatabaseHandle,
  keyRing: KeyRing,
  options: { cases: number; seed: number; onProgress?: (progress: LoadProgress) => void },
): Promise<LoadResult> {
  const started = performance.now();
  const agencies = await syntheticAgencies(database);
  const seedCode = codeOf(options.seed % 30 ** 4, 4);
  const refOf = (index: number) => `${agencies.countryCode}-Y${seedCode}-${codeOf(index, 5)}`;
  await assertSeedUnused(database, refOf(0));
  const session = await openCopySession(database);
  const digest = createHash('sha256');
  const tables: Record<string, number> = {};
  const planted: PlantedPair[] = [];
  // Person ids of the block's records, so a planted duplicate can name its original (planted within a block).
  const personIds = new Map<number, { personId: string; ownerAgencyId: string }>();
  const waiting = new Map<number, { personId: string; query: PersonMatchQuery; ownerAgencyId: string }>();
  let buffers = newBuffers();
  let written = 0;
  let rows = 0;
  const writeBatch = async (batch: Buffers, cases: number) => {
    await session.exec('BEGIN');
    for (const table of Object.keys(TABLES) as Table[]) await session.copy(batch[table]);
    await createAuditStage(session);
    await session.copy(batch.audit);
    await appendAuditHistory(session);
    await session.exec('COMMIT');
    for (const [table, buffer] of Object.entries(batch)) {
      const name = table === 'audit' ? 'audit_events' : table;
      tables[name] = (tables[name] ?? 0) + buffer.size;
      rows += buffer.size;
    }
    options.onProgress?.({ cases, rows, seconds: (performance.now() - started) / 1000 });
  };
  // One batch is written while the next is generated: the database and the generator each have a core.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batch = buffers;
    const cases = written;
    buffers = newBuffers();
    await writing;
    writing = writeBatch(batch, cases);
    // Marked as handled here; the next flush (or the end) awaits it and sees its failure.
    writing.catch(() => undefined);
  };
  try {
    for (const { kase, facts } of syntheticCaseload(options, agencies.receiverCount)) {
      digest.update(digestPart({ kase, facts }));
      const personId = randomUUID();
      const { ownerAgencyId } = writeCase(buffers, keyRing, agencies, kase, personId, facts, refOf);
      if (kase.index % BLOCK === 0) {
        personIds.clear();
        waiting.clear();
      }
      personIds.set(kase.index, { personId, ownerAgencyId });
      if (kase.duplicateOf !== null) waiting.set(kase.duplicateOf, { personId, query: queryOf(kase.person, personId), ownerAgencyId });
      // Within a block a duplicate may come before or after its original.
      for (const originalIndex of [kase.index, kase.duplicateOf]) {
        const duplicate = originalIndex === null ? undefined : waiting.get(originalIndex);
        const original = originalIndex === null ? undefined : personIds.get(originalIndex);
        if (!duplicate || !original || planted.length >= PLANTED_KEPT) continue;
        waiting.delete(originalIndex!);
        planted.push({
          originalPersonId: original.personId,
          duplicatePersonId: duplicate.personId,
          query: duplicate.query,
          ownerAgencyIds: [original.ownerAgencyId, duplicate.ownerAgencyId],
        });
      }
      written++;
      if (written % BATCH === 0) await flush();
      // Lets the batch being written move on while this one is generated.
      else if (written % 100 === 0) await new Promise(setImmediate);
    }
    if (buffers.cases.size) await flush();
    await writing;
  } catch (error) {
    await writing.catch(() => undefined);
    await session.exec('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await session.release();
  }
  return { cases: written, rows, seconds: (performance.now() - started) / 1000, digest: digest.digest('hex'), tables, planted };
}
