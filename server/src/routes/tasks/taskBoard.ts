import { taskBoardQuerySchema, taskBoardSchema } from '@seamless/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { asActor } from '../../db/actorContext.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { forbidden } from '../../http/problem.js';
import { dbActorOf } from '../../policies/actor.js';
import { canCase } from '../../policies/case.js';
import { loadTaskBoard } from '../../tasks/taskBoard.js';

/** The task board: the personal or team worklist, one card per case. */
export function taskBoardRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/tasks/board',
    { schema: { tags: ['tasks'], querystring: taskBoardQuerySchema, response: { 200: taskBoardSchema } } },
    async (request) => {
      const actor = actorOf(request);
      if (!canCase(actor, 'list')) throw forbidden();
      return asActor(database.db, dbActorOf(actor), async (tx) => {
        const board = await loadTaskBoard(tx, actor, keyRing, request.query, new Date());
        // The cards name people (or their pseudonyms): a read of the caseload like the case list.
        await recordAudit(tx, auditContextOf(request), {
          action: 'case.list',
          resourceType: 'case',
          details: { view: 'task_board', caseIds: board.groups.map((group) => group.caseId) },
        });
        return board;
      });
    },
  );
}
