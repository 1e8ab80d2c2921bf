import type { IdentificationProgress } from '@seamless/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { cases, identificationInterviews, personContacts, personDocuments, personNames, persons, prescreenings } from './schema/index.js';

/** A person's names, documents and contacts, as stored (encrypted), oldest first. */
export type IdentityParts = {
  names: { id: string; kind: string; nameEnc: string }[];
  documents: { id: string; documentType: string; numberEnc: string; issuingCountry: string | null; expiresOn: string | null }[];
  contacts: { id: string; kind: string; valueEnc: string }[];
};

/** What the case page reads beside the case itself, as one column of the case's own select. */
export type CaseDetailParts = { identificationProgress: IdentificationProgress; identity: IdentityParts | null };

/**
 * A person's names, documents and contacts as one json value: row-level security decides which
 * rows of each the actor reads.
 */
export const identityPartsSql = (personId: AnyPgColumn | string): SQL<IdentityParts> => sql<IdentityParts>`json_build_object(
  'names', (select coalesce(json_agg(json_build_object('id', n.id, 'kind', n.kind, 'nameEnc', n.name_enc) order by n.created_at), '[]')
    from ${personNames} n where n.person_id = ${personId}),
  'documents', (select coalesce(json_agg(json_build_object('id', d.id, 'documentType', d.document_type, 'numberEnc', d.number_enc,
      'issuingCountry', d.issuing_country, 'expiresOn', d.expires_on) order by d.created_at), '[]')
    from ${personDocuments} d where d.person_id = ${personId}),
  'contacts', (select coalesce(json_agg(json_build_object('id', k.id, 'kind', k.kind, 'valueEnc', k.value_enc) order by k.created_at), '[]')
    from ${personContacts} k where k.person_id = ${personId}))`;

/**
 * How far identification has gone on the case, under the reader's row-level security: the journey
 * on the case page needs only this, not the records, so nothing of them is read or decrypted.
 */
const identificationProgressSql = sql<IdentificationProgress>`case
  when exists (select 1 from ${identificationInterviews} i where i.case_id = ${cases.id} and i.status = 'completed') then 'interviewed'
  when exists (select 1 from ${identificationInterviews} i where i.case_id = ${cases.id}) then 'interviewing'
  when exists (select 1 from ${prescreenings} s where s.case_id = ${cases.id}) then 'prescreened'
  else 'none' end`;

/**
 * The case page's parts for a select over cases ⋈ persons, so a case read is one statement. The
 * identity parts are read only for a role that reads identity at all; whether its agency's
 * involvement opens them on this case is decided after the row, and row-level security keeps
 * every row the agency may not read out of them either way.
 */
export const caseDetailPartsSql = (roleReadsIdentity: boolean) =>
  sql<CaseDetailParts>`json_build_object('identificationProgress', ${identificationProgressSql},
    'identity', ${roleReadsIdentity ? identityPartsSql(persons.id) : sql`null`})`;
