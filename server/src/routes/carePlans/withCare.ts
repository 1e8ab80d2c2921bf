import type { FastifyRequest } from 'fastify';
import { noteDeniedRead } from '../../audit/deniedReads.js';
import type { Db } from '../../db/client.js';
import { type CaseContext, withCase } from '../../http/caseContext.js';
import { forbidden } from '../../http/problem.js';
import { type CareAction, canCare } from '../../policies/care.js';

/**
 * A case's `care` section: the case as the actor may see it, then the care rule (role and the
 * agency's section). A case seen without the section answers 403, audited like other refusals.
 */
export function withCare<T>(
  db: Db,
  request: FastifyRequest,
  caseId: string,
  action: CareAction,
  work: (context: CaseContext) => Promise<T>,
) {
  return withCase(db, request, caseId, 'read', async (context) => {
    if (!canCare(context.actor, action, context.view.involvement)) {
      noteDeniedRead(db, context.audit, caseId, 403);
      throw forbidden();
    }
    return work(context);
  });
}
