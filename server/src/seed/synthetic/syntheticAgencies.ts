import type { FollowUpStep, FollowUpVisitMode } from '@seamless/contracts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { asSystem } from '../../db/actorContext.js';
import type { DatabaseHandle } from '../../db/client.js';
import { agencies, followUpPolicies, roles, userRoles, users } from '../../db/schema/index.js';

export type SyntheticActor = {
  agencyId: string;
  userId: string;
  username: string;
  displayName: string;
  locale: string;
  countryCode: string;
};

/** Who the synthetic cases belong to and who else works on them: the instance's own agencies and accounts. */
export type SyntheticAgencies = {
  countryCode: string;
  /** Agencies with a case manager: they own the cases, in turn. */
  owners: SyntheticActor[];
  receiverCount: number;
  /** Agencies a case owner refers to: the other case-managing agencies and the shelters. */
  receiversOf(ownerAgencyId: string): SyntheticActor[];
  /** The agency deciding identification: the police where there is one. */
  decider: SyntheticActor;
  followUpPolicy: { id: string; name: string; steps: FollowUpStep[]; defaultMode: FollowUpVisitMode; graceDays: number };
};

export async function syntheticAgencies(database: DatabaseHandle): Promise<SyntheticAgencies> {
  return asSystem(database.db, async (tx) => {
    const accounts = await tx
      .select({
        agencyId: users.agencyId,
        userId: users.id,
        username: users.username,
        displayName: users.displayName,
        locale: users.locale,
        role: roles.key,
        agencyFunction: agencies.agencyFunction,
        countryCode: agencies.countryCode,
      })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(inArray(roles.key, ['case_manager', 'shelter_staff', 'screener']))
      .orderBy(asc(users.username));
    const firstPerAgency = (role: string) => {
      const seen = new Map<string, SyntheticActor>();
      for (const account of accounts) if (account.role === role && !seen.has(account.agencyId)) seen.set(account.agencyId, account);
      return [...seen.values()];
    };
    const owners = firstPerAgency('case_manager');
    if (owners.length === 0) throw new Error('no agency has a case manager to own synthetic cases: start from the demo or create one');
    const countryCode = owners[0]!.countryCode;
    const receivers = [
      ...owners,
      ...firstPerAgency('shelter_staff').filter((shelter) => !owners.some((o) => o.agencyId === shelter.agencyId)),
    ];
    const police = accounts.find((account) => account.role === 'screener' && account.agencyFunction === 'police');
    const [policy] = await tx
      .select()
      .from(followUpPolicies)
      .where(and(eq(followUpPolicies.countryCode, countryCode), isNull(followUpPolicies.agencyId)))
      .orderBy(asc(followUpPolicies.name))
      .limit(1);
    if (!policy) throw new Error(`no follow-up policy for ${countryCode}`);
    const receiversOf = new Map(owners.map((owner) => [owner.agencyId, receivers.filter((r) => r.agencyId !== owner.agencyId)]));
    return {
      countryCode,
      owners,
      receiverCount: receivers.length - 1,
      receiversOf: (ownerAgencyId) => receiversOf.get(ownerAgencyId)!,
      decider: police ?? owners[0]!,
      followUpPolicy: {
        id: policy.id,
        name: policy.name,
        steps: policy.steps,
        defaultMode: policy.defaultMode,
        graceDays: policy.graceDays,
      },
    };
  });
}
