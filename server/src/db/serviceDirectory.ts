import { TZDate } from '@date-fns/tz';
import {
  CONTACT_VERIFICATION_DAYS,
  COUNTRY_TIME_ZONES,
  type DirectoryContact,
  type DirectoryOrganisation,
  type DirectorySearch,
  type DirectoryService,
  type UnverifiedContact,
} from '@seamless/contracts';
import { differenceInCalendarDays, format, subDays } from 'date-fns';
import { and, asc, count, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { localToday } from '../followUp/schedule.js';
import { likePattern } from '../http/listing.js';
import type { Tx } from './client.js';
import { directoryContacts, directoryOrganisations, directoryServices } from './schema/index.js';

type OrganisationRow = typeof directoryOrganisations.$inferSelect;
type ServiceRow = typeof directoryServices.$inferSelect;
type ContactRow = typeof directoryContacts.$inferSelect & { verifiedByName: string | null };

/**
 * The form free text is matched in: Latin diacritics dropped (Nguyễn = nguyen, Đà = da), lower
 * case, spaces collapsed. Thai, Khmer, Lao and Burmese marks are not diacritics there and stay.
 */
export function normaliseSearchText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

type Text = string | null | undefined;
export const organisationSearchText = (row: { name: string; localName?: Text; province?: Text; district?: Text }) =>
  normaliseSearchText(row.name, row.localName, row.province, row.district);
export const serviceSearchText = (row: { description: string; localDescription?: Text }) =>
  normaliseSearchText(row.description, row.localDescription);
export const contactSearchText = (row: { name: string; position?: Text }) => normaliseSearchText(row.name, row.position);

/** The last verification day that is still recent enough on `today` (YYYY-MM-DD). */
export const oldestCurrentVerification = (today: string) =>
  format(subDays(new Date(`${today}T00:00:00`), CONTACT_VERIFICATION_DAYS - 1), 'yyyy-MM-dd');

/** Never verified, or last verified CONTACT_VERIFICATION_DAYS or more days before today in the country's zone. */
export function needsVerification(lastVerifiedOn: string | null, countryCode: string, now: Date): boolean {
  if (!lastVerifiedOn) return true;
  const today = localToday(countryCode, now);
  return differenceInCalendarDays(new Date(`${today}T00:00:00`), new Date(`${lastVerifiedOn}T00:00:00`)) >= CONTACT_VERIFICATION_DAYS;
}

/** The same rule in SQL, each organisation's "today" taken in its own country's zone. */
function contactNeedsVerificationSql(now: Date): SQL {
  const cutoffs = Object.keys(COUNTRY_TIME_ZONES).map(
    (country) => sql`when ${country} then ${oldestCurrentVerification(localToday(country, now))}::date`,
  );
  const utcCutoff = oldestCurrentVerification(format(new TZDate(now, 'UTC'), 'yyyy-MM-dd'));
  return sql`(${directoryContacts.lastVerifiedOn} is null or ${directoryContacts.lastVerifiedOn} < case ${directoryOrganisations.countryCode} ${sql.join(cutoffs, sql` `)} else ${utcCutoff}::date end)`;
}

/** Services matching the search's service filters (area, place, person); undefined when none are set. */
function serviceFilter(search: Omit<DirectorySearch, 'page' | 'pageSize'>): SQL | undefined {
  const conditions: SQL[] = [];
  if (search.serviceArea) conditions.push(eq(directoryServices.serviceArea, search.serviceArea));
  if (search.province) {
    conditions.push(
      sql`(lower(${directoryOrganisations.province}) = lower(${search.province}) or exists (select 1 from unnest(${directoryServices.coverageProvinces}) p where lower(p) = lower(${search.province})))`,
    );
  }
  if (search.sex)
    conditions.push(sql`(cardinality(${directoryServices.targetSexes}) = 0 or ${search.sex} = any(${directoryServices.targetSexes}))`);
  if (search.age !== undefined) {
    conditions.push(sql`(${directoryServices.minAge} is null or ${directoryServices.minAge} <= ${search.age})`);
    conditions.push(sql`(${directoryServices.maxAge} is null or ${directoryServices.maxAge} >= ${search.age})`);
  }
  if (search.nationality) {
    conditions.push(
      sql`(cardinality(${directoryServices.nationalities}) = 0 or ${search.nationality} = any(${directoryServices.nationalities}))`,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** Organisations matching a directory search, ordered by name; the filter is one SQL condition. */
function searchCondition(search: Omit<DirectorySearch, 'page' | 'pageSize'>, now: Date): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (!search.includeInactive) conditions.push(eq(directoryOrganisations.active, true));
  if (search.countryCode) conditions.push(eq(directoryOrganisations.countryCode, search.countryCode));
  const text = search.q ? normaliseSearchText(search.q) : '';
  if (text) {
    const pattern = likePattern(text);
    conditions.push(
      or(
        sql`${directoryOrganisations.searchText} like ${pattern}`,
        sql`exists (select 1 from ${directoryServices} where ${directoryServices.organisationId} = ${directoryOrganisations.id} and ${directoryServices.active} and ${directoryServices.searchText} like ${pattern})`,
        sql`exists (select 1 from ${directoryContacts} where ${directoryContacts.organisationId} = ${directoryOrganisations.id} and ${directoryContacts.searchText} like ${pattern})`,
      ),
    );
  }
  const services = serviceFilter(search);
  if (services) {
    conditions.push(
      sql`exists (select 1 from ${directoryServices} where ${directoryServices.organisationId} = ${directoryOrganisations.id} and ${directoryServices.active} and ${services})`,
    );
  }
  if (search.language) {
    conditions.push(
      or(
        sql`${search.language} = any(${directoryOrganisations.languages})`,
        sql`exists (select 1 from ${directoryServices} where ${directoryServices.organisationId} = ${directoryOrganisations.id} and ${directoryServices.active} and ${search.language} = any(${directoryServices.languages}))`,
        sql`exists (select 1 from ${directoryContacts} where ${directoryContacts.organisationId} = ${directoryOrganisations.id} and ${search.language} = any(${directoryContacts.languages}))`,
      ),
    );
  }
  if (search.needsVerification) {
    conditions.push(
      sql`exists (select 1 from ${directoryContacts} where ${directoryContacts.organisationId} = ${directoryOrganisations.id} and ${contactNeedsVerificationSql(now)})`,
    );
  }
  return and(...conditions);
}

export async function searchDirectory(
  tx: Tx,
  search: Omit<DirectorySearch, 'page' | 'pageSize'>,
  now: Date,
  paging: { limit: number; offset: number },
) {
  const where = searchCondition(search, now);
  const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(directoryOrganisations).where(where);
  const rows = await tx
    .select()
    .from(directoryOrganisations)
    .where(where)
    .orderBy(asc(directoryOrganisations.name), asc(directoryOrganisations.id))
    .limit(paging.limit)
    .offset(paging.offset);
  return { total, rows };
}

/** Services and contacts of the given organisations, grouped by organisation. */
export async function partsOf(tx: Tx, organisationIds: string[], options: { includeInactiveServices: boolean }) {
  const services = new Map<string, ServiceRow[]>();
  const contacts = new Map<string, ContactRow[]>();
  if (!organisationIds.length) return { services, contacts };
  const serviceRows = await tx
    .select()
    .from(directoryServices)
    .where(
      and(
        inArray(directoryServices.organisationId, organisationIds),
        options.includeInactiveServices ? undefined : eq(directoryServices.active, true),
      ),
    )
    .orderBy(asc(directoryServices.serviceArea), asc(directoryServices.createdAt));
  const contactRows = await tx
    .select({
      contact: directoryContacts,
      verifiedByName: sql<string | null>`app_user_display_name(${directoryContacts.verifiedBy})`,
    })
    .from(directoryContacts)
    .where(inArray(directoryContacts.organisationId, organisationIds))
    .orderBy(asc(directoryContacts.name), asc(directoryContacts.id));
  for (const row of serviceRows) services.set(row.organisationId, [...(services.get(row.organisationId) ?? []), row]);
  for (const { contact, verifiedByName } of contactRows) {
    contacts.set(contact.organisationId, [...(contacts.get(contact.organisationId) ?? []), { ...contact, verifiedByName }]);
  }
  return { services, contacts };
}

export function presentService(row: ServiceRow): DirectoryService {
  return {
    id: row.id,
    organisationId: row.organisationId,
    serviceArea: row.serviceArea,
    description: row.description,
    localDescription: row.localDescription,
    coverageProvinces: row.coverageProvinces,
    coverageDistricts: row.coverageDistricts,
    targetSexes: row.targetSexes,
    minAge: row.minAge,
    maxAge: row.maxAge,
    nationalities: row.nationalities,
    languages: row.languages,
    hours: row.hours,
    capacityNote: row.capacityNote,
    costNote: row.costNote,
    active: row.active,
    version: row.version,
  };
}

export function presentContact(row: ContactRow, countryCode: string, now: Date): DirectoryContact {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    position: row.position,
    phone: row.phone,
    email: row.email,
    lineId: row.lineId,
    whatsapp: row.whatsapp,
    wechat: row.wechat,
    viber: row.viber,
    telegram: row.telegram,
    languages: row.languages,
    lastVerifiedOn: row.lastVerifiedOn,
    verifiedByName: row.verifiedByName,
    needsVerification: needsVerification(row.lastVerifiedOn, countryCode, now),
    version: row.version,
  };
}

export function presentOrganisation(
  row: OrganisationRow,
  parts: { services: ServiceRow[]; contacts: ContactRow[] },
  canUpdate: boolean,
  now: Date,
): DirectoryOrganisation {
  return {
    id: row.id,
    agencyId: row.agencyId,
    name: row.name,
    localName: row.localName,
    organisationType: row.organisationType,
    countryCode: row.countryCode,
    province: row.province,
    district: row.district,
    address: row.address,
    website: row.website,
    hours: row.hours,
    languages: row.languages,
    notes: row.notes,
    active: row.active,
    version: row.version,
    services: parts.services.map(presentService),
    contacts: parts.contacts.map((contact) => presentContact(contact, row.countryCode, now)),
    abilities: { update: canUpdate },
  };
}

/** Contacts due for checking, optionally of one agency's organisation only (what its keeper is reminded of). */
export async function unverifiedContacts(tx: Tx, now: Date, options: { agencyId?: string } = {}): Promise<UnverifiedContact[]> {
  const rows = await tx
    .select({
      id: directoryContacts.id,
      organisationId: directoryOrganisations.id,
      organisationName: directoryOrganisations.name,
      organisationAgencyId: directoryOrganisations.agencyId,
      name: directoryContacts.name,
      lastVerifiedOn: directoryContacts.lastVerifiedOn,
    })
    .from(directoryContacts)
    .innerJoin(directoryOrganisations, eq(directoryOrganisations.id, directoryContacts.organisationId))
    .where(
      and(
        eq(directoryOrganisations.active, true),
        contactNeedsVerificationSql(now),
        options.agencyId ? eq(directoryOrganisations.agencyId, options.agencyId) : undefined,
      ),
    )
    .orderBy(sql`${directoryContacts.lastVerifiedOn} asc nulls first`, asc(directoryContacts.id));
  return rows;
}
