import { EXPLOITATION_TYPES, type ExploitationType, TRAFFICKING_STATUSES, type TraffickingStatus } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { cases } from '../db/schema/index.js';
import { AppError, forbidden } from '../http/problem.js';
import { type Actor, has } from '../policies/actor.js';
import { repatriationActions } from '../policies/repatriation.js';
import { attachToCase } from '../repatriation/files.js';
import { contentOf, lockRepatriation, saveRepatriation, standingOf } from '../repatriation/thread.js';
import { openCase } from './openCase.js';
import { recordCaseEvent } from './recordCaseEvent.js';

const known = <T extends string>(values: readonly T[], value: string | null | undefined): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

/**
 * After the handover, the receiving agency opens its own case from the request: the person as
 * sent, and the sending country's identification kept as the case's status, so she is not
 * interviewed again. Re-verifying is optional and recorded.
 */
export async function openRepatriatedCase(
  { tx, keyRing, actor, audit, now = new Date() }: { tx: Tx; keyRing: KeyRing; actor: Actor; audit: AuditContext; now?: Date },
  repatriationId: string,
  reverification: { reverified: boolean; reverificationNote?: string | null },
) {
  const row = await lockRepatriation(tx, repatriationId);
  const content = contentOf(keyRing, row);
  if (!has(actor, 'case:create')) throw forbidden();
  if (!repatriationActions(actor, await standingOf(tx, row, content)).includes('open_case')) {
    throw new AppError(409, 'conflict', 'The case opens once both sides have signed the handover, and only once.');
  }
  if (!content.person) throw new AppError(422, 'validation_failed', 'The request carried no identity to open a case with.');
  const identification = content.identification;
  const kase = await openCase({
    tx,
    keyRing,
    audit,
    agencyId: actor.agencyId,
    userId: actor.userId,
    countryCode: actor.countryCode,
    input: {
      person: content.person,
      victimContext: {
        recruitmentMethods: [],
        recruitmentApps: [],
        controlMethods: [],
        exploitationTypes: (identification?.exploitationForms ?? []).filter((form): form is ExploitationType =>
          known(EXPLOITATION_TYPES, form),
        ),
        forcedLabourIndustries: [],
        sexualExploitationTypes: [],
        relationshipsToTrafficker: [],
      },
      formAnswers: {},
    },
    mayLinkIdentity: false,
    now,
  });
  await attachToCase(tx, keyRing, actor, kase.id, content.attachments);
  const status = identification?.traffickingStatus;
  if (known<TraffickingStatus>(TRAFFICKING_STATUSES, status)) {
    await tx.update(cases).set({ traffickingStatus: status }).where(eq(cases.id, kase.id));
  }
  const reverified = { reverified: reverification.reverified, note: reverification.reverificationNote ?? null };
  await saveRepatriation(tx, keyRing, row, { status: row.status, content: { ...content, reverified }, caseId: kase.id });
  const details = {
    repatriationId: row.id,
    sendingCaseReference: row.sendingCaseReference,
    identifiedOn: identification?.identifiedOn ?? null,
    reverified: reverified.reverified,
  };
  await recordCaseEvent(tx, actor, kase.id, 'repatriation.opened_from', details);
  await recordAudit(tx, audit, {
    action: 'repatriation.case_opened',
    resourceType: 'repatriation',
    resourceId: row.id,
    details: { caseId: kase.id, ...details },
  });
  return kase.id;
}
