import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc } from 'drizzle-orm';
import type { AppDeps } from '../app.js';
import { asActor } from '../db/actorContext.js';
import { countries } from '../db/schema/index.js';
import { actorOf } from '../http/context.js';
import { dbActorOf } from '../policies/actor.js';
import { countriesSchema } from './admin/schema.js';

export function directoryRoutes(app: FastifyInstance, { database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/countries', { schema: countriesSchema }, async (request) => {
    const rows = await asActor(database.db, dbActorOf(actorOf(request)), (tx) => tx.select().from(countries).orderBy(asc(countries.code)));
    return { items: rows };
  });
}
