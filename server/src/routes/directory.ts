import { agencyDirectoryEntrySchema } from '@seamless/contracts';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { asActor } from '../db/actorContext.js';
import { agencies, countries } from '../db/schema/index.js';
import { actorOf } from '../http/context.js';
import { dbActorOf } from '../policies/actor.js';
import { countriesSchema } from './admin/schema.js';

export function directoryRoutes(app: FastifyInstance, { database }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/countries', { schema: countriesSchema }, async (request) => {
    const rows = await asActor(database.db, dbActorOf(actorOf(request)), (tx) => tx.select().from(countries).orderBy(asc(countries.code)));
    return { items: rows };
  });

  // Organisational details only (names, function, province): what a referral or decision picker needs.
  api.get(
    '/api/agencies',
    { schema: { tags: ['directory'], response: { 200: z.object({ items: z.array(agencyDirectoryEntrySchema) }) } } },
    async (request) => {
      const rows = await asActor(database.db, dbActorOf(actorOf(request)), (tx) =>
        tx
          .select({
            id: agencies.id,
            name: agencies.name,
            localName: agencies.localName,
            acronym: agencies.acronym,
            agencyFunction: agencies.agencyFunction,
            countryCode: agencies.countryCode,
            province: agencies.province,
          })
          .from(agencies)
          .where(eq(agencies.active, true))
          .orderBy(asc(agencies.name)),
      );
      return { items: rows };
    },
  );
}
