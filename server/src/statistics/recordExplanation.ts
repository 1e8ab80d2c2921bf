import type { ReconciliationRecord, ReconciliationRecords, StatisticSubmission } from '@seamless/contracts';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import type { Actor } from '../policies/actor.js';
import { type CellCase, type CellQuery, caseSummariesOf, casesBehindCell } from './cellCases.js';

/** The most records one answer lists; the counts cover every record however many there are. */
export const MOST_EXPLAINED_RECORDS = 500;

type Explained = Omit<ReconciliationRecord, 'case'> & { caseId: string };

/** What explains a difference comes first: not counted, one person's several cases, opened outside the period. */
const weight = (record: Explained) =>
  (record.countedOn === null ? 4 : 0) + (record.samePersonCases > 0 ? 2 : 0) + (record.openedInPeriod ? 0 : 1);

/**
 * The records behind one line of a reported figure, as far as the reader may open them, with what
 * usually makes an agency's own count differ (issue 13 reconciliation): a person with several
 * cases (counted once as a person), a case opened in the period but not counted because the date
 * that counts it (an identification, a handover) falls outside it, and a counted case opened
 * before or after the period. The cases opened in the same cell are the same figure's neighbour,
 * `cases_opened`, so both sides come from one definition of the records.
 */
export async function explainReportedLine(
  tx: Tx,
  actor: Actor,
  keyRing: KeyRing,
  submission: StatisticSubmission,
  keys: string[],
): Promise<ReconciliationRecords> {
  const cell: CellQuery = {
    statistic: submission.statistic,
    from: submission.from,
    to: submission.to,
    by: submission.by,
    keys,
    agencyId: submission.sourceAgency.id,
  };
  const counted = await casesBehindCell(tx, cell, actor.countryCode);
  const opened: CellCase[] =
    submission.statistic === 'cases_opened'
      ? counted
      : await casesBehindCell(tx, { ...cell, statistic: 'cases_opened' }, actor.countryCode);
  const openedIds = new Set(opened.map((entry) => entry.caseId));
  const countedIds = new Set(counted.map((entry) => entry.caseId));
  const casesOfPerson = new Map<string, number>();
  for (const entry of counted) casesOfPerson.set(entry.personId, (casesOfPerson.get(entry.personId) ?? 0) + 1);

  const explained: Explained[] = [
    ...counted.map((entry) => ({
      caseId: entry.caseId,
      countedOn: entry.countedOn,
      samePersonCases: (casesOfPerson.get(entry.personId) ?? 1) - 1,
      openedInPeriod: openedIds.has(entry.caseId),
    })),
    ...opened
      .filter((entry) => !countedIds.has(entry.caseId))
      .map((entry) => ({ caseId: entry.caseId, countedOn: null, samePersonCases: 0, openedInPeriod: true })),
  ];
  // A stable order: the weightiest explanation first, then the newest.
  const listed = explained
    .map((record, position) => ({ record, position }))
    .sort((a, b) => weight(b.record) - weight(a.record) || a.position - b.position)
    .slice(0, MOST_EXPLAINED_RECORDS)
    .map(({ record }) => record);
  const summaries = await caseSummariesOf(
    tx,
    actor,
    keyRing,
    listed.map((record) => record.caseId),
  );
  return {
    keys,
    countedCases: counted.length,
    countedPersons: casesOfPerson.size,
    openedNotCounted: explained.length - counted.length,
    countedOpenedOutside: counted.filter((entry) => !openedIds.has(entry.caseId)).length,
    records: listed.flatMap(({ caseId, ...record }) => {
      const summary = summaries.get(caseId);
      return summary ? [{ ...record, case: summary }] : [];
    }),
    truncated: explained.length > MOST_EXPLAINED_RECORDS,
  };
}
