import type { FormDefinition, LookupList } from '@seamless/contracts';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { changedFields, recordAudit } from '../../audit/record.js';
import { asActor } from '../../db/actorContext.js';
import { agencies, formConfigurations, lookupLists } from '../../db/schema/index.js';
import { lockVersion, saveVersion } from '../../db/versioned.js';
import { loadForms } from '../../forms/formConfiguration.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { conflict, fieldError, forbidden } from '../../http/problem.js';
import { dbActorOf, has } from '../../policies/actor.js';
import { activeFormSchema, formListSchema, formPutSchema, lookupListsSchema, lookupPutSchema } from './schema.js';

type FormRow = typeof formConfigurations.$inferSelect;
type ListRow = typeof lookupLists.$inferSelect;

const presentForm = (row: FormRow) => ({
  id: row.id,
  countryCode: row.countryCode,
  agencyId: row.agencyId,
  form: row.form as FormDefinition['form'],
  definition: row.definition as unknown as FormDefinition,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});
const presentList = (row: ListRow) => ({
  id: row.id,
  countryCode: row.countryCode,
  key: row.listKey,
  labels: row.labels as LookupList['labels'],
  values: row.values as LookupList['values'],
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

/**
 * Country forms and picklists as data (DESIGN.md §3): every signed-in user reads the forms of
 * their country and agency; form administrators change them without a code change.
 */
export function formRoutes(app: FastifyInstance, { database }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/forms/:form', { schema: activeFormSchema }, async (request) => {
    const actor = actorOf(request);
    return asActor(db, dbActorOf(actor), (tx) => loadForms(tx, actor.countryCode, actor.agencyId, [request.params.form]));
  });

  api.get('/api/admin/forms', { schema: formListSchema }, async (request) => {
    const actor = actorOf(request);
    if (!has(actor, 'admin:forms')) throw forbidden();
    const { countryCode } = request.query;
    const rows = await asActor(db, dbActorOf(actor), (tx) =>
      tx
        .select()
        .from(formConfigurations)
        .where(countryCode ? eq(formConfigurations.countryCode, countryCode) : undefined)
        .orderBy(asc(formConfigurations.countryCode), asc(formConfigurations.form)),
    );
    return { items: rows.map(presentForm) };
  });

  api.put('/api/admin/forms/:countryCode/:form', { schema: formPutSchema }, async (request) => {
    const actor = actorOf(request);
    if (!has(actor, 'admin:forms')) throw forbidden();
    const { countryCode, form } = request.params;
    const { definition, agencyId, version } = request.body;
    if (definition.form !== form) throw fieldError(422, 'validation_failed', 'definition.form', `This is the ${form} form.`);
    const row = await asActor(db, dbActorOf(actor), async (tx) => {
      if (agencyId) {
        const [agency] = await tx.select({ countryCode: agencies.countryCode }).from(agencies).where(eq(agencies.id, agencyId));
        if (agency?.countryCode !== countryCode) throw fieldError(422, 'invalid_reference', 'agencyId', 'No such agency in this country.');
      }
      const lists = new Set(
        (await tx.select({ key: lookupLists.listKey }).from(lookupLists).where(eq(lookupLists.countryCode, countryCode))).map(
          (list) => list.key,
        ),
      );
      for (const [g, group] of definition.groups.entries()) {
        for (const [f, field] of group.fields.entries()) {
          if (field.lookup && !lists.has(field.lookup)) {
            throw fieldError(
              422,
              'invalid_reference',
              `definition.groups.${g}.fields.${f}.lookup`,
              `No lookup list "${field.lookup}" in ${countryCode}.`,
            );
          }
        }
      }
      const scope = and(
        eq(formConfigurations.countryCode, countryCode),
        eq(formConfigurations.form, form),
        agencyId ? eq(formConfigurations.agencyId, agencyId) : isNull(formConfigurations.agencyId),
      );
      const [existing] = await tx.select({ id: formConfigurations.id }).from(formConfigurations).where(scope);
      let saved: FormRow;
      if (!existing) {
        if (version !== 0) throw conflict(undefined, { version: 0, updatedAt: null });
        [saved] = (await tx
          .insert(formConfigurations)
          .values({ countryCode, agencyId, form, definition, updatedBy: actor.userId })
          .returning()) as [FormRow];
      } else {
        const current = await lockVersion(tx, formConfigurations, existing.id, version);
        saved = await saveVersion(tx, formConfigurations, current, { definition, updatedBy: actor.userId });
      }
      await recordAudit(tx, auditContextOf(request), {
        action: 'form.update',
        resourceType: 'form_configuration',
        resourceId: saved.id,
        details: { countryCode, form, agencyId, version: saved.version },
      });
      return saved;
    });
    return presentForm(row);
  });

  api.get('/api/admin/lookups', { schema: lookupListsSchema }, async (request) => {
    const actor = actorOf(request);
    if (!has(actor, 'admin:forms')) throw forbidden();
    const { countryCode } = request.query;
    const rows = await asActor(db, dbActorOf(actor), (tx) =>
      tx
        .select()
        .from(lookupLists)
        .where(countryCode ? eq(lookupLists.countryCode, countryCode) : undefined)
        .orderBy(asc(lookupLists.countryCode), asc(lookupLists.listKey)),
    );
    return { items: rows.map(presentList) };
  });

  api.put('/api/admin/lookups/:countryCode/:listKey', { schema: lookupPutSchema }, async (request) => {
    const actor = actorOf(request);
    if (!has(actor, 'admin:forms')) throw forbidden();
    const { countryCode, listKey } = request.params;
    const { labels, values, version } = request.body;
    const seen = new Set<string>();
    values.forEach((entry, i) => {
      if (seen.has(entry.value)) throw fieldError(422, 'validation_failed', `values.${i}.value`, `"${entry.value}" is listed twice.`);
      seen.add(entry.value);
    });
    const row = await asActor(db, dbActorOf(actor), async (tx) => {
      const [existing] = await tx
        .select()
        .from(lookupLists)
        .where(and(eq(lookupLists.countryCode, countryCode), eq(lookupLists.listKey, listKey)));
      let saved: ListRow;
      if (!existing) {
        if (version !== 0) throw conflict(undefined, { version: 0, updatedAt: null });
        [saved] = (await tx.insert(lookupLists).values({ countryCode, listKey, labels, values, updatedBy: actor.userId }).returning()) as [
          ListRow,
        ];
      } else {
        const current = await lockVersion(tx, lookupLists, existing.id, version);
        // Stored answers keep their meaning: a value can be deactivated, never removed.
        const removed = current.values.filter((old) => !seen.has(old.value)).map((old) => old.value);
        if (removed.length)
          throw fieldError(422, 'validation_failed', 'values', `Deactivate values instead of removing them: ${removed.join(', ')}.`);
        saved = await saveVersion(tx, lookupLists, current, { labels, values, updatedBy: actor.userId });
      }
      await recordAudit(tx, auditContextOf(request), {
        action: 'lookup.update',
        resourceType: 'lookup_list',
        resourceId: saved.id,
        details: { countryCode, listKey, changes: changedFields(existing ?? {}, { labels, values }) },
      });
      return saved;
    });
    return presentList(row);
  });
}
