import { randomUUID } from 'node:crypto';
import { type CaseStatus, procedureForCountry, type TraffickingStatus } from '@seamless/contracts';
import { eq, inArray } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import { openCase } from '../commands/openCase.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import {
  agencies,
  caseAccess,
  caseEvents,
  cases,
  consents,
  identificationInterviews,
  roles,
  traffickingStatusDecisions,
  userRoles,
  users,
} from '../db/schema/index.js';
import { addCalendarDays, localToday } from '../followUp/schedule.js';
import { CAMBODIA_DEMO } from './demoCambodia.js';
import { seedDemoCare } from './demoCare.js';
import { seedDemoDirectory } from './demoDirectory.js';
import { seedDemoFollowUp } from './demoFollowUp.js';
import { seedDemoHtcdsValues } from './demoHtcdsValues.js';
import type { DemoIds } from './demoIds.js';
import { seedDemoMeetings } from './demoMeetings.js';
import { seedDemoNotifications } from './demoNotifications.js';
import { demoIntakeLocation } from './demoProvinces.js';
import { seedDemoReferrals } from './demoReferrals.js';
import { seedDemoShelters } from './demoShelters.js';
import { seedDemoStatistics } from './demoStatistics.js';
import { DEMO_READY_TO_REPATRIATE, type DemoCountry, THAILAND_DEMO } from './demoThailand.js';

type DemoInstance = DemoCountry & {
  /** What the country's demo holds beyond its cases: Thailand's shows every module at work. */
  seedRecords?: (tx: Tx, keyRing: KeyRing, ids: DemoIds) => Promise<void>;
};

const DEMO_INSTANCES: Record<string, DemoInstance> = {
  TH: { ...THAILAND_DEMO, seedRecords: seedThaiRecords },
  KH: CAMBODIA_DEMO,
};

/** Cambodia's instance gets Cambodia's demo (the other end of the federation demo); any other, Thailand's. */
export const demoCountryOf = (countryCode: string): DemoInstance => DEMO_INSTANCES[countryCode] ?? DEMO_INSTANCES.TH!;

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
  const country = demoCountryOf(options.countryCode);
  const agencyIds = new Map<string, string>();
  for (const agency of country.agencies) {
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
    .where(inArray(roles.key, [...new Set(country.accounts.flatMap((a) => a.roles))]));
  const userIds = new Map<string, string>();
  for (const account of country.accounts) {
    const [user] = await tx
      .insert(users)
      .values({
        username: account.username,
        displayName: account.displayName,
        agencyId: agencyIds.get(account.agencyKey)!,
        passwordHash,
        locale: account.locale,
        secondFactorWaived: true,
        // Demo accounts are shared by testers and the browser journeys: their tour waits in the
        // user menu instead of covering the first page. Accounts an administrator creates get it.
        tourSeenAt: new Date(),
      })
      .returning({ id: users.id });
    userIds.set(account.agencyKey, userIds.get(account.agencyKey) ?? user!.id);
    const roleIds = roleRows.filter((role) => account.roles.includes(role.key as never)).map((role) => role.id);
    await tx.insert(userRoles).values(roleIds.map((roleId) => ({ userId: user!.id, roleId })));
  }

  const next = sequence(20_261_123);
  const caseIds: string[] = [];
  for (const [index, person] of country.people.entries()) {
    const ownerKey = country.caseOwners[index % country.caseOwners.length]!;
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
            index % 4 === 0
              ? [{ kind: 'phone', value: `${country.mobilePrefix}${next(10)} ${String(100 + next(900))} ${String(1000 + next(9000))}` }]
              : [],
        },
        intake: {
          channel: country.channels[index % country.channels.length]!,
          urgency: 'routine',
          anonymous: false,
          location: demoIntakeLocation(options.countryCode, index),
        },
        victimContext: {
          exploitationTypes: [...country.exploitation[index % country.exploitation.length]!.exploitationTypes],
          recruitmentMethods: [],
          recruitmentApps: [],
          controlMethods: [],
          forcedLabourIndustries: [],
          sexualExploitationTypes: [],
          relationshipsToTrafficker: [],
        },
        locale: country.intakeLocale,
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
  for (const share of country.shares) {
    await tx.insert(caseAccess).values({
      caseId: caseIds[share.personIndex]!,
      agencyId: agencyIds.get(share.withKey)!,
      kind: 'shared',
      sections: [...share.sections],
    });
  }
  await country.seedRecords?.(tx, keyRing, { caseIds, agencyIds, userIds, countryCode: options.countryCode, now });
  return { agencies: agencyIds.size, users: country.accounts.length, cases: caseIds.length };
}

/** Thailand's demo beyond its cases: follow-up, meetings, care, shelters, referrals, figures and notices. */
async function seedThaiRecords(tx: Tx, keyRing: KeyRing, ids: DemoIds) {
  await seedDemoFollowUp(tx, ids);
  await seedDemoMeetings(tx, ids);
  await seedDemoCare(tx, ids);
  await seedDemoShelters(tx, keyRing, ids);
  await seedDemoDirectory(tx, ids);
  await seedDemoReferrals(tx, keyRing, ids);
  await seedDemoHtcdsValues(tx, keyRing, { caseIds: ids.caseIds, agencyId: ids.agencyIds.get('chiangrai')! });
  await seedDemoStatistics(tx, ids);
  await seedReadyToRepatriate(tx, keyRing, ids);
  await seedDemoNotifications(tx, { now: ids.now });
}

/**
 * Identifies the Cambodian woman of DEMO_READY_TO_REPATRIATE as the Thai procedure does (the
 * MDT's interview, its presumption, the inquiry officer's identification) and records her consent
 * to go home with her identity and her family's contacts, so the federation demo can ask Cambodia
 * to take her back without first walking through identification.
 */
async function seedReadyToRepatriate(tx: Tx, keyRing: KeyRing, ids: DemoIds) {
  const ready = DEMO_READY_TO_REPATRIATE;
  const caseId = ids.caseIds[ready.personIndex]!;
  const chiangrai = ids.agencyIds.get('chiangrai')!;
  const police = ids.agencyIds.get('police')!;
  const worker = ids.userIds.get('chiangrai')!;
  const [kase] = await tx.select({ openedAt: cases.openedAt }).from(cases).where(eq(cases.id, caseId));
  const opened = localToday(ids.countryCode, kase!.openedAt);
  const interviewId = randomUUID();
  const indicators = {
    act: ['recruitment', 'transportation'],
    means: ['deception', 'abuse_of_vulnerability'],
    purpose: ['forced_marriage'],
  };
  await tx.insert(identificationInterviews).values({
    id: interviewId,
    caseId,
    procedure: procedureForCountry(ids.countryCode).key,
    stepsCompleted: ['pre_screening', 'notify_mdt', 'mdt_interview_with_interpreter'],
    conductedOn: addCalendarDays(opened, 2),
    place: 'Chiang Rai',
    language: 'km',
    conductedBy: worker,
    agencyId: chiangrai,
    participantAgencyIds: [police],
    indicators,
    accountEnc: keyRing.encrypt(
      'A neighbour in Battambang promised me work in a Bangkok restaurant. The broker took me to Chiang Rai and sold me to a man as his wife. I ran away and worked in a karaoke bar in Mae Sai until the foundation found me.',
      placeOf(identificationInterviews.accountEnc, interviewId),
    ),
    status: 'completed',
  });
  const decision = { caseId, interviewId, indicators, recordedBy: worker };
  await tx.insert(traffickingStatusDecisions).values([
    {
      ...decision,
      fromStatus: 'Potential',
      toStatus: 'Presumed',
      decidingAgencyId: chiangrai,
      decidedOn: addCalendarDays(opened, 3),
      decidedByName: 'Provincial MDT, Chiang Rai',
      reasons: 'Recruitment by deception for a forced marriage, abusing her poverty and her irregular status.',
    },
    {
      ...decision,
      fromStatus: 'Presumed',
      toStatus: 'Identified',
      decidingAgencyId: police,
      decidedOn: addCalendarDays(opened, 21),
      decidedByName: 'Pol. Lt. Col. Anan Suksawat (inquiry officer, MDT chair)',
      reasons: 'The inquiry confirmed act, means and purpose; the broker has been charged.',
    },
  ]);
  await tx.update(cases).set({ traffickingStatus: 'Identified' }).where(eq(cases.id, caseId));

  const today = localToday(ids.countryCode, ids.now);
  const givenOn = addCalendarDays(today, -6);
  const [consent] = await tx
    .insert(consents)
    .values({
      caseId,
      purpose: 'repatriation',
      sections: [...ready.sections],
      countries: [ready.country],
      givenBy: 'victim',
      givenOn,
      expiresOn: addCalendarDays(today, 180),
      recordedBy: worker,
      recordedAt: new Date(`${givenOn}T04:00:00Z`),
    })
    .returning();
  await tx.insert(caseEvents).values({
    caseId,
    kind: 'consent.recorded',
    details: {
      consentId: consent!.id,
      purpose: consent!.purpose,
      sections: consent!.sections,
      agencyIds: [],
      countries: consent!.countries,
      givenBy: consent!.givenBy,
      expiresOn: consent!.expiresOn,
    },
    actorUserId: worker,
    actorAgencyId: chiangrai,
    occurredAt: consent!.recordedAt,
  });
}
