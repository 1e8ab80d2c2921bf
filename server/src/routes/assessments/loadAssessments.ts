import type { Assessment, AssessmentInstrument, AssessmentTrend } from '@seamless/contracts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { assessmentInstruments, caseAssessments } from '../../db/schema/index.js';
import type { CareReach } from '../../policies/care.js';

type InstrumentRow = typeof assessmentInstruments.$inferSelect;

export const presentInstrument = (row: InstrumentRow): AssessmentInstrument => ({
  id: row.id,
  key: row.key,
  version: row.version,
  name: row.name,
  scaleMin: row.scaleMin,
  scaleMax: row.scaleMax,
  scaleLabels: row.scaleLabels,
  domains: row.domains,
  active: row.active,
  createdAt: row.createdAt.toISOString(),
});

export async function loadInstruments(tx: Tx): Promise<AssessmentInstrument[]> {
  const rows = await tx.select().from(assessmentInstruments).orderBy(asc(assessmentInstruments.key), desc(assessmentInstruments.version));
  return rows.map(presentInstrument);
}

/** A case's assessments, oldest first, each with the instrument version it was scored on. */
async function loadRows(tx: Tx, caseId: string, only?: string) {
  return tx
    .select({
      assessment: caseAssessments,
      instrument: assessmentInstruments,
      recordedByName: sql<string | null>`app_user_display_name(${caseAssessments.recordedBy})`,
    })
    .from(caseAssessments)
    .innerJoin(assessmentInstruments, eq(assessmentInstruments.id, caseAssessments.instrumentId))
    .where(and(eq(caseAssessments.caseId, caseId), only ? eq(caseAssessments.id, only) : undefined))
    .orderBy(asc(caseAssessments.assessedOn), asc(caseAssessments.recordedAt));
}

type Row = Awaited<ReturnType<typeof loadRows>>[number];
const pick = <T>(record: Record<string, T>, keys: Set<string>) =>
  Object.fromEntries(Object.entries(record).filter(([key]) => keys.has(key)));

/**
 * What of one assessment the reader may see: the domains of her sections with their items, notes
 * and risks. The overall score only where she sees every domain it averages, as with the others
 * it would give back the hidden one. Null when she sees none of its domains: then even its date
 * and assessor would tell that a specialist saw her.
 */
function readable({ assessment, instrument }: Row, reach: CareReach) {
  const domains = instrument.domains.filter((domain) => reach.read.includes(domain.section));
  const domainKeys = new Set(domains.map((domain) => domain.key));
  const scored = Object.keys(assessment.domainScores);
  if (!scored.some((key) => domainKeys.has(key))) return null;
  return {
    domainKeys,
    scores: pick(assessment.scores, new Set(domains.flatMap((domain) => domain.items.map((item) => item.key)))),
    domainNotes: pick(assessment.domainNotes, domainKeys),
    domainScores: pick(assessment.domainScores, domainKeys),
    overallScore: scored.every((key) => domainKeys.has(key)) ? assessment.overallScore : null,
    risks: assessment.risks.filter((risk) => domainKeys.has(risk.domain)),
  };
}

export async function loadAssessments(tx: Tx, caseId: string, reach: CareReach, only?: string): Promise<Assessment[]> {
  const rows = await loadRows(tx, caseId, only);
  return rows.flatMap((row) => {
    const seen = readable(row, reach);
    if (!seen) return [];
    const { assessment, instrument, recordedByName } = row;
    return [
      {
        id: assessment.id,
        instrumentId: instrument.id,
        instrumentKey: instrument.key,
        instrumentVersion: instrument.version,
        assessedOn: assessment.assessedOn,
        assessorName: assessment.assessorName,
        scores: seen.scores,
        domainNotes: seen.domainNotes,
        domainScores: seen.domainScores,
        overallScore: seen.overallScore,
        risks: seen.risks,
        recordedByName: recordedByName ?? '',
        recordedAt: assessment.recordedAt.toISOString(),
      },
    ];
  });
}

/**
 * The trend of a case's domain scores over time: domains as the newest instrument version used
 * names them, one value per assessment (null where that version had no such domain).
 */
export async function loadTrend(tx: Tx, caseId: string, reach: CareReach): Promise<AssessmentTrend> {
  const seen = (await loadRows(tx, caseId)).flatMap((row) => {
    const part = readable(row, reach);
    return part ? [{ row, part }] : [];
  });
  const newest = seen.at(-1)?.row.instrument;
  const domains = (newest?.domains ?? [])
    .filter((domain) => reach.read.includes(domain.section))
    .map((domain) => ({ key: domain.key, labels: domain.labels }));
  return {
    domains,
    scaleMin: newest?.scaleMin ?? null,
    scaleMax: newest?.scaleMax ?? null,
    points: seen.map(({ row, part }) => ({
      assessmentId: row.assessment.id,
      assessedOn: row.assessment.assessedOn,
      overallScore: part.overallScore,
      domainScores: part.domainScores,
    })),
    series: domains.map((domain) => ({
      domain: domain.key,
      values: seen.map(({ part }) => part.domainScores[domain.key] ?? null),
    })),
  };
}
