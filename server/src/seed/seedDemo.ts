import type { CaseStatus, TraffickingStatus } from '@seamless/contracts';
import { eq, inArray } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import { openCase } from '../commands/openCase.js';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { agencies, caseAccess, cases, roles, userRoles, users } from '../db/schema/index.js';
import { seedDemoCare } from './demoCare.js';
import { seedDemoDirectory } from './demoDirectory.js';
import { seedDemoFollowUp } from './demoFollowUp.js';
import { seedDemoHtcdsValues } from './demoHtcdsValues.js';
import { seedDemoMeetings } from './demoMeetings.js';
import { seedDemoNotifications } from './demoNotifications.js';
import { seedDemoReferrals } from './demoReferrals.js';
import { seedDemoShelters } from './demoShelters.js';
import { seedDemoStatistics } from './demoStatistics.js';
import {
  DEMO_ACCOUNTS,
  DEMO_AGENCIES,
  DEMO_CASE_OWNERS,
  DEMO_CHANNELS,
  DEMO_EXPLOITATION,
  DEMO_PEOPLE,
  DEMO_SHARES,
} from './demoThailand.js';

/** Small deterministic generator so every demo database is the same. */
function sequence(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % max;
  };
}

const STATUSES: CaseStatus[] = ['Active', 'Active', 'Active', 'FollowUp', 'Closed'];
const TRAFFICKING: TraffickingStatus[] = ['Potential', 'Presumed', 'Identified', 'Identified'];

export async function seedDemo(tx: Tx, keyRing: KeyRing, options: { password: string; countryCode: string; now?: Date }) {
  const now = options.now ?? new Date();
  const agencyIds = new Map<string, string>();
  for (const agency of DEMO_AGENCIES) {
    const { key, parentKey, ...fields } = agency;
    const [row] = await tx
      .insert(agencies)
      .values({ ...fields, countryCode: options.countryCode, parentId: parentKey ? agencyIds.get(parentKey) : null })
      .returning({ id: agencies.id });
    agencyIds.set(key, row!.id);
  }

  const passwordHash = await hashPassword(options.password);
  const roleRows = await tx
    .select()
    .from(roles)
    .where(inArray(roles.key, [...new Set(DEMO_ACCOUNTS.flatMap((a) => a.roles))]));
  const userIds = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const [user] = await tx
      .insert(users)
      .values({
        username: account.username,
        displayName: account.displayName,
        agencyId: agencyIds.get(account.agencyKey)!,
        passwordHash,
        locale: account.locale,
        secondFactorWaived: true,
      })
      .returning({ id: users.id });
    userIds.set(account.agencyKey, userIds.get(account.agencyKey) ?? user!.id);
    const roleIds = roleRows.filter((role) => account.roles.includes(role.key as never)).map((role) => role.id);
    await tx.insert(userRoles).values(roleIds.map((roleId) => ({ userId: user!.id, roleId })));
  }

  const next = sequence(20_261_123);
  const caseIds: string[] = [];
  for (const [index, person] of DEMO_PEOPLE.entries()) {
    const ownerKey = DEMO_CASE_OWNERS[index % DEMO_CASE_OWNERS.length]!;
    const age = 14 + next(20);
    const birthDate = `${now.getUTCFullYear() - age - 1}-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`;
    const openedAt = new Date(now.getTime() - (1 + next(300)) * 86_400_000);
    const kase = await openCase({
      tx,
      keyRing,
      audit: { requestId: 'demo-seed' },
      agencyId: agencyIds.get(ownerKey)!,
      userId: userIds.get(ownerKey)!,
      countryCode: options.countryCode,
      now: openedAt,
      mayLinkIdentity: false,
      input: {
        person: {
          givenName: person.givenName,
          familyName: person.familyName,
          nameAsWritten: person.nameAsWritten,
          gender: person.gender,
          birthDate,
          citizenship: [person.citizenship],
          aliases: [],
          languages: [],
          documents:
            index % 3 === 0 ? [{ documentType: 'passport', number: `${person.citizenship}${String(100_000 + next(900_000))}` }] : [],
          contacts:
            index % 4 === 0 ? [{ kind: 'phone', value: `+66 8${next(10)} ${String(100 + next(900))} ${String(1000 + next(9000))}` }] : [],
        },
        intake: { channel: DEMO_CHANNELS[index % DEMO_CHANNELS.length]!, urgency: 'routine', anonymous: false },
        victimContext: {
          exploitationTypes: [...DEMO_EXPLOITATION[index % DEMO_EXPLOITATION.length]!.exploitationTypes],
          recruitmentMethods: [],
          recruitmentApps: [],
          controlMethods: [],
          forcedLabourIndustries: [],
          sexualExploitationTypes: [],
          relationshipsToTrafficker: [],
        },
        locale: 'th',
        formAnswers: {},
      },
    });
    const status = STATUSES[next(STATUSES.length)]!;
    const closed = status === 'Closed' || status === 'ClosedReferred';
    await tx
      .update(cases)
      .set({
        status,
        closureReason: closed ? 'reintegration_completed' : null,
        closedAt: closed ? now : null,
        traffickingStatus: TRAFFICKING[next(TRAFFICKING.length)]!,
        updatedAt: openedAt,
      })
      .where(eq(cases.id, kase.id));
    caseIds.push(kase.id);
  }
  for (const share of DEMO_SHARES) {
    await tx.insert(caseAccess).values({
      caseId: caseIds[share.personIndex]!,
      agencyId: agencyIds.get(share.withKey)!,
      kind: 'shared',
      sections: [...share.sections],
    });
  }
  await seedDemoFollowUp(tx, { caseIds, agencyIds, userIds, countryCode: options.countryCode, now });
  await seedDemoMeetings(tx, { caseIds, agencyIds, userIds, countryCode: options.countryCode, now });
  await seedDemoCare(tx, { caseIds, agencyIds, userIds, countryCode: options.countryCode, now });
  await seedDemoShelters(tx, keyRing, { agencyIds, userIds, caseIds, countryCode: options.countryCode, now });
  await seedDemoDirectory(tx, { agencyIds, userIds, countryCode: options.countryCode, now });
  await seedDemoReferrals(tx, keyRing, { caseIds, agencyIds, userIds, countryCode: options.countryCode, now });
  await seedDemoHtcdsValues(tx, keyRing, { caseIds, agencyId: agencyIds.get('chiangrai')! });
  await seedDemoStatistics(tx, { caseIds, agencyIds, userIds, countryCode: options.countryCode, now });
  await seedDemoNotifications(tx, { now });
  return { agencies: agencyIds.size, users: DEMO_ACCOUNTS.length, cases: caseIds.length };
}
