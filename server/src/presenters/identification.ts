import type { IdentificationRecord, InterpreterRequest, Interview, Prescreening, StatusDecisionRecord } from '@seamless/contracts';
import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import { inTurn, type Tx } from '../db/client.js';
import {
  agencies,
  type IndicatorSet,
  identificationInterviews,
  interpreterRequests,
  prescreenings,
  traffickingStatusDecisions,
} from '../db/schema/index.js';

type InterviewRow = typeof identificationInterviews.$inferSelect;
type RequestRow = typeof interpreterRequests.$inferSelect;
type DecisionRow = typeof traffickingStatusDecisions.$inferSelect;

/**
 * Whether the reader holds the identity section of the case: the person's own account and the
 * interpreter's name are identity-level (encrypted) and leave the server only then.
 */
export type IdentificationReader = { keyRing: KeyRing; withIdentity: boolean };

const indicatorsOf = (set: IndicatorSet): IndicatorSet => ({ act: [...set.act], means: [...set.means], purpose: [...set.purpose] });

export function presentPrescreening(row: typeof prescreenings.$inferSelect, conductedByName: string | null): Prescreening {
  return {
    id: row.id,
    answers: row.answers,
    outcome: row.outcome,
    conductedByName: conductedByName ?? '',
    conductedAt: row.conductedAt.toISOString(),
  };
}

export function presentInterpreterRequest(
  row: RequestRow,
  requestedByName: string | null,
  reader: IdentificationReader,
): InterpreterRequest {
  return {
    id: row.id,
    interviewId: row.interviewId,
    language: row.language as InterpreterRequest['language'],
    status: row.status,
    requestedByName: requestedByName ?? '',
    requestedAt: row.requestedAt.toISOString(),
    ...(reader.withIdentity
      ? { interpreterName: reader.keyRing.decrypt(row.interpreterNameEnc, placeOf(interpreterRequests.interpreterNameEnc, row.id)) }
      : {}),
    interpreterOrganisation: row.interpreterOrganisation,
    providedAt: row.providedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export function presentInterview(
  row: InterviewRow,
  names: { conductedByName: string | null; agencyName: string; participantAgencies: { id: string; name: string }[] },
  requests: InterpreterRequest[],
  reader: IdentificationReader,
): Interview {
  return {
    id: row.id,
    procedure: row.procedure,
    stepsCompleted: row.stepsCompleted,
    conductedOn: row.conductedOn,
    place: row.place,
    language: row.language,
    conductedByName: names.conductedByName ?? '',
    agencyName: names.agencyName,
    participantAgencies: names.participantAgencies,
    indicators: indicatorsOf(row.indicators),
    childAtTime: row.childAtTime,
    ...(reader.withIdentity
      ? { account: reader.keyRing.decrypt(row.accountEnc, placeOf(identificationInterviews.accountEnc, row.id)) }
      : {}),
    status: row.status,
    interpreterRequests: requests,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentStatusDecision(row: DecisionRow, decidingAgencyName: string): StatusDecisionRecord {
  return {
    id: row.id,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    decidingAgencyName,
    decidedOn: row.decidedOn,
    decidedByName: row.decidedByName,
    reasons: row.reasons,
    interviewId: row.interviewId,
    indicators: row.indicators ? indicatorsOf(row.indicators) : null,
    certificateNumber: row.certificateNumber,
    recordedAt: row.recordedAt.toISOString(),
  };
}

/** Staff of another agency are named on what they recorded although their accounts stay invisible. */
const displayName = (column: AnyPgColumn) => sql<string | null>`app_user_display_name(${column})`;

async function requestsWhere(tx: Tx, where: SQL, reader: IdentificationReader): Promise<InterpreterRequest[]> {
  const rows = await tx
    .select({ request: interpreterRequests, requestedByName: displayName(interpreterRequests.requestedBy) })
    .from(interpreterRequests)
    .where(where)
    .orderBy(asc(interpreterRequests.requestedAt), asc(interpreterRequests.id));
  return rows.map((row) => presentInterpreterRequest(row.request, row.requestedByName, reader));
}

async function interviewsWhere(tx: Tx, where: SQL, reader: IdentificationReader): Promise<Interview[]> {
  const rows = await tx
    .select({
      interview: identificationInterviews,
      conductedByName: displayName(identificationInterviews.conductedBy),
      agencyName: agencies.name,
    })
    .from(identificationInterviews)
    .innerJoin(agencies, eq(agencies.id, identificationInterviews.agencyId))
    .where(where)
    .orderBy(asc(identificationInterviews.conductedOn), asc(identificationInterviews.createdAt));
  if (!rows.length) return [];
  const participantIds = [...new Set(rows.flatMap((row) => row.interview.participantAgencyIds))];
  const [participants, requests] = await inTurn([
    () =>
      participantIds.length
        ? tx.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, participantIds))
        : Promise.resolve([]),
    () =>
      requestsWhere(
        tx,
        inArray(
          interpreterRequests.interviewId,
          rows.map((row) => row.interview.id),
        ),
        reader,
      ),
  ]);
  const agencyName = new Map(participants.map((agency) => [agency.id, agency.name]));
  return rows.map(({ interview, conductedByName, agencyName: recordedBy }) =>
    presentInterview(
      interview,
      {
        conductedByName,
        agencyName: recordedBy,
        participantAgencies: interview.participantAgencyIds.map((id) => ({ id, name: agencyName.get(id) ?? '' })),
      },
      requests.filter((request) => request.interviewId === interview.id),
      reader,
    ),
  );
}

export async function loadInterview(tx: Tx, interviewId: string, reader: IdentificationReader): Promise<Interview | null> {
  const [interview] = await interviewsWhere(tx, eq(identificationInterviews.id, interviewId), reader);
  return interview ?? null;
}

export async function loadInterpreterRequest(tx: Tx, requestId: string, reader: IdentificationReader): Promise<InterpreterRequest | null> {
  const [request] = await requestsWhere(tx, eq(interpreterRequests.id, requestId), reader);
  return request ?? null;
}

/** The whole identification record of a case: recorded once, read by every agency involved. */
export async function loadIdentificationRecord(tx: Tx, caseId: string, reader: IdentificationReader): Promise<IdentificationRecord> {
  const [screenings, interviews, decisions] = await inTurn([
    () =>
      tx
        .select({ prescreening: prescreenings, conductedByName: displayName(prescreenings.conductedBy) })
        .from(prescreenings)
        .where(eq(prescreenings.caseId, caseId))
        .orderBy(asc(prescreenings.conductedAt), asc(prescreenings.id)),
    () => interviewsWhere(tx, eq(identificationInterviews.caseId, caseId), reader),
    () =>
      tx
        .select({ decision: traffickingStatusDecisions, decidingAgencyName: agencies.name })
        .from(traffickingStatusDecisions)
        .innerJoin(agencies, eq(agencies.id, traffickingStatusDecisions.decidingAgencyId))
        .where(eq(traffickingStatusDecisions.caseId, caseId))
        .orderBy(asc(traffickingStatusDecisions.recordedAt), asc(traffickingStatusDecisions.id)),
  ]);
  return {
    prescreenings: screenings.map((row) => presentPrescreening(row.prescreening, row.conductedByName)),
    interviews,
    decisions: decisions.map((row) => presentStatusDecision(row.decision, row.decidingAgencyName)),
  };
}
