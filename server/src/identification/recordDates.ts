import type { FieldError } from '@seamless/contracts';
import { eq, min } from 'drizzle-orm';
import { isoDay } from '../commands/openCase.js';
import type { Tx } from '../db/client.js';
import { cases, identificationInterviews, traffickingEvents } from '../db/schema/index.js';

const HOUR_MS = 3_600_000;

/**
 * The calendar days a moment falls on somewhere on Earth (UTC−12 to UTC+14). Caseworkers record
 * local dates: a case opened at 20:00 UTC was opened "tomorrow" in Bangkok, so a recorded date is
 * judged against the widest reading of a moment, never the server's UTC date alone.
 */
const earliestDayOf = (at: Date) => isoDay(new Date(at.getTime() - 12 * HOUR_MS));
const latestDayOf = (at: Date) => isoDay(new Date(at.getTime() + 14 * HOUR_MS));

/** An interview is heard after the person was born and once her case exists: intake comes first (DESIGN.md §2). */
export function interviewDateErrors(conductedOn: string, birthDate: string | null, caseOpenedAt: Date | null): FieldError[] {
  const errors: FieldError[] = [];
  if (birthDate && conductedOn < birthDate) {
    errors.push({ path: 'conductedOn', code: 'before_birth', message: 'The interview cannot be before the person was born.' });
  }
  if (caseOpenedAt && conductedOn < earliestDayOf(caseOpenedAt)) {
    errors.push({ path: 'conductedOn', code: 'before_case_opened', message: 'The interview cannot be before the case was opened.' });
  }
  return errors;
}

/**
 * A birth date precedes everything recorded of her, on every case of hers the actor reaches: the
 * opening of each case, each trafficking event and each identification interview. Her identity is
 * one record across cases, so a date fitting this case may still contradict another.
 */
export async function birthDateErrors(tx: Tx, personId: string, birthDate: string | null | undefined): Promise<FieldError[]> {
  if (!birthDate) return [];
  const [opened] = await tx
    .select({ at: min(cases.openedAt) })
    .from(cases)
    .where(eq(cases.personId, personId));
  const [event] = await tx
    .select({ on: min(traffickingEvents.startedOn) })
    .from(traffickingEvents)
    .innerJoin(cases, eq(cases.id, traffickingEvents.caseId))
    .where(eq(cases.personId, personId));
  const [interview] = await tx
    .select({ on: min(identificationInterviews.conductedOn) })
    .from(identificationInterviews)
    .innerJoin(cases, eq(cases.id, identificationInterviews.caseId))
    .where(eq(cases.personId, personId));
  const errors: FieldError[] = [];
  const after = (code: string, message: string) => errors.push({ path: 'birthDate', code, message });
  if (event?.on && event.on < birthDate) after('after_trafficking_event', 'The birth date is after a recorded trafficking event.');
  if (interview?.on && interview.on < birthDate) after('after_interview', 'The birth date is after a recorded identification interview.');
  if (opened?.at && latestDayOf(new Date(opened.at)) < birthDate)
    after('after_case_opened', 'The birth date is after her case was opened.');
  return errors;
}
