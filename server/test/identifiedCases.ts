import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../src/db/client.js';
import { cases, persons, traffickingStatusDecisions, victimContexts } from '../src/db/schema/index.js';

/** A person as the statistics datasets write one: the values figures break down by. */
export type DatasetPerson = {
  gender: 'Feminine' | 'Masculine';
  birthYear: number;
  /** ISO alpha-2; Myanmar unless said. */
  citizenship?: string;
  /** The agency that recorded her. */
  agencyId: string;
};

/** One case of a dataset with its victim context and the status decision that dates a figure. */
export type DatasetCase = {
  ownerAgencyId: string;
  /** When the case was opened; the day of identification at 03:00 UTC unless said. */
  openedAt?: string;
  identifiedOn: string;
  exploitation?: string[];
  /** Where she was exploited; Thailand unless said. */
  exploitationCountry?: string;
  ageWhenTrafficked?: number;
  intakeLocation?: string;
  /** Identified unless said: a presumed victim is no identified one. */
  toStatus?: 'Identified' | 'Presumed';
  traffickingStatus?: 'Identified' | 'NotAVictim' | 'Presumed';
  countryCode?: string;
};

/**
 * Hand-made records for the statistics tests, written as the database holds them (persons, cases,
 * victim contexts and status decisions), each reference and pseudonym marked with the test's
 * prefix. The decision is recorded by `recorderId` for `decidingAgencyId`, as an MDT would.
 */
export function identifiedCases({
  prefix,
  recorderId,
  decidingAgencyId,
}: {
  prefix: string;
  recorderId: string;
  decidingAgencyId: string;
}) {
  let serial = 0;
  const person = async (tx: Tx, input: DatasetPerson): Promise<string> => {
    serial += 1;
    const [row] = await tx
      .insert(persons)
      .values({
        gender: input.gender,
        birthYear: input.birthYear,
        citizenship: [input.citizenship ?? 'MM'],
        pseudonym: `P-${prefix}${String(serial).padStart(2, '0')}`,
        createdByAgencyId: input.agencyId,
      })
      .returning({ id: persons.id });
    return row!.id;
  };
  const identifiedCase = async (tx: Tx, personId: string, input: DatasetCase): Promise<string> => {
    serial += 1;
    const [kase] = await tx
      .insert(cases)
      .values({
        reference: `TH-${prefix}-${serial}-${randomUUID().slice(0, 6)}`,
        countryCode: input.countryCode ?? 'TH',
        personId,
        ownerAgencyId: input.ownerAgencyId,
        traffickingStatus: input.traffickingStatus ?? 'Identified',
        intakeLocation: input.intakeLocation ?? null,
        openedAt: new Date(input.openedAt ?? `${input.identifiedOn}T03:00:00Z`),
      })
      .returning({ id: cases.id });
    await tx.insert(victimContexts).values({
      caseId: kase!.id,
      exploitationTypes: input.exploitation ?? ['ForcedLabour'],
      ageWhenTrafficked: input.ageWhenTrafficked ?? null,
      exploitationCountry: input.exploitationCountry ?? 'TH',
    });
    await tx.insert(traffickingStatusDecisions).values({
      caseId: kase!.id,
      fromStatus: input.toStatus === 'Presumed' ? 'Potential' : 'Presumed',
      toStatus: input.toStatus ?? 'Identified',
      decidingAgencyId,
      decidedOn: input.identifiedOn,
      decidedByName: 'Inquiry officer Somsak (test)',
      reasons: 'Indicators of act, means and purpose',
      recordedBy: recorderId,
    });
    return kase!.id;
  };
  return { person, identifiedCase };
}

/** The Thai demo's agencies a dataset's cases belong to. */
export type DemoAgencies = Record<'chiangrai' | 'ngo' | 'police', string>;

/**
 * A dataset in the Thai demo: the Chiang Rai office, the NGO and the police by id, and the police
 * officer (th.police) who records the status decisions the police's MDT takes.
 */
export async function thaiDemoDataset(tx: Tx, prefix: string) {
  const rows = rowsOf<{ id: string; acronym: string | null; agency_function: string }>(
    await tx.execute(sql`select id, acronym, agency_function from agencies where country_code = 'TH'`),
  );
  const agency: DemoAgencies = {
    chiangrai: rows.find((row) => row.acronym === 'PSDHS Chiang Rai')!.id,
    ngo: rows.find((row) => row.agency_function === 'ngo')!.id,
    police: rows.find((row) => row.acronym === 'ATPD')!.id,
  };
  const [recorder] = rowsOf<{ id: string }>(await tx.execute(sql`select id from users where username = 'th.police'`));
  const recorderId = recorder!.id;
  return { agency, recorderId, ...identifiedCases({ prefix, recorderId, decidingAgencyId: agency.police }) };
}
