import type { FollowUpPolicy } from '@seamless/contracts';
import { and, asc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { agencies, followUpPolicies } from '../db/schema/index.js';
import { fieldError } from '../http/problem.js';

type PolicyRow = typeof followUpPolicies.$inferSelect;

const presentPolicy = (row: PolicyRow, agencyName: string | null): FollowUpPolicy => ({
  id: row.id,
  countryCode: row.countryCode,
  agencyId: row.agencyId,
  agencyName,
  name: row.name,
  steps: row.steps,
  defaultMode: row.defaultMode,
  graceDays: row.graceDays,
  source: row.source,
  active: row.active,
  version: row.version,
});

export async function loadPolicies(tx: Tx, where?: SQL): Promise<FollowUpPolicy[]> {
  const rows = await tx
    .select({ policy: followUpPolicies, agencyName: agencies.name })
    .from(followUpPolicies)
    .leftJoin(agencies, eq(agencies.id, followUpPolicies.agencyId))
    .where(where)
    .orderBy(asc(followUpPolicies.countryCode), asc(followUpPolicies.agencyId), asc(followUpPolicies.name), asc(followUpPolicies.id));
  return rows.map(({ policy, agencyName }) => presentPolicy(policy, agencyName));
}

const usableBy = (countryCode: string, agencyId: string) =>
  and(
    eq(followUpPolicies.active, true),
    eq(followUpPolicies.countryCode, countryCode),
    or(isNull(followUpPolicies.agencyId), eq(followUpPolicies.agencyId, agencyId)),
  );

/** Policies a follow-up on a case of this country may run under when this agency plans it: the country's and its own. */
export const usablePolicies = (tx: Tx, countryCode: string, agencyId: string) => loadPolicies(tx, usableBy(countryCode, agencyId));

/** The chosen policy when usable, else the agency's own, else the country's. */
export async function policyForFollowUp(tx: Tx, countryCode: string, agencyId: string, policyId?: string): Promise<FollowUpPolicy> {
  const usable = await usablePolicies(tx, countryCode, agencyId);
  if (policyId) {
    const chosen = usable.find((policy) => policy.id === policyId);
    if (!chosen)
      throw fieldError(422, 'invalid_reference', 'policyId', 'Choose an active follow-up policy of this country or your agency.');
    return chosen;
  }
  const policy = usable.find((candidate) => candidate.agencyId === agencyId) ?? usable.find((candidate) => candidate.agencyId === null);
  if (!policy)
    throw fieldError(422, 'invalid_reference', 'policyId', 'No follow-up policy is set for this country; an administrator adds one.');
  return policy;
}
