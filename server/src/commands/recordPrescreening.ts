import { PRESCREENING_QUESTIONS, PRESCREENING_SUGGESTS, type PrescreeningQuestion } from '@seamless/contracts';
import { recordAudit } from '../audit/record.js';
import { prescreenings } from '../db/schema/index.js';
import type { CaseContext } from '../http/caseContext.js';
import { recordCaseEvent } from './recordCaseEvent.js';
import { assertCaseOpen, refuse } from './recordInterview.js';

type Answer = 'yes' | 'no' | 'unknown';

const isQuestion = (key: string): key is PrescreeningQuestion => (PRESCREENING_QUESTIONS as readonly string[]).includes(key);

/** Any "yes" to a question that suggests an indicator of trafficking calls for the full interview. */
export function prescreeningOutcome(answers: Partial<Record<PrescreeningQuestion, Answer>>) {
  const indicated = Object.entries(answers).some(
    ([question, answer]) => answer === 'yes' && PRESCREENING_SUGGESTS[question as PrescreeningQuestion].length > 0,
  );
  return indicated ? 'refer_to_identification' : 'no_indication';
}

export type RecordPrescreeningProps = { context: CaseContext; answers: Record<string, Answer> };

/** Records the short checklist run before the identification interview and what it points to. */
export async function recordPrescreening({ context, answers }: RecordPrescreeningProps) {
  const { tx, actor, view, audit } = context;
  assertCaseOpen(view);
  const keys = Object.keys(answers);
  const unknown = keys.filter((key) => !isQuestion(key));
  if (unknown.length) {
    throw refuse(
      422,
      unknown.map((key) => ({ path: `answers.${key}`, code: 'unknown_question', message: 'Not a pre-screening question.' })),
    );
  }
  if (!keys.length) throw refuse(422, [{ path: 'answers', code: 'required', message: 'Answer at least one question.' }]);
  const outcome = prescreeningOutcome(answers);
  const [row] = await tx
    .insert(prescreenings)
    .values({ caseId: view.kase.id, answers, outcome, conductedBy: actor.userId, agencyId: actor.agencyId })
    .returning();
  await recordCaseEvent(tx, actor, view.kase.id, 'prescreening.recorded', { prescreeningId: row!.id, outcome });
  await recordAudit(tx, audit, {
    action: 'case.identification',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: { prescreeningId: row!.id, outcome },
  });
  return row!;
}
