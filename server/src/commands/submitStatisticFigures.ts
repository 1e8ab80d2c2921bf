import type { FieldError, StatisticBreakdown, StatisticKey, SubmittedCell } from '@seamless/contracts';
import { and, eq, max, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { agencies, statisticSubmissions } from '../db/schema/index.js';
import { AppError, forbidden } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { canReadStatistics } from '../policies/statistics.js';
import { type BreakdownValues, breakdownValuesFor } from '../statistics/breakdownValues.js';
import { breakdownProblem, filterProblem, STATISTIC_DEFINITIONS } from '../statistics/definitions.js';

/** The reported figure as entered, whether typed into the form or read from a workbook. */
export type SubmittedFigure = {
  sourceAgencyId: string;
  statistic: StatisticKey;
  from: string;
  to: string;
  by: StatisticBreakdown[];
  source: string;
  cells: SubmittedCell[];
  total: number | null;
};

/** Where the caller sent the figure's description: the form's body or the upload's query. */
type Place = 'body' | 'query';

/**
 * What makes a reported figure comparable with a computed one, beyond its shape: a count (a rate
 * is computed from the count), breakdowns the figure has, an agency of the reader's country.
 * Every problem at once, each naming its field.
 */
export async function figureProblems(
  tx: Tx,
  actor: Actor,
  figure: Omit<SubmittedFigure, 'cells' | 'total' | 'source'>,
  place: Place,
): Promise<{ problems: FieldError[]; known: BreakdownValues }> {
  const problems: FieldError[] = [];
  // Body fields are named as the request schema names them; query ones carry `query.`, as the API's other queries do.
  const add = (path: string, message: string) =>
    problems.push({ path: place === 'query' ? `query.${path}` : path, code: 'validation_failed', message });
  if (STATISTIC_DEFINITIONS[figure.statistic].unit === 'rate_per_100k')
    add('statistic', 'Report the count of victims identified: the rate is computed from it.');
  const refused = breakdownProblem(figure.statistic, figure.by);
  if (refused) add('by', refused);
  // An agency's figures are its row of the table by agency: a figure without that breakdown has none.
  if (filterProblem(figure.statistic, { agencyId: figure.sourceAgencyId }))
    add('statistic', `${figure.statistic} is not counted per agency, so no agency's figure can be set beside it.`);
  const [agency] = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, figure.sourceAgencyId), eq(agencies.countryCode, actor.countryCode)));
  if (!agency) add('sourceAgencyId', 'No such agency in your country.');
  return { problems, known: await breakdownValuesFor(tx, actor.countryCode, figure) };
}

/** Breakdown values the figures do not know, each named by the cell and place it is in. */
export function unknownValues(cells: readonly SubmittedCell[], by: readonly StatisticBreakdown[], known: BreakdownValues): FieldError[] {
  return cells.flatMap((cell, index) =>
    cell.keys.flatMap((key, position) => {
      const breakdown = by[position];
      if (!breakdown || known[breakdown].includes(key)) return [];
      return [{ path: `cells.${index}.keys.${position}`, code: 'validation_failed', message: `"${key}" is not a value of ${breakdown}.` }];
    }),
  );
}

export const refusedFigure = (problems: FieldError[]) =>
  new AppError(400, 'validation_failed', problems.map((problem) => problem.message).join(' '), problems);

/**
 * Keeps a reported figure as a new version of what this agency reported for this figure and
 * period; earlier versions stay as they were.
 */
export async function submitStatisticFigures(
  { tx, actor, audit }: { tx: Tx; actor: Actor; audit: AuditContext },
  figure: SubmittedFigure,
): Promise<string> {
  if (!canReadStatistics(actor)) throw forbidden();
  const sameFigure = and(
    eq(statisticSubmissions.sourceAgencyId, figure.sourceAgencyId),
    eq(statisticSubmissions.statistic, figure.statistic),
    eq(statisticSubmissions.periodFrom, figure.from),
    eq(statisticSubmissions.periodTo, figure.to),
    sql`${statisticSubmissions.by} = ${JSON.stringify(figure.by)}::jsonb`,
  );
  const [latest] = await tx
    .select({ version: max(statisticSubmissions.version) })
    .from(statisticSubmissions)
    .where(sameFigure);
  const [row] = await tx
    .insert(statisticSubmissions)
    .values({
      countryCode: actor.countryCode,
      sourceAgencyId: figure.sourceAgencyId,
      statistic: figure.statistic,
      periodFrom: figure.from,
      periodTo: figure.to,
      by: figure.by,
      source: figure.source,
      cells: figure.cells,
      total: figure.total,
      version: (latest?.version ?? 0) + 1,
      submittedBy: actor.userId,
      submittedByName: actor.displayName,
    })
    .returning({ id: statisticSubmissions.id });
  await recordAudit(tx, audit, {
    action: 'statistics.figures_submitted',
    resourceType: 'statistic_submission',
    resourceId: row!.id,
    details: { sourceAgencyId: figure.sourceAgencyId, statistic: figure.statistic, from: figure.from, to: figure.to, by: figure.by },
  });
  return row!.id;
}
