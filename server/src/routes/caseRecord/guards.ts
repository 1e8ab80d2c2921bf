import type { RecordSection } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cases } from '../../db/schema/index.js';
import type { CaseView } from '../../db/visibleCases.js';
import { AppError, fieldError } from '../../http/problem.js';
import type { Actor } from '../../policies/actor.js';
import { type CaseInvolvement, canReadSection, holdsCaseSection, readableSections } from '../../policies/case.js';

const CLOSED_STATUSES = ['Closed', 'ClosedReferred'];

/** A closed case's record is what it was when it closed; reopening it is the way to add more. */
export function assertOpen(view: CaseView) {
  if (CLOSED_STATUSES.includes(view.kase.status)) {
    throw new AppError(409, 'case_closed', 'The case is closed; reopen it to add to its record.');
  }
}

/**
 * `general` is the part of the record every agency holding some section sees (a pseudonym-only
 * agency reads no free text, which may carry a name); a need-to-know section takes the right to read it.
 */
export const mayReadRecordSection = (actor: Actor, section: RecordSection, involvement: CaseInvolvement) =>
  section === 'general' ? holdsCaseSection(involvement) : canReadSection(actor, section, involvement);

export const readableRecordSections = (actor: Actor, involvement: CaseInvolvement): RecordSection[] => [
  ...(holdsCaseSection(involvement) ? (['general'] as const) : []),
  ...readableSections(actor, involvement),
];

/** A section is written by those who work in it: whoever cannot read it cannot see what they would be adding to. */
export function assertMayWriteSection(actor: Actor, section: RecordSection, involvement: CaseInvolvement) {
  if (!mayReadRecordSection(actor, section, involvement)) {
    throw fieldError(403, 'forbidden', 'section', 'Only those who may read this section may add to it.');
  }
}

/** A change to the record moves the case up in "recently updated" lists. */
export async function touchCase(tx: Tx, caseId: string) {
  await tx.update(cases).set({ updatedAt: new Date() }).where(eq(cases.id, caseId));
}
