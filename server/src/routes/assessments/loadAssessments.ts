import type { Assessment, AssessmentInstrument, AssessmentTrend } from '@seamless/contracts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { assessmentInstruments, caseAssessments } from '../../db/schema/index.js';

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

export async function loadAssessments(tx: Tx, caseId: string, only?: string): Promise<Assessment[]> {
  const rows = await loadRows(tx, caseId, only);
  return rows.map(({ assessment, instrument, recordedByName }) => ({
    id: assessment.id,
    instrumentId: instrument.id,
    instrumentKey: instrument.key,
    instrumentVersion: instrument.version,
    assessedOn: assessment.assessedOn,
    assessorName: assessment.assessorName,
    scores: assessment.scores,
    domainNotes: assessment.domainNotes,
    domainScores: assessment.domainScores,
    overallScore: assessment.overallScore,
    risks: assessment.risks,
    recordedByName: recordedByName ?? '',
    recordedAt: assessment.recordedAt.toISOString(),
  }));
}

/**
 * The trend of a case's domain scores over time: domains as the newest instrument version used
 * names them, one value per assessment (null where that version had no such domain).
 */
export async function loadTrend(tx: Tx, caseId: string): Promise<AssessmentTrend> {
  const rows = await loadRows(tx, caseId);
  const newest = rows.at(-1)?.instrument;
  const domains = (newest?.domains ?? []).map((domain) => ({ key: domain.key, labels: domain.labels }));
  return {
    domains,
    scaleMin: newest?.scaleMin ?? null,
    scaleMax: newest?.scaleMax ?? null,
    points: rows.map(({ assessment }) => ({
      assessmentId: assessment.id,
      assessedOn: assessment.assessedOn,
      overallScore: assessment.overallScore,
      domainScores: assessment.domainScores,
    })),
    series: domains.map((domain) => ({
      domain: domain.key,
      values: rows.map(({ assessment }) => assessment.domainScores[domain.key] ?? null),
    })),
  };
}
