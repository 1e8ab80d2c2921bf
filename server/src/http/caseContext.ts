import type { FastifyRequest } from 'fastify';
import { noteDeniedRead } from '../audit/deniedReads.js';
import type { AuditContext } from '../audit/record.js';
import { asActor } from '../db/actorContext.js';
import type { Db, Tx } from '../db/client.js';
import { type CaseView, loadCaseView } from '../db/visibleCases.js';
import { type Actor, dbActorOf } from '../policies/actor.js';
import { type CaseAction, canCase } from '../policies/case.js';
import { actorOf, auditContextOf } from './context.js';
import { forbidden, notFound } from './problem.js';

export type CaseContext = { tx: Tx; actor: Actor; view: CaseView; audit: AuditContext };

/**
 * The one way a route works on a case: as the actor under row-level security, with the case
 * loaded as the actor may see it. A case the actor cannot see is 404 (its existence is not
 * revealed); a case they see but may not act on this way is 403. Both refusals are audited.
 * With `detail`, the case comes with the parts its page shows (see `loadCaseView`).
 */
export async function withCase<T>(
  db: Db,
  request: FastifyRequest,
  caseId: string,
  action: CaseAction,
  work: (context: CaseContext) => Promise<T>,
  { detail = false } = {},
): Promise<T> {
  const actor = actorOf(request);
  const audit = auditContextOf(request);
  const refused = (status: 403 | 404) => {
    noteDeniedRead(db, audit, caseId, status);
    return status === 404 ? notFound() : forbidden();
  };
  if (!canCase(actor, 'list')) throw refused(403);
  return asActor(db, dbActorOf(actor), async (tx) => {
    const view = await loadCaseView(tx, actor, caseId, { detail });
    if (!view || !canCase(actor, 'read', view.involvement)) throw refused(404);
    if (!canCase(actor, action, view.involvement)) throw refused(403);
    return work({ tx, actor, view, audit });
  });
}
