import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { KeyRing } from '../src/crypto/keyRing.js';
import { asSystem } from '../src/db/actorContext.js';
import { placeOf } from '../src/db/cipherPlace.js';
import { type Db, rowsOf } from '../src/db/client.js';
import { cases, personContacts, personDocuments, personNames, persons } from '../src/db/schema/index.js';
import { registerRawFigureRoute } from './rawFigureRoute.js';

/** Who the bare routes audit as: the bench's caseworker, fixed once the population is loaded. */
export type RawReader = { userId: string; username: string; agencyId: string; sections: readonly string[] };

/** The caseload filters the case-list bench sends to both routes. */
export type RawListQuery = { page: number; pageSize: number; status: string[]; nationality: string[] };

type Json = Record<string, any>;

/**
 * The case read as a careful engineer would write it by hand, with none of the product's layers:
 * one select for the case, its person, agencies, owner, victim context, overdue flag, names,
 * documents, contacts and identification progress; the same audit_append call; the identity
 * decrypted with the same key ring calls. No session, no row-level security, no policies.
 */
export const RAW_CASE_PATH = '/bench/raw/cases';

async function readCase(db: Db, keyRing: KeyRing, reader: RawReader, caseId: string, requestId: string) {
  return asSystem(db, async (tx) => {
    const [row] = rowsOf<Json>(
      await tx.execute(sql`
        select to_jsonb(c) as kase, to_jsonb(p) as person, to_jsonb(v) as victim_context,
          a.name as owner_agency_name, ia.name as intake_agency_name, u.display_name as owner_user_name,
          exists (select 1 from case_tasks t where t.case_id = c.id and t.done_at is null and t.due_on < current_date) as overdue,
          (select coalesce(jsonb_agg(jsonb_build_object('id', n.id, 'kind', n.kind, 'name_enc', n.name_enc) order by n.created_at), '[]')
            from person_names n where n.person_id = p.id) as names,
          (select coalesce(jsonb_agg(jsonb_build_object('id', d.id, 'document_type', d.document_type, 'number_enc', d.number_enc,
              'issuing_country', d.issuing_country, 'expires_on', d.expires_on) order by d.created_at), '[]')
            from person_documents d where d.person_id = p.id) as documents,
          (select coalesce(jsonb_agg(jsonb_build_object('id', k.id, 'kind', k.kind, 'value_enc', k.value_enc) order by k.created_at), '[]')
            from person_contacts k where k.person_id = p.id) as contacts,
          (select count(*) filter (where i.status = 'completed') from identification_interviews i where i.case_id = c.id) as interviewed,
          exists (select 1 from prescreenings s where s.case_id = c.id) as prescreened
        from cases c join persons p on p.id = c.person_id join agencies a on a.id = c.owner_agency_id
          left join agencies ia on ia.id = c.intake_by_agency_id left join users u on u.id = c.owner_user_id
          left join victim_contexts v on v.case_id = c.id
        where c.id = ${caseId}`),
    );
    if (!row) return null;
    await tx.execute(sql`select audit_append('case.read', ${reader.userId}::uuid, ${reader.username}, ${reader.agencyId}::uuid,
      'case', ${caseId}, 'success', ${requestId}, ${JSON.stringify({ sections: reader.sections, involvement: 'owner' })}::jsonb)`);
    const person = row.person as Json;
    const decrypt = (value: string | null, column: Parameters<typeof placeOf>[0], id: string) =>
      keyRing.decrypt(value, placeOf(column, id));
    return {
      ...row,
      narrative: decrypt(row.kase.intake_narrative_enc, cases.intakeNarrativeEnc, caseId),
      identity: {
        givenName: decrypt(person.given_name_enc, persons.givenNameEnc, person.id),
        familyName: decrypt(person.family_name_enc, persons.familyNameEnc, person.id),
        nameAsWritten: decrypt(person.name_as_written_enc, persons.nameAsWrittenEnc, person.id),
        birthDate: decrypt(person.birth_date_enc, persons.birthDateEnc, person.id),
        address: decrypt(person.address_enc, persons.addressEnc, person.id),
        aliases: (row.names as Json[]).map((name) => decrypt(name.name_enc, personNames.nameEnc, name.id)),
        documents: (row.documents as Json[]).map((document) => ({
          ...document,
          number: decrypt(document.number_enc, personDocuments.numberEnc, document.id),
        })),
        contacts: (row.contacts as Json[]).map((contact) => ({
          ...contact,
          value: decrypt(contact.value_enc, personContacts.valueEnc, contact.id),
        })),
      },
    };
  });
}

/**
 * A caseload page by hand: the owner agency's cases through the same filters (not merged,
 * status, nationality), newest first, with the columns the list shows and the romanised name
 * decrypted. The page's ids are chosen and the filter's total counted in one pass (a window
 * count), then only the page's rows are joined to their names and flags, in the same select; a
 * page past the end has no row to carry the total, so only then is it counted in a second
 * select. The same audit_append call with the page's case ids.
 */
async function listCases(db: Db, keyRing: KeyRing, reader: RawReader, query: RawListQuery, requestId: string) {
  return asSystem(db, async (tx) => {
    const filter = sql`c.owner_agency_id = ${reader.agencyId} and p.merged_into_id is null
      and c.status = any(${`{${query.status.join(',')}}`}::text[]) and p.citizenship && ${`{${query.nationality.join(',')}}`}::text[]`;
    const offset = (query.page - 1) * query.pageSize;
    const items = rowsOf<Json>(
      await tx.execute(sql`
        with page as (
          select c.id, count(*) over () as total from cases c join persons p on p.id = c.person_id
          where ${filter} order by c.updated_at desc, c.id limit ${query.pageSize} offset ${offset})
        select c.id, c.reference, c.status, c.stage, c.trafficking_status, c.urgency, c.owner_agency_id, c.owner_user_id,
          c.age_at_intake, c.returning_person, c.identification_due_on, c.opened_at, c.updated_at,
          p.id as person_id, p.pseudonym, p.gender, p.citizenship, p.given_name_enc, p.family_name_enc,
          a.name as owner_agency_name, u.display_name as owner_user_name, v.exploitation_types, v.age_when_trafficked,
          exists (select 1 from case_tasks t where t.case_id = c.id and t.done_at is null and t.due_on < current_date) as overdue,
          page.total::int as total
        from page join cases c on c.id = page.id join persons p on p.id = c.person_id join agencies a on a.id = c.owner_agency_id
          left join users u on u.id = c.owner_user_id left join victim_contexts v on v.case_id = c.id
        order by c.updated_at desc, c.id`),
    );
    const total = items[0]
      ? (items[0].total as number)
      : offset
        ? (rowsOf<{ total: number }>(
            await tx.execute(sql`select count(*)::int as total from cases c join persons p on p.id = c.person_id where ${filter}`),
          )[0]?.total ?? 0)
        : 0;
    await tx.execute(sql`select audit_append('case.list', ${reader.userId}::uuid, ${reader.username}, ${reader.agencyId}::uuid,
      'case', null, 'success', ${requestId}, ${JSON.stringify({ caseIds: items.map((item) => item.id) })}::jsonb)`);
    return {
      items: items.map(({ given_name_enc, family_name_enc, total: _total, ...item }) => ({
        ...item,
        displayName: [
          keyRing.decrypt(given_name_enc, placeOf(persons.givenNameEnc, item.person_id)),
          keyRing.decrypt(family_name_enc, placeOf(persons.familyNameEnc, item.person_id)),
        ]
          .filter(Boolean)
          .join(' '),
      })),
      total,
    };
  });
}

const listOf = (value: unknown) => (typeof value === 'string' ? value.split(',').filter(Boolean) : []);

/**
 * The bare routes the HTTP benchmarks compare the product with, registered on the same server
 * outside /api/ (so no session, CSRF or rate limit applies): the same reads, audit and
 * decryption as GET /api/cases/{id} and GET /api/cases, and the count and audit of a figure
 * (rawFigureRoute.ts), written by hand.
 */
export function rawCaseRoutes() {
  let reader: RawReader | null = null;
  const readerOf = () => {
    if (!reader) throw new Error('The bare case routes read as nobody yet');
    return reader;
  };
  return {
    readAs(next: RawReader) {
      reader = next;
    },
    register(app: FastifyInstance, db: Db, keyRing: KeyRing) {
      app.get<{ Params: { id: string } }>(`${RAW_CASE_PATH}/:id`, async (request, reply) => {
        const found = await readCase(db, keyRing, readerOf(), request.params.id, request.id);
        return found ?? reply.code(404).send();
      });
      app.get<{ Querystring: Record<string, string> }>(RAW_CASE_PATH, async (request) =>
        listCases(
          db,
          keyRing,
          readerOf(),
          {
            page: Number(request.query.page ?? 1),
            pageSize: Number(request.query.pageSize ?? 50),
            status: listOf(request.query.status),
            nationality: listOf(request.query.nationality),
          },
          request.id,
        ),
      );
      registerRawFigureRoute(app, db, readerOf);
    },
  };
}
