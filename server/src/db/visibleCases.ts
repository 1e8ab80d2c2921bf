import type { CaseListQuery, CaseSection } from '@seamless/contracts';
import { and, arrayOverlaps, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { type Actor, has } from '../policies/actor.js';
import type { CaseInvolvement } from '../policies/case.js';
import { type CaseDetailParts, caseDetailPartsSql } from './caseDetailParts.js';
import type { Tx } from './client.js';
import { preparedByText } from './preparedStatements.js';
import {
  agencies,
  breakGlassGrants,
  caseAccess,
  cases,
  caseTasks,
  personIdentityVersions,
  persons,
  victimContexts,
} from './schema/index.js';

/** The agency that took the intake keeps what it recorded itself: who the person is. */
const INTAKE_SECTIONS: CaseSection[] = ['identity'];

export type CaseRow = typeof cases.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;
export type VictimContextRow = typeof victimContexts.$inferSelect;

export type CaseView = {
  kase: CaseRow;
  person: PersonRow;
  ownerAgencyName: string;
  /** The agency that took the intake, read only for a case loaded with its detail (its page shows it). */
  intakeAgencyName: string | null;
  ownerUserName: string | null;
  victimContext: VictimContextRow | null;
  overdue: boolean;
  involvement: CaseInvolvement;
  /** For an agency that only took the intake: the romanised name as it last recorded it itself. */
  intakeRecordedName: { givenNameEnc: string | null; familyNameEnc: string | null } | null;
  /** The case page's parts, when the case was loaded for its page (`loadCaseView`'s `detail`). */
  detail: CaseDetailParts | null;
};

const overdueSql = sql<boolean>`exists (select 1 from ${caseTasks} t where t.case_id = ${cases.id} and t.done_at is null and t.due_on < current_date)`;
const ageAtTimeSql = sql`coalesce(${victimContexts.ageWhenTrafficked}, ${cases.ageAtIntake})`;

/** The list filters of DESIGN.md's caseload screen, as SQL over cases ⋈ persons ⋈ victim context. */
export function caseListFilter(
  actor: Actor,
  query: Omit<CaseListQuery, 'page' | 'pageSize' | 'sort'>,
  personIdsMatchingName?: string[],
): SQL | undefined {
  const conditions: (SQL | undefined)[] = [isNull(persons.mergedIntoId)];
  if (query.scope === 'mine') conditions.push(eq(cases.ownerUserId, actor.userId));
  if (query.scope === 'team') conditions.push(eq(cases.ownerAgencyId, actor.agencyId));
  if (query.status?.length) conditions.push(inArray(cases.status, query.status));
  if (query.stage?.length) conditions.push(inArray(cases.stage, query.stage));
  if (query.traffickingStatus?.length) conditions.push(inArray(cases.traffickingStatus, query.traffickingStatus));
  if (query.exploitation?.length) conditions.push(arrayOverlaps(victimContexts.exploitationTypes, query.exploitation));
  if (query.nationality?.length) conditions.push(arrayOverlaps(persons.citizenship, query.nationality));
  if (query.ageGroup === 'child') conditions.push(sql`${ageAtTimeSql} < 18`);
  if (query.ageGroup === 'adult') conditions.push(sql`${ageAtTimeSql} >= 18`);
  if (query.ageGroup === 'unknown') conditions.push(sql`${ageAtTimeSql} is null`);
  if (query.overdue === true) conditions.push(overdueSql);
  if (query.overdue === false) conditions.push(sql`not ${overdueSql}`);
  if (query.q) {
    const reference = sql`${cases.reference} ilike ${`${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
    conditions.push(personIdsMatchingName?.length ? sql`(${reference} or ${inArray(cases.personId, personIdsMatchingName)})` : reference);
  }
  return and(...conditions);
}

type CaseViewQuery = {
  where?: SQL;
  order: SQL[];
  limit: number;
  offset: number;
  detail?: SQL<CaseDetailParts> | null;
  /** The chosen page's case ids with the filter's total (`pageOfCases`), joined instead of filtering again. */
  page?: ReturnType<typeof pageOfCases>;
  /** The family under which the database keeps the select prepared, one statement per text (`preparedByText`). */
  statementFamily?: string;
};

/**
 * Cases as row-level security lets the actor see them, with how the actor's agency is involved,
 * and the filter's total when they are a chosen page.
 */
async function selectCaseViews(
  tx: Tx,
  actor: Actor,
  { where, order, limit, offset, detail = null, page, statementFamily }: CaseViewQuery,
): Promise<{ views: CaseView[]; total: number | null }> {
  // One round trip: the actor's grant and emergency access come with each case.
  const query = tx
    .select({
      kase: cases,
      person: persons,
      ownerAgencyName: agencies.name,
      ownerUserName: sql<string | null>`app_user_display_name(${cases.ownerUserId})`,
      intakeAgencyName: detail
        ? sql<string | null>`(select ia.name from ${agencies} ia where ia.id = ${cases.intakeByAgencyId})`
        : sql<string | null>`null`,
      victimContext: victimContexts,
      overdue: overdueSql,
      grantKind: caseAccess.kind,
      grantSections: caseAccess.sections,
      intakeRecordedName: sql<{ givenNameEnc: string | null; familyNameEnc: string | null } | null>`case
        when ${cases.intakeByAgencyId} = ${actor.agencyId} and ${cases.ownerAgencyId} <> ${actor.agencyId} then
          (select jsonb_build_object('givenNameEnc', v.given_name_enc, 'familyNameEnc', v.family_name_enc)
           from ${personIdentityVersions} v where v.person_id = ${persons.id} and v.recorded_by_agency_id = ${actor.agencyId}
           order by v.version desc limit 1)
        end`,
      breakGlassUntil: sql<Date | null>`(select max(g.expires_at) from ${breakGlassGrants} g
        where g.case_id = ${cases.id} and g.user_id = ${actor.userId} and g.expires_at > now())`.mapWith(breakGlassGrants.expiresAt),
      detail: detail ?? sql<CaseDetailParts | null>`null`,
      total: page ? page.total : sql<number | null>`null`,
    })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(agencies, eq(agencies.id, cases.ownerAgencyId))
    .leftJoin(victimContexts, eq(victimContexts.caseId, cases.id))
    .leftJoin(caseAccess, and(eq(caseAccess.caseId, cases.id), eq(caseAccess.agencyId, actor.agencyId), isNull(caseAccess.revokedAt)))
    .$dynamic();
  const chosen = (page ? query.innerJoin(page, eq(page.id, cases.id)) : query)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const rows = await (statementFamily ? preparedByText(statementFamily, chosen) : chosen);
  const views = rows.map(({ grantKind, grantSections, breakGlassUntil, total: _total, ...row }): CaseView => {
    const involvement: CaseInvolvement =
      row.kase.ownerAgencyId === actor.agencyId
        ? { kind: 'owner', sections: [], breakGlassUntil }
        : grantKind
          ? { kind: grantKind, sections: grantSections ?? [], breakGlassUntil }
          : row.kase.intakeByAgencyId === actor.agencyId
            ? { kind: 'intake', sections: INTAKE_SECTIONS, breakGlassUntil }
            : breakGlassUntil
              ? { kind: 'break_glass', sections: [], breakGlassUntil }
              : null;
    return { ...row, overdue: Boolean(row.overdue), involvement };
  });
  return { views, total: rows[0]?.total ?? null };
}

/** Cases as row-level security lets the actor see them, with how the actor's agency is involved. */
export async function loadCaseViews(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
  offset: number,
  detail: SQL<CaseDetailParts> | null = null,
): Promise<CaseView[]> {
  return (await selectCaseViews(tx, actor, { where, order, limit, offset, detail })).views;
}

/**
 * A select from cases joined to the list filter's tables: persons; the victim context is joined only when
 * the filter reads it: its row-level security runs a check per row, which the rest need not pay for.
 */
function filteredCases<Query extends PgSelect>(query: Query, victimContext: boolean) {
  const joined = query.innerJoin(persons, eq(persons.id, cases.personId));
  return victimContext ? joined.leftJoin(victimContexts, eq(victimContexts.caseId, cases.id)) : joined;
}

/**
 * The ids of a caseload page over cases ⋈ persons (⟕ victim context when the filter reads it),
 * each with the filter's total, counted in the same pass.
 */
function pageOfCases(
  tx: Tx,
  where: SQL | undefined,
  order: SQL[],
  { limit, offset, victimContext }: { limit: number; offset: number; victimContext: boolean },
) {
  return filteredCases(
    tx
      .select({ id: cases.id, total: sql<number>`(count(*) over ())::int`.as('total') })
      .from(cases)
      .$dynamic(),
    victimContext,
  )
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .as('page');
}

/**
 * A caseload page and how many cases the filter finds, in one statement: the page's cases are
 * chosen and counted first, then loaded with their names, grants and flags. What a row costs
 * beyond the filter — the owner's name, the overdue and emergency-access checks, the wide
 * columns, the victim context's own policy — is paid for the page's rows only, not for every
 * row the offset skips or the sort compares; and the filter under row-level security runs once,
 * not again for the total. A page past the end has no row to carry the total, so only then is it
 * counted on its own.
 */
export async function loadCaseViewPage(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  order: SQL[],
  options: { limit: number; offset: number; victimContext: boolean },
): Promise<{ views: CaseView[]; total: number }> {
  const page = pageOfCases(tx, where, order, options);
  // Planned under every table's row-level security, the page costs more to plan than to run:
  // each set of filters keeps its select prepared per connection.
  const { views, total } = await selectCaseViews(tx, actor, { order, limit: options.limit, offset: 0, page, statementFamily: 'case_page' });
  if (total !== null) return { views, total };
  return { views, total: options.offset ? await countCases(tx, where, options) : 0 };
}

/** Whether the list filters read the victim context (forms of exploitation, age at the time). */
export const filtersOnVictimContext = (query: Pick<CaseListQuery, 'exploitation' | 'ageGroup'>) =>
  Boolean(query.exploitation?.length || query.ageGroup);

/** How many cases the filter finds. */
export async function countCases(tx: Tx, where: SQL | undefined, { victimContext }: { victimContext: boolean }): Promise<number> {
  const [row] = await filteredCases(tx.select({ value: sql<number>`count(*)::int` }).from(cases).$dynamic(), victimContext).where(where);
  return row?.value ?? 0;
}

/**
 * One case as the actor may see it, or null when it does not exist for them. With `detail`, the
 * parts its page shows come in the same statement.
 */
export async function loadCaseView(tx: Tx, actor: Actor, caseId: string, { detail = false } = {}): Promise<CaseView | null> {
  const parts = detail ? caseDetailPartsSql(has(actor, 'section:identity')) : null;
  // Planning this select under every table's row-level security costs more than running it, so
  // the database keeps it prepared per connection, one statement for each of its three texts.
  const { views } = await selectCaseViews(tx, actor, {
    where: eq(cases.id, caseId),
    order: [sql`1`],
    limit: 1,
    offset: 0,
    detail: parts,
    statementFamily: 'case_view',
  });
  const [view] = views;
  return view?.involvement ? view : null;
}
