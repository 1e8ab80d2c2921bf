import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app.js';
import { AppError } from '../http/problem.js';

export function healthRoutes(app: FastifyInstance, { database }: AppDeps) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async () => {
    try {
      await database.db.execute(sql`select 1`);
    } catch {
      throw new AppError(503 as number, 'internal_error', 'The database is not reachable.');
    }
    return { status: 'ready', database: database.kind };
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { stages: 'public' } }, async () => app.swagger());
}
