import { type CarePlan, type CarePlanVersion, type CareService, INCOME_BAND_LIST } from '@seamless/contracts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { agencies, carePlanActions, carePlanGoals, carePlanVersions, careServices, lookupLists, referrals } from '../../db/schema/index.js';
import { notFound } from '../../http/problem.js';
import { type CareReach, readsArea } from '../../policies/care.js';

const displayName = (column: unknown) => sql<string | null>`app_user_display_name(${column})`;

async function agencyNames(tx: Tx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const rows = wanted.length
    ? await tx.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, wanted))
    : [];
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * One version as the reader may see it: the goals (with their actions) of the sections she reads,
 * and the plan's own terms only with `care`.
 */
async function loadVersion(
  tx: Tx,
  row: typeof carePlanVersions.$inferSelect,
  recordedByName: string | null,
  reach: CareReach,
): Promise<CarePlanVersion> {
  const goals = (
    await tx.select().from(carePlanGoals).where(eq(carePlanGoals.planVersionId, row.id)).orderBy(asc(carePlanGoals.position))
  ).filter((goal) => readsArea(reach, goal.serviceArea));
  const terms = reach.read.includes('care');
  const actions = goals.length
    ? await tx
        // The referral's status shows where row-level security lets the reader see the referral.
        .select({ action: carePlanActions, referralStatus: referrals.status })
        .from(carePlanActions)
        .leftJoin(referrals, eq(referrals.id, carePlanActions.referralId))
        .where(
          inArray(
            carePlanActions.goalId,
            goals.map((goal) => goal.id),
          ),
        )
        .orderBy(asc(carePlanActions.position))
    : [];
  const names = await agencyNames(
    tx,
    actions.map(({ action }) => action.responsibleAgencyId),
  );
  return {
    id: row.id,
    version: row.version,
    victimGoals: terms ? row.victimGoals : null,
    agreedOn: terms ? row.agreedOn : null,
    agreementMethod: terms ? row.agreementMethod : null,
    witnessedBy: terms ? row.witnessedBy : null,
    reviewOn: terms ? row.reviewOn : null,
    recordedByName: recordedByName ?? '',
    recordedAt: row.recordedAt.toISOString(),
    goals: goals.map((goal) => ({
      id: goal.id,
      serviceArea: goal.serviceArea as CarePlanVersion['goals'][number]['serviceArea'],
      goal: goal.goal,
      status: goal.status,
      actions: actions
        .filter(({ action }) => action.goalId === goal.id)
        .map(({ action, referralStatus }) => ({
          id: action.id,
          actionKey: action.actionKey,
          what: action.what,
          responsibleAgencyId: action.responsibleAgencyId,
          responsibleAgencyName: action.responsibleAgencyId ? (names.get(action.responsibleAgencyId) ?? null) : null,
          responsibleOrganisation: action.responsibleOrganisation,
          responsiblePerson: action.responsiblePerson,
          dueOn: action.dueOn,
          status: action.status,
          referralId: action.referralId,
          referralStatus: referralStatus ?? null,
          taskId: action.taskId,
        })),
    })),
  };
}

/** The services delivered in the areas whose sections the reader reads, newest first. */
export async function loadCareServices(tx: Tx, caseId: string, reach: CareReach, only?: string): Promise<CareService[]> {
  const rows = (
    await tx
      .select({ service: careServices, recordedByName: displayName(careServices.recordedBy) })
      .from(careServices)
      .where(and(eq(careServices.caseId, caseId), only ? eq(careServices.id, only) : undefined))
      .orderBy(desc(careServices.deliveredOn), desc(careServices.recordedAt))
  ).filter(({ service }) => readsArea(reach, service.serviceArea));
  const names = await agencyNames(
    tx,
    rows.map(({ service }) => service.providerAgencyId),
  );
  return rows.map(({ service, recordedByName }) => ({
    id: service.id,
    deliveredOn: service.deliveredOn,
    providerAgencyId: service.providerAgencyId,
    providerAgencyName: service.providerAgencyId ? (names.get(service.providerAgencyId) ?? null) : null,
    providerName: service.providerName,
    serviceArea: service.serviceArea as CareService['serviceArea'],
    description: service.description,
    costAmount: service.costAmount,
    costCurrency: service.costCurrency,
    actionKey: service.actionKey,
    outcome: service.outcome,
    incomeBand: service.incomeBand,
    recordedByName: recordedByName ?? '',
    recordedAt: service.recordedAt.toISOString(),
  }));
}

/** The plan as its reader sees it: one version (the newest unless asked), the list of versions, the services. */
async function incomeBands(tx: Tx, countryCode: string) {
  const [list] = await tx
    .select({ values: lookupLists.values })
    .from(lookupLists)
    .where(and(eq(lookupLists.countryCode, countryCode), eq(lookupLists.listKey, INCOME_BAND_LIST)));
  return (list?.values ?? [])
    .filter((band) => band.active)
    .sort((a, b) => a.sort - b.sort)
    .map((band) => ({ value: band.value, labels: band.labels }));
}

export async function loadCarePlan(
  tx: Tx,
  kase: { id: string; countryCode: string },
  reach: CareReach,
  version?: number,
): Promise<CarePlan> {
  const caseId = kase.id;
  const versions = await tx
    .select({ row: carePlanVersions, recordedByName: displayName(carePlanVersions.recordedBy) })
    .from(carePlanVersions)
    .where(eq(carePlanVersions.caseId, caseId))
    .orderBy(desc(carePlanVersions.version));
  const chosen = version === undefined ? versions[0] : versions.find(({ row }) => row.version === version);
  if (version !== undefined && !chosen) throw notFound();
  return {
    current: chosen ? await loadVersion(tx, chosen.row, chosen.recordedByName, reach) : null,
    versions: versions.map(({ row, recordedByName }) => ({
      version: row.version,
      recordedAt: row.recordedAt.toISOString(),
      recordedByName: recordedByName ?? '',
    })),
    services: await loadCareServices(tx, caseId, reach),
    incomeBands: await incomeBands(tx, kase.countryCode),
    abilities: { write: reach.write.includes('care'), record: [...reach.write] },
  };
}
