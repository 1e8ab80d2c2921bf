import {
  type CaseSection,
  EXPLOITATION_TYPE_HTCDS_FALLBACK,
  type ExploitationTypeExtension,
  HTCDS_COLUMNS,
  HTCDS_COLUMNS_BY_NAME,
  isHtcdsExploitationType,
  TRAFFICKING_STATUS_TO_HTCDS,
} from '@seamless/contracts';
import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../../audit/record.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { asActor } from '../../db/actorContext.js';
import { personIdentityValue, placeOf } from '../../db/cipherPlace.js';
import { type Db, inTurn, type Tx } from '../../db/client.js';
import {
  agencies,
  caseComments,
  cases,
  perpetrators,
  personContacts,
  personDocuments,
  personNames,
  traffickingEvents,
  users,
} from '../../db/schema/index.js';
import { type CaseView, loadCaseViews } from '../../db/visibleCases.js';
import { localToday } from '../../followUp/schedule.js';
import { visibleFormAnswers } from '../../forms/formConfiguration.js';
import { type Actor, dbActorOf } from '../../policies/actor.js';
import { exportableSections, exportedColumn, withheldKeys } from '../../policies/htcdsExchange.js';
import type { CellValue } from '../sheet/cells.js';
import { exportedHeldRecords } from './exportedHeldRecords.js';

/** Cases read per transaction while the file streams out. */
const PAGE = 500;

const byJson = <T>(items: T[]) =>
  items
    .map((item) => [JSON.stringify(item), item] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => item);
const joined = (values: readonly string[] | null | undefined) => (values?.length ? values.join(';') : null);
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const json = (value: unknown[] | Record<string, unknown>) =>
  (Array.isArray(value) ? value.length : Object.keys(value).length) ? JSON.stringify(value) : null;

/** The export a page of rows belongs to, so its audit event names the cases that left. */
export type ExportAudit = { context: AuditContext; exportId: string };

/**
 * The rows of an export: every case the actor may export under `where`, in reference order
 * (stable across instances, so a round trip compares row by row), a page at a time. Columns of a
 * section the actor may not take out stay empty; identity columns too unless `identities`. Each
 * page's case ids are audited in the transaction that reads the page.
 */
export async function* exportedCaseRows(
  db: Db,
  keyRing: KeyRing,
  actor: Actor,
  where: SQL | undefined,
  identities: boolean,
  audit: ExportAudit,
): AsyncGenerator<CellValue[]> {
  let after = '';
  for (;;) {
    const page = await asActor(db, dbActorOf(actor), async (tx) => {
      const views = await loadCaseViews(tx, actor, and(where, gt(cases.reference, after)), [asc(cases.reference)], PAGE, 0);
      const exportable = views.flatMap((view) => {
        const sections = exportableSections(actor, view.involvement, identities);
        return sections ? [{ view, sections }] : [];
      });
      if (exportable.length) {
        await recordAudit(tx, audit.context, {
          action: 'export.cases',
          resourceType: 'htcds_export',
          resourceId: audit.exportId,
          details: { caseIds: exportable.map(({ view }) => view.kase.id), identities },
        });
      }
      return { last: views.at(-1)?.kase.reference ?? null, full: views.length === PAGE, rows: await rowsOf(tx, keyRing, exportable) };
    });
    yield* page.rows;
    if (!page.full || !page.last) return;
    after = page.last;
  }
}

async function rowsOf(tx: Tx, keyRing: KeyRing, items: { view: CaseView; sections: Set<CaseSection> }[]): Promise<CellValue[][]> {
  if (!items.length) return [];
  const caseIds = items.map((item) => item.view.kase.id);
  const personIds = [...new Set(items.map((item) => item.view.person.id))];
  const ownerIds = [...new Set(items.map((item) => item.view.kase.ownerUserId).filter((id): id is string => !!id))];
  const now = new Date();
  const [aliases, documents, contacts, events, perps, comments, owners, ownerAgencies, heldRecords] = await inTurn([
    () =>
      tx
        .select()
        .from(personNames)
        .where(and(inArray(personNames.personId, personIds), eq(personNames.kind, 'alias'))),
    () => tx.select().from(personDocuments).where(inArray(personDocuments.personId, personIds)),
    () => tx.select().from(personContacts).where(inArray(personContacts.personId, personIds)),
    () => tx.select().from(traffickingEvents).where(inArray(traffickingEvents.caseId, caseIds)),
    () => tx.select().from(perpetrators).where(inArray(perpetrators.caseId, caseIds)),
    () => tx.select().from(caseComments).where(inArray(caseComments.caseId, caseIds)),
    () => (ownerIds.length ? tx.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, ownerIds)) : []),
    () =>
      tx
        .select()
        .from(agencies)
        .where(inArray(agencies.id, [...new Set(items.map((item) => item.view.kase.ownerAgencyId))])),
    () =>
      exportedHeldRecords(
        tx,
        keyRing,
        items.map(({ view, sections }) => ({
          id: view.kase.id,
          ownerAgencyId: view.kase.ownerAgencyId,
          today: localToday(view.kase.countryCode, now),
          withIdentity: sections.has('identity'),
        })),
      ),
  ]);
  const group = <T, K extends keyof T>(rows: T[], key: K) => {
    const map = new Map<T[K], T[]>();
    for (const row of rows) map.set(row[key], [...(map.get(row[key]) ?? []), row]);
    return map;
  };
  const aliasesOf = group(aliases, 'personId');
  const documentsOf = group(documents, 'personId');
  const contactsOf = group(contacts, 'personId');
  const eventsOf = group(events, 'caseId');
  const perpetratorsOf = group(perps, 'caseId');
  const commentsOf = group(comments, 'caseId');
  const usernameOf = new Map(owners.map((owner) => [owner.id, owner.username]));
  const agencyOf = new Map(ownerAgencies.map((agency) => [agency.id, agency]));

  const rows: CellValue[][] = [];
  for (const { view, sections } of items) {
    const { kase, person, victimContext } = view;
    const identity = sections.has('identity');
    const agency = agencyOf.get(kase.ownerAgencyId);
    const docs = byJson(
      (documentsOf.get(person.id) ?? []).map((document) => ({
        documentType: document.documentType,
        number: keyRing.decrypt(document.numberEnc, placeOf(personDocuments.numberEnc, document.id)),
        issuingCountry: document.issuingCountry,
        expiresOn: document.expiresOn,
      })),
    );
    const contactList = byJson(
      (contactsOf.get(person.id) ?? []).map((contact) => ({
        kind: contact.kind,
        value: keyRing.decrypt(contact.valueEnc, placeOf(personContacts.valueEnc, contact.id)),
      })),
    );
    const withheld = (name: string) => withheldKeys(HTCDS_COLUMNS_BY_NAME.get(name)!, sections);
    const eventList = byJson(
      (eventsOf.get(kase.id) ?? []).map((event) => ({
        eventType: event.eventType,
        country: event.country,
        place: event.place,
        startedOn: event.startedOn,
        endedOn: event.endedOn,
      })),
    );
    const perpetratorList = byJson(
      (perpetratorsOf.get(kase.id) ?? []).map((perpetrator) => ({
        roles: perpetrator.roles,
        name: keyRing.decrypt(perpetrator.nameEnc, placeOf(perpetrators.nameEnc, perpetrator.id)),
        gender: perpetrator.gender,
        nationality: perpetrator.nationality,
        relationship: perpetrator.relationship,
      })),
    );
    const commentList = byJson(
      (commentsOf.get(kase.id) ?? [])
        .filter((comment) => comment.section === 'general' || sections.has(comment.section))
        .map((comment) => ({
          section: comment.section,
          body: keyRing.decrypt(comment.bodyEnc, placeOf(caseComments.bodyEnc, comment.id)),
          writtenAt: comment.createdAt.toISOString(),
        })),
    );
    const exploitation = victimContext?.exploitationTypes ?? [];
    const birthDate = personIdentityValue(keyRing, person, 'birthDateEnc');
    const held = heldRecords.get(kase.id)!;
    const values: Record<string, CellValue> = {
      ...held.kept,
      org_Name: agency?.name ?? null,
      org_Type: agency?.organisationType ?? null,
      org_ShippingCountry: agency?.countryCode ?? null,
      cas_CaseOwner: kase.ownerUserId ? (usernameOf.get(kase.ownerUserId) ?? null) : null,
      prs_FirstName: personIdentityValue(keyRing, person, 'givenNameEnc'),
      prs_SecondName: personIdentityValue(keyRing, person, 'familyNameEnc'),
      prs_Birthdate: birthDate,
      prs_Gender: person.gender,
      prs_PrimaryLanguage: person.languages[0] ?? null,
      prs_SecondaryLanguage: person.languages[1] ?? null,
      prs_Citizenship: joined(person.citizenship),
      prs_IdentityNumber: docs[0]?.number ?? null,
      prs_Email: contactList.find((contact) => contact.kind === 'email')?.value ?? null,
      prs_MobilePhone: contactList.find((contact) => contact.kind === 'phone')?.value ?? null,
      prs_MailingStreet: personIdentityValue(keyRing, person, 'addressEnc'),
      vic_TraffickingStatus: TRAFFICKING_STATUS_TO_HTCDS[kase.traffickingStatus],
      vic_TraffickingStatusDecisionMakingOrg: held.decisionMakingOrg,
      vic_RelationshipToTrafficker: joined(victimContext?.relationshipsToTrafficker),
      vic_AgeWhenTrafficked: victimContext?.ageWhenTrafficked ?? null,
      vic_RecruitmentWebsitesAndApps: joined(victimContext?.recruitmentApps),
      vic_MethodOfRecruitment: joined(victimContext?.recruitmentMethods),
      vic_LocationOfRecruitment: victimContext?.recruitmentPlace ?? null,
      vic_MethodsOfControl: joined(victimContext?.controlMethods),
      vic_TypeOfExploitation: joined([
        ...new Set(
          exploitation.map((type) =>
            isHtcdsExploitationType(type) ? type : EXPLOITATION_TYPE_HTCDS_FALLBACK[type as ExploitationTypeExtension],
          ),
        ),
      ]),
      vic_ForcedLabourIndustry: joined(victimContext?.forcedLabourIndustries),
      vic_TypeOfSexExploitation: joined(victimContext?.sexualExploitationTypes),
      vic_LocationOfExploitation: victimContext?.exploitationCountry ?? null,
      per_RoleInProcess: joined([...new Set(perpetratorList.flatMap((perpetrator) => perpetrator.roles))]),
      cas_Status: kase.status,
      cas_ReasonForCaseClosure: kase.closureReason ?? held.kept.cas_ReasonForCaseClosure ?? null,
      cco_CaseComment: commentList.find((comment) => comment.section === 'general')?.body ?? null,
      hte_Type: eventList[0]?.eventType ?? null,
      hte_Date: eventList[0]?.startedOn ?? null,
      hte_Country: eventList[0]?.country ?? null,
      hte_City: eventList[0]?.place ?? null,
      con_Consent: held.consent,
      ...held.referralCells,
      sls_CaseReference: kase.reference,
      sls_CaseCountry: kase.countryCode,
      sls_OpenedOn: day(kase.openedAt),
      sls_ClosedOn: day(kase.closedAt),
      sls_CaseStage: kase.stage,
      sls_TraffickingStatus: kase.traffickingStatus,
      sls_TypeOfExploitation: joined(exploitation),
      sls_RecruitmentCountry: victimContext?.recruitmentCountry ?? null,
      sls_IntakeChannel: kase.intakeChannel,
      sls_Urgency: kase.urgency,
      sls_IntakeLocation: kase.intakeLocation,
      sls_IntakeNarrative: keyRing.decrypt(kase.intakeNarrativeEnc, placeOf(cases.intakeNarrativeEnc, kase.id)),
      sls_CaseLanguage: kase.locale,
      sls_Pseudonym: person.pseudonym,
      sls_NameAsWritten: personIdentityValue(keyRing, person, 'nameAsWrittenEnc'),
      sls_Aliases: joined(
        byJson((aliasesOf.get(person.id) ?? []).map((alias) => keyRing.decrypt(alias.nameEnc, placeOf(personNames.nameEnc, alias.id)))),
      ),
      sls_BirthYear: identity && birthDate ? null : person.birthYear,
      sls_Languages: joined(person.languages),
      sls_EthnicMinority: person.ethnicMinority,
      sls_Ethnicity: person.ethnicity,
      sls_IdentityDocuments: json(docs),
      sls_Contacts: json(contactList),
      sls_Address: personIdentityValue(keyRing, person, 'addressEnc'),
      sls_TraffickingEvents: json(eventList.map((event) => without(event, withheld('sls_TraffickingEvents')))),
      sls_Perpetrators: json(perpetratorList.map((perpetrator) => without(perpetrator, withheld('sls_Perpetrators')))),
      sls_CaseComments: json(commentList),
      sls_FormAnswers: json(
        sortedObject(
          await visibleFormAnswers(tx, keyRing, { countryCode: kase.countryCode, agencyId: kase.ownerAgencyId }, kase, [...sections], {
            withoutFreeText: !sections.has('identity'),
          }),
        ),
      ),
    };
    rows.push(HTCDS_COLUMNS.map((column) => (exportedColumn(column, sections) ? (values[column.name] ?? null) : null)));
  }
  return rows;
}

const without = (record: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
const sortedObject = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
