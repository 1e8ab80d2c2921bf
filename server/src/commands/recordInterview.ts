import { randomUUID } from 'node:crypto';
import {
  ageAtDate,
  type FieldError,
  IDENTIFICATION_PROCEDURES,
  INDICATOR_ELEMENTS,
  INDICATORS,
  type InterviewInput,
  isChild,
  PROCEDURE_KEYS,
  type ProcedureKey,
  procedureForCountry,
  type SpokenLanguage,
} from '@seamless/contracts';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { changedFields, recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { personIdentityValue, placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { agencies, type IndicatorSet, identificationInterviews, interpreterRequests, traffickingEvents } from '../db/schema/index.js';
import { lockVersion, saveVersion } from '../db/versioned.js';
import type { CaseView } from '../db/visibleCases.js';
import type { CaseContext } from '../http/caseContext.js';
import { AppError, conflict, fieldError, forbidden, notFound } from '../http/problem.js';
import { interviewDateErrors } from '../identification/recordDates.js';
import { canReadSection } from '../policies/case.js';
import { isoDay } from './openCase.js';
import { recordCaseEvent } from './recordCaseEvent.js';

// ---------------------------------------------------------------------------------------------
// Rules shared by every identification command
// ---------------------------------------------------------------------------------------------

const CLOSED = ['Closed', 'ClosedReferred'];

/** A closed case is a finished record: identification work on it starts with reopening it. */
export function assertCaseOpen(view: CaseView) {
  if (CLOSED.includes(view.kase.status)) {
    throw new AppError(409, 'case_closed', 'The case is closed; reopen it before recording identification work.');
  }
}

/**
 * A real calendar day that has begun somewhere on Earth. Caseworkers record the local date, and in
 * the region (UTC+7/+8) the morning's date is still tomorrow in UTC, so the limit is the latest date
 * any time zone (UTC+14) has reached rather than the server's UTC date.
 */
export function checkPastDay(day: string, path: string, now: Date): FieldError | null {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || isoDay(parsed) !== day) {
    throw fieldError(400, 'validation_failed', path, 'Not a calendar date.');
  }
  const latestToday = isoDay(new Date(now.getTime() + 14 * 3_600_000));
  return day > latestToday ? { path, code: 'date_in_future', message: 'The date is in the future.' } : null;
}

export const refuse = (status: number, errors: FieldError[], detail = 'Some fields are invalid.') =>
  new AppError(status, 'validation_failed', detail, errors);

/**
 * Age at the time of trafficking (DESIGN.md §4: a child then is a child case): what the victim
 * context records, else the age on the earliest recorded trafficking event, else on the given
 * date (the interview), else the age at intake. Never taken from the client.
 */
export async function ageAtTimeOf(tx: Tx, view: CaseView, birthDate: string | null, onDate: string): Promise<number | null> {
  if (view.victimContext?.ageWhenTrafficked != null) return view.victimContext.ageWhenTrafficked;
  if (birthDate) {
    const [earliest] = await tx
      .select({ startedOn: traffickingEvents.startedOn })
      .from(traffickingEvents)
      .where(and(eq(traffickingEvents.caseId, view.kase.id), isNotNull(traffickingEvents.startedOn)))
      .orderBy(asc(traffickingEvents.startedOn))
      .limit(1);
    const age = ageAtDate(birthDate, earliest?.startedOn ?? onDate);
    if (age != null) return age;
  }
  return view.kase.ageAtIntake;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];

// ---------------------------------------------------------------------------------------------
// Interviews
// ---------------------------------------------------------------------------------------------

type InterviewFields = Omit<InterviewInput, 'procedure'> & { procedure: string };

/**
 * Checks an interview as it will be stored and returns what the server derives from it;
 * `dateSet` when this write gives the interview its date (recording it, or changing the date).
 */
async function checkInterview(tx: Tx, keyRing: KeyRing, view: CaseView, fields: InterviewFields, dateSet: boolean, now: Date) {
  if (!(PROCEDURE_KEYS as readonly string[]).includes(fields.procedure)) {
    throw refuse(422, [{ path: 'procedure', code: 'unknown_procedure', message: 'Not a known identification procedure.' }]);
  }
  const procedure = IDENTIFICATION_PROCEDURES[fields.procedure as ProcedureKey];
  const errors: FieldError[] = [];
  fields.stepsCompleted.forEach((step, index) => {
    if (!procedure.steps.includes(step)) {
      errors.push({ path: `stepsCompleted.${index}`, code: 'unknown_step', message: `Not a step of the ${fields.procedure} procedure.` });
    }
  });
  for (const element of INDICATOR_ELEMENTS) {
    const known = INDICATORS[element] as readonly string[];
    fields.indicators[element].forEach((indicator, index) => {
      if (!known.includes(indicator)) {
        errors.push({
          path: `indicators.${element}.${index}`,
          code: 'unknown_indicator',
          message: `Not an indicator of the ${element} element.`,
        });
      }
    });
  }
  const future = checkPastDay(fields.conductedOn, 'conductedOn', now);
  if (future) errors.push(future);
  const birthDate = personIdentityValue(keyRing, view.person, 'birthDateEnc');
  // The case's opening is judged only when the date is set: an interview recorded before the rule
  // keeps its date through edits of its other fields.
  errors.push(...interviewDateErrors(fields.conductedOn, birthDate, dateSet ? view.kase.openedAt : null));
  if (errors.length) throw refuse(422, errors);

  const participantIds = unique(fields.participantAgencyIds);
  if (participantIds.length) {
    const found = await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, participantIds));
    const missing = fields.participantAgencyIds
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !found.some((agency) => agency.id === id));
    if (missing.length) {
      throw new AppError(
        422,
        'invalid_reference',
        'A participant agency does not exist.',
        missing.map(({ index }) => ({ path: `participantAgencyIds.${index}`, code: 'invalid_reference', message: 'No such agency.' })),
      );
    }
  }
  const indicators: IndicatorSet = {
    act: unique(fields.indicators.act),
    means: unique(fields.indicators.means),
    purpose: unique(fields.indicators.purpose),
  };
  const childAtTime = isChild(await ageAtTimeOf(tx, view, birthDate, fields.conductedOn));
  return { stepsCompleted: unique(fields.stepsCompleted), participantAgencyIds: participantIds, indicators, childAtTime };
}

/** The person's own account is identity-level: only someone who may read it may write it. */
function assertMayWriteAccount(context: CaseContext, account: string | null | undefined) {
  if (account !== undefined && !canReadSection(context.actor, 'identity', context.view.involvement)) {
    throw forbidden('Recording the person’s account needs the identity section of the case.');
  }
}

export type RecordInterviewProps = {
  context: CaseContext;
  keyRing: KeyRing;
  input: Omit<InterviewInput, 'procedure'> & { procedure?: string };
  now?: Date;
};

/**
 * Records the identification interview once, for every agency involved (DESIGN.md §2): the
 * procedure of the case's country unless another is named, the indicators under their elements,
 * and whether the person was a child at the time, computed here.
 */
export async function recordInterview({ context, keyRing, input, now = new Date() }: RecordInterviewProps) {
  const { tx, actor, view, audit } = context;
  assertCaseOpen(view);
  assertMayWriteAccount(context, input.account);
  const fields = { ...input, procedure: input.procedure ?? procedureForCountry(view.kase.countryCode).key };
  const derived = await checkInterview(tx, keyRing, view, fields, true, now);
  const interviewId = randomUUID();
  const [row] = await tx
    .insert(identificationInterviews)
    .values({
      id: interviewId,
      caseId: view.kase.id,
      procedure: fields.procedure,
      conductedOn: fields.conductedOn,
      place: fields.place ?? null,
      language: fields.language ?? null,
      conductedBy: actor.userId,
      agencyId: actor.agencyId,
      accountEnc: keyRing.encrypt(fields.account, placeOf(identificationInterviews.accountEnc, interviewId)),
      status: fields.status,
      ...derived,
    })
    .returning();
  const interview = row!;
  await recordCaseEvent(tx, actor, view.kase.id, 'interview.recorded', {
    interviewId: interview.id,
    procedure: interview.procedure,
    status: interview.status,
  });
  await recordAudit(tx, audit, {
    action: 'case.identification',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: { interviewId: interview.id, procedure: interview.procedure, status: interview.status, childAtTime: interview.childAtTime },
  });
  return interview;
}

/**
 * An interview is completed with the interpreter it was waiting for, or without one by choice: a
 * request still open means the interpreter is to be confirmed (provided) or cancelled first.
 */
async function assertNoInterpreterPending(tx: Tx, interviewId: string) {
  const [pending] = await tx
    .select({ id: interpreterRequests.id })
    .from(interpreterRequests)
    .where(and(eq(interpreterRequests.interviewId, interviewId), eq(interpreterRequests.status, 'requested')))
    .limit(1);
  if (pending) {
    throw refuse(422, [
      {
        path: 'status',
        code: 'interpreter_pending',
        message: 'Confirm the interpreter (provided) or cancel the request before completing the interview.',
      },
    ]);
  }
}

/** A completed interview was held with or without its interpreter: nobody is to be asked for it any more. */
const interviewAlreadyCompleted = () =>
  refuse(422, [
    {
      path: 'status',
      code: 'interview_completed',
      message: 'The interview is completed: an interpreter is asked for before an interview, not after it.',
    },
  ]);

export type UpdateInterviewProps = {
  context: CaseContext;
  keyRing: KeyRing;
  interviewId: string;
  input: Partial<InterviewInput> & { version: number };
  now?: Date;
};

/** Changes an interview on the version the client read; a completed interview stays completed. */
export async function updateInterview({ context, keyRing, interviewId, input, now = new Date() }: UpdateInterviewProps) {
  const { tx, actor, view, audit } = context;
  const [owner] = await tx
    .select({ caseId: identificationInterviews.caseId, agencyId: identificationInterviews.agencyId })
    .from(identificationInterviews)
    .where(eq(identificationInterviews.id, interviewId));
  if (owner?.caseId !== view.kase.id) throw notFound();
  // The interview is the record of the agency that heard the person; others re-use it, they do not rewrite it.
  if (owner.agencyId !== actor.agencyId) throw forbidden('Only the agency that recorded the interview changes it.');
  assertCaseOpen(view);
  assertMayWriteAccount(context, input.account);
  const { version, ...body } = input;
  const current = await lockVersion(tx, identificationInterviews, interviewId, version);
  if (current.status === 'completed' && body.status === 'draft') {
    throw refuse(422, [{ path: 'status', code: 'interview_completed', message: 'A completed interview cannot go back to draft.' }]);
  }
  if (current.status !== 'completed' && body.status === 'completed') await assertNoInterpreterPending(tx, interviewId);
  const fields: InterviewFields = {
    procedure: body.procedure ?? current.procedure,
    stepsCompleted: body.stepsCompleted ?? current.stepsCompleted,
    conductedOn: body.conductedOn ?? current.conductedOn,
    place: body.place !== undefined ? body.place : current.place,
    language: body.language !== undefined ? body.language : (current.language as SpokenLanguage | null),
    participantAgencyIds: body.participantAgencyIds ?? current.participantAgencyIds,
    indicators: body.indicators ?? current.indicators,
    status: body.status ?? current.status,
  };
  const dateSet = body.conductedOn !== undefined && body.conductedOn !== current.conductedOn;
  const derived = await checkInterview(tx, keyRing, view, fields, dateSet, now);
  const changes: Partial<typeof identificationInterviews.$inferInsert> = {
    procedure: fields.procedure,
    conductedOn: fields.conductedOn,
    place: fields.place ?? null,
    language: fields.language ?? null,
    status: fields.status,
    ...derived,
    // Ciphertext differs on every encryption, so only a different account is written again.
    ...(body.account !== undefined &&
    (body.account ?? null) !== keyRing.decrypt(current.accountEnc, placeOf(identificationInterviews.accountEnc, current.id))
      ? { accountEnc: keyRing.encrypt(body.account, placeOf(identificationInterviews.accountEnc, current.id)) }
      : {}),
  };
  const changed = changedFields(current, changes, ['accountEnc']);
  const updated = await saveVersion(tx, identificationInterviews, current, changes);
  const fieldNames = Object.keys(changed).map((field) => (field === 'accountEnc' ? 'account' : field));
  await recordCaseEvent(tx, actor, view.kase.id, 'interview.updated', { interviewId, fields: fieldNames, status: updated.status });
  await recordAudit(tx, audit, {
    action: 'case.identification',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: { interviewId, changes: changed },
  });
  return updated;
}

// ---------------------------------------------------------------------------------------------
// Interpreter requests
// ---------------------------------------------------------------------------------------------

export type RequestInterpreterProps = { context: CaseContext; interviewId: string; language: SpokenLanguage };

/** Logs the request for an interpreter in the person's language for one interview (DESIGN.md §2). */
export async function requestInterpreter({ context, interviewId, language }: RequestInterpreterProps) {
  const { tx, actor, view, audit } = context;
  // Locked, as completing it locks it: a request cannot slip in beside the completion.
  const [interview] = await tx
    .select({ caseId: identificationInterviews.caseId, status: identificationInterviews.status })
    .from(identificationInterviews)
    .where(eq(identificationInterviews.id, interviewId))
    .for('update');
  if (interview?.caseId !== view.kase.id) throw notFound();
  assertCaseOpen(view);
  if (interview.status === 'completed') throw interviewAlreadyCompleted();
  const [row] = await tx
    .insert(interpreterRequests)
    .values({ interviewId, caseId: view.kase.id, language, requestedBy: actor.userId })
    .returning();
  await recordCaseEvent(tx, actor, view.kase.id, 'interpreter.requested', { interviewId, requestId: row!.id, language });
  await recordAudit(tx, audit, {
    action: 'case.identification',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: { interviewId, interpreterRequestId: row!.id, language },
  });
  return row!;
}

export type UpdateInterpreterRequestProps = {
  context: CaseContext;
  keyRing: KeyRing;
  requestId: string;
  input: {
    version: number;
    status: (typeof interpreterRequests.$inferSelect)['status'];
    interpreterName?: string | null;
    interpreterOrganisation?: string | null;
  };
  now?: Date;
};

/** Records what became of an interpreter request; who interpreted is kept, the name encrypted. */
export async function updateInterpreterRequest({ context, keyRing, requestId, input, now = new Date() }: UpdateInterpreterRequestProps) {
  const { tx, actor, view, audit } = context;
  const [asked] = await tx
    .select({ caseId: interpreterRequests.caseId, interviewId: interpreterRequests.interviewId })
    .from(interpreterRequests)
    .where(eq(interpreterRequests.id, requestId));
  if (asked?.caseId !== view.kase.id) throw notFound();
  // The interview first, then the request: the order completing the interview takes them in.
  const [interview] = await tx
    .select({ status: identificationInterviews.status })
    .from(identificationInterviews)
    .where(eq(identificationInterviews.id, asked.interviewId))
    .for('update');
  const [current] = await tx.select().from(interpreterRequests).where(eq(interpreterRequests.id, requestId)).for('update');
  if (!current) throw notFound();
  assertCaseOpen(view);
  if (current.version !== input.version) throw conflict(undefined, { version: current.version });
  if (input.status === 'requested' && current.status !== 'requested' && interview?.status === 'completed') {
    throw interviewAlreadyCompleted();
  }
  if (input.interpreterName !== undefined && !canReadSection(actor, 'identity', view.involvement)) {
    throw forbidden('Recording the interpreter’s name needs the identity section of the case.');
  }
  const nameChanged =
    input.interpreterName !== undefined &&
    (input.interpreterName ?? null) !==
      keyRing.decrypt(current.interpreterNameEnc, placeOf(interpreterRequests.interpreterNameEnc, current.id));
  const interpreterNameEnc = nameChanged
    ? keyRing.encrypt(input.interpreterName, placeOf(interpreterRequests.interpreterNameEnc, current.id))
    : current.interpreterNameEnc;
  const interpreterOrganisation =
    input.interpreterOrganisation !== undefined ? input.interpreterOrganisation : current.interpreterOrganisation;
  if (input.status === 'provided' && !interpreterNameEnc && !interpreterOrganisation) {
    throw refuse(422, [{ path: 'interpreterName', code: 'required', message: 'Say who interpreted: a name or an organisation.' }]);
  }
  const changes = {
    status: input.status,
    interpreterNameEnc,
    interpreterOrganisation,
    providedAt: input.status === 'provided' ? (current.providedAt ?? now) : null,
  };
  const [updated] = await tx
    .update(interpreterRequests)
    .set({ ...changes, version: current.version + 1 })
    .where(and(eq(interpreterRequests.id, requestId), eq(interpreterRequests.version, current.version)))
    .returning();
  if (!updated) throw conflict();
  await recordCaseEvent(tx, actor, view.kase.id, 'interpreter.updated', {
    interviewId: current.interviewId,
    requestId,
    status: updated.status,
  });
  await recordAudit(tx, audit, {
    action: 'case.identification',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: { interpreterRequestId: requestId, changes: changedFields(current, changes, ['interpreterNameEnc']) },
  });
  return updated;
}
