import {
  type CaseStatus,
  caseCommentInputSchema,
  contactInputSchema,
  type Gender,
  HTCDS_COLUMNS_BY_NAME,
  HTCDS_DEFAULT_GENDER,
  type HtcdsColumn,
  type HtcdsIssueCode,
  type HtcdsKeptValue,
  identityDocumentInputSchema,
  type PersonInput,
  perpetratorInputSchema,
  TRAFFICKING_STATUS_FROM_HTCDS,
  type TraffickingStatus,
  type TraffickingStatusDecisionOrg,
  traffickingEventInputSchema,
  type VictimContextInput,
} from '@seamless/contracts';
import { z } from 'zod';
import type { CellValue } from './sheet/cells.js';
import type { CellParse, ValueResolver } from './values/index.js';
import { parseBooleanCell, parseDateCell, parseIntegerCell, parseTextCell } from './values/index.js';

/** A comment as exchanged: its section, its words and when it was written. */
const exchangedCommentSchema = caseCommentInputSchema
  .extend({ writtenAt: z.string().datetime({ offset: true }).nullable().optional() })
  .strict();
export type ExchangedComment = z.infer<typeof exchangedCommentSchema>;

/** The JSON extension columns and the records each holds (docs/htcds.md). */
const JSON_COLUMN_SCHEMAS: Record<string, z.ZodType> = {
  sls_IdentityDocuments: z.array(identityDocumentInputSchema).max(10),
  sls_Contacts: z.array(contactInputSchema).max(10),
  sls_TraffickingEvents: z.array(traffickingEventInputSchema).max(50),
  sls_Perpetrators: z.array(perpetratorInputSchema).max(50),
  sls_CaseComments: z.array(exchangedCommentSchema).max(200),
  sls_FormAnswers: z.record(z.string(), z.unknown()),
};

/**
 * One spreadsheet row as Seamless understands it: a person and one case of hers. Values the row
 * leaves empty stay null here (defaults are the writer's business), so that the content key
 * depends on what the file says, not on the day it was imported.
 */
export type ImportedCase = {
  person: Omit<PersonInput, 'gender'> & { gender: Gender | null; birthYear: number | null; pseudonym: string | null };
  kase: {
    reference: string | null;
    ownerUsername: string | null;
    countryCode: string | null;
    status: CaseStatus | null;
    closureReason: string | null;
    stage: string | null;
    traffickingStatus: TraffickingStatus | null;
    openedOn: string | null;
    closedOn: string | null;
    intakeChannel: string | null;
    urgency: string | null;
    intakeLocation: string | null;
    intakeNarrative: string | null;
    locale: string | null;
    formAnswers: Record<string, unknown>;
  };
  victimContext: VictimContextInput;
  events: z.infer<typeof traffickingEventInputSchema>[];
  perpetrators: z.infer<typeof perpetratorInputSchema>[];
  comments: ExchangedComment[];
  /** `con_Consent`: true records the person's consent; false is kept as written. */
  consentGiven: boolean | null;
  /** Who decided the trafficking status (`vic_TraffickingStatusDecisionMakingOrg`). */
  decisionMakingOrg: TraffickingStatusDecisionOrg | null;
  /** The row's HTCDS referral fields, as records of a referral from or to an outside organisation. */
  referrals: ImportedReferral[];
  /** The `verbatim` columns the row fills, as written (field name → value), less those a record holds. */
  kept: Record<string, HtcdsKeptValue>;
};

export type ImportedReferral = {
  direction: 'incoming' | 'outgoing';
  organisation: string;
  caseWorker: string | null;
  reason: string | null;
  details: string | null;
  referredOn: string | null;
};

/** The HTCDS referral fields of each direction; a referral is a record once its organisation is named. */
export const REFERRAL_FIELDS = {
  incoming: {
    organisation: 'cas_ReferringOrganisation',
    referredOn: 'cas_IncomingReferralDate',
    caseWorker: 'cas_ReferringPrimaryCaseWorker',
    reason: 'cas_ReasonForIncomingReferral',
    details: 'cas_IncomingReferralDetails',
  },
  outgoing: {
    organisation: 'cas_ReferredOrganisation',
    referredOn: 'cas_OutgoingReferralDate',
    caseWorker: 'cas_ReferredPrimaryCaseWorker',
    reason: 'cas_ReasonForOutgoingReferral',
    details: 'cas_OutgoingReferralDetails',
  },
} as const satisfies Record<ImportedReferral['direction'], Record<Exclude<keyof ImportedReferral, 'direction'>, string>>;

/** Takes each named referral's fields out of the kept values into a referral record. */
function referralsOf(kept: Record<string, HtcdsKeptValue>): { referrals: ImportedReferral[]; kept: Record<string, HtcdsKeptValue> } {
  const rest = { ...kept };
  const referrals: ImportedReferral[] = [];
  for (const [direction, fields] of Object.entries(REFERRAL_FIELDS) as [
    ImportedReferral['direction'],
    (typeof REFERRAL_FIELDS)['incoming'],
  ][]) {
    if (rest[fields.organisation] === undefined) continue;
    const take = (field: string) => {
      const value = rest[field];
      delete rest[field];
      return value === undefined ? null : String(value);
    };
    referrals.push({
      direction,
      organisation: take(fields.organisation)!,
      caseWorker: take(fields.caseWorker),
      reason: take(fields.reason),
      details: take(fields.details),
      referredOn: take(fields.referredOn),
    });
  }
  return { referrals, kept: rest };
}

export type RowIssue = { column: string; code: HtcdsIssueCode; params: Record<string, string | number> };

/** The closure reasons of ours, looked up in the words of the Long Text `cas_ReasonForCaseClosure`. */
const CLOSURE_REASON: HtcdsColumn = { ...HTCDS_COLUMNS_BY_NAME.get('cas_ReasonForCaseClosure')!, kind: 'picklist' };

/** Longest text each text column keeps (the limits of the case and person schemas). */
/** HTCDS Long Text (and the deprecated vulnerabilities list, written as text by older files). */
const LONG_TEXT = 10_000;
const TEXT_LIMITS: Record<string, number> = {
  prs_FirstName: 200,
  prs_MiddleName: 200,
  prs_SecondName: 200,
  sls_NameAsWritten: 400,
  sls_Aliases: 4000,
  sls_Address: 500,
  sls_Ethnicity: 100,
  sls_IntakeNarrative: 10_000,
  cco_CaseComment: 10_000,
  cas_ReasonForCaseClosure: LONG_TEXT,
  cas_IncomingReferralDetails: LONG_TEXT,
  cas_OutgoingReferralDetails: LONG_TEXT,
  vic_DetailsOfVulnerabilities: LONG_TEXT,
  per_RoleDetails: LONG_TEXT,
  hte_Description: LONG_TEXT,
  spl_Objectives: LONG_TEXT,
  spl_ActionPlan: LONG_TEXT,
  vic_Vulnerabilities: LONG_TEXT,
  prs_IdentityNumber: 60,
};
const DEFAULT_TEXT_LIMIT = 200;
const ADDRESS_PARTS = ['prs_MailingStreet', 'prs_MailingCity', 'prs_MailingState', 'prs_MailingPostalCode', 'prs_MailingCountry'];

/**
 * Reads one row's cells (by field name) into an ImportedCase, or reports every cell that cannot
 * be read — each with its column, so the report can point at the exact cell.
 */
export function readImportedCase(
  cells: ReadonlyMap<string, CellValue>,
  resolver: ValueResolver,
  today: string,
): { importedCase: ImportedCase | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const values = new Map<string, unknown>();
  const kept: Record<string, HtcdsKeptValue> = {};
  let closureReason: string | null = null;
  for (const [name, cell] of cells) {
    const column = HTCDS_COLUMNS_BY_NAME.get(name);
    if (!column?.held || cell === null || cell === '') continue;
    const parsed = readCell(column, cell, resolver, today);
    if (!parsed.ok) {
      issues.push({ column: name, code: parsed.code, params: parsed.params });
      continue;
    }
    const value = parsed.value;
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    if (name === CLOSURE_REASON.name) {
      const known = resolver.resolveOne(CLOSURE_REASON, value as string);
      if (known.ok) closureReason = known.value;
      else kept[name] = value as string;
    } else if (column.verbatim) kept[name] = Array.isArray(value) ? value.join(';') : (value as HtcdsKeptValue);
    else values.set(name, value);
  }
  const text = (name: string) => (values.get(name) as string | undefined) ?? null;
  const list = (name: string) => (values.get(name) as string[] | undefined) ?? [];
  const integer = (name: string) => (values.get(name) as number | undefined) ?? null;
  const records = <T>(name: string) => values.get(name) as T[] | undefined;

  const givenName = [text('prs_FirstName'), text('prs_MiddleName')].filter(Boolean).join(' ');
  if (!givenName && !issues.some((issue) => issue.column === 'prs_FirstName'))
    issues.push({ column: 'prs_FirstName', code: 'required', params: {} });
  const birthDate = text('prs_Birthdate');
  const birthYear = integer('sls_BirthYear');
  if (birthDate && birthYear !== null && Number(birthDate.slice(0, 4)) !== birthYear)
    issues.push({ column: 'sls_BirthYear', code: 'conflict', params: { with: 'prs_Birthdate' } });
  const openedOn = text('sls_OpenedOn');
  const closedOn = text('sls_ClosedOn');
  if (openedOn && closedOn && closedOn < openedOn)
    issues.push({ column: 'sls_ClosedOn', code: 'conflict', params: { with: 'sls_OpenedOn' } });
  const eventColumns = ['hte_Date', 'hte_Country', 'hte_City', 'hte_State'];
  if (!values.has('hte_Type') && !values.has('sls_TraffickingEvents') && eventColumns.some((name) => values.has(name)))
    issues.push({ column: 'hte_Type', code: 'required', params: {} });
  if (issues.length) return { importedCase: null, issues };

  const htcdsStatus = text('vic_TraffickingStatus') as keyof typeof TRAFFICKING_STATUS_FROM_HTCDS | null;
  const languages = values.has('sls_Languages')
    ? list('sls_Languages')
    : [text('prs_PrimaryLanguage'), text('prs_SecondaryLanguage')].filter((language): language is string => !!language);
  const importedCase: ImportedCase = {
    person: {
      givenName,
      pseudonym: text('sls_Pseudonym'),
      familyName: text('prs_SecondName'),
      nameAsWritten: text('sls_NameAsWritten'),
      aliases: (text('sls_Aliases') ?? '')
        .split(';')
        .map((alias) => alias.trim())
        .filter(Boolean),
      gender: (text('prs_Gender') as Gender | null) ?? null,
      birthDate,
      birthYear: birthDate ? null : birthYear,
      estimatedAge: null,
      citizenship: list('prs_Citizenship'),
      languages: [...new Set(languages)] as PersonInput['languages'],
      ethnicMinority: (values.get('sls_EthnicMinority') as boolean | undefined) ?? null,
      ethnicity: text('sls_Ethnicity'),
      address: text('sls_Address') ?? (ADDRESS_PARTS.map(text).filter(Boolean).join(', ') || null),
      documents:
        records<PersonInput['documents'][number]>('sls_IdentityDocuments') ??
        (text('prs_IdentityNumber') ? [{ documentType: 'other', number: text('prs_IdentityNumber')! }] : []),
      contacts: records<PersonInput['contacts'][number]>('sls_Contacts') ?? [
        ...(text('prs_MobilePhone') ? [{ kind: 'phone' as const, value: text('prs_MobilePhone')! }] : []),
        ...(text('prs_HomePhone') ? [{ kind: 'phone' as const, value: text('prs_HomePhone')! }] : []),
        ...(text('prs_Email') ? [{ kind: 'email' as const, value: text('prs_Email')! }] : []),
      ],
    },
    kase: {
      reference: text('sls_CaseReference'),
      ownerUsername: text('cas_CaseOwner'),
      countryCode: text('sls_CaseCountry'),
      status: text('cas_Status') as CaseStatus | null,
      closureReason,
      stage: text('sls_CaseStage'),
      traffickingStatus:
        (text('sls_TraffickingStatus') as TraffickingStatus | null) ?? (htcdsStatus ? TRAFFICKING_STATUS_FROM_HTCDS[htcdsStatus] : null),
      openedOn,
      closedOn,
      intakeChannel: text('sls_IntakeChannel'),
      urgency: text('sls_Urgency'),
      intakeLocation: text('sls_IntakeLocation'),
      intakeNarrative: text('sls_IntakeNarrative'),
      locale: text('sls_CaseLanguage'),
      formAnswers: (values.get('sls_FormAnswers') as Record<string, unknown> | undefined) ?? {},
    },
    victimContext: {
      recruitmentMethods: list('vic_MethodOfRecruitment'),
      recruitmentPlace: text('vic_LocationOfRecruitment'),
      recruitmentCountry: text('sls_RecruitmentCountry'),
      recruitmentApps: list('vic_RecruitmentWebsitesAndApps'),
      controlMethods: list('vic_MethodsOfControl'),
      exploitationTypes: values.has('sls_TypeOfExploitation') ? list('sls_TypeOfExploitation') : list('vic_TypeOfExploitation'),
      forcedLabourIndustries: list('vic_ForcedLabourIndustry'),
      sexualExploitationTypes: list('vic_TypeOfSexExploitation'),
      relationshipsToTrafficker: list('vic_RelationshipToTrafficker'),
      ageWhenTrafficked: integer('vic_AgeWhenTrafficked'),
      exploitationCountry: text('vic_LocationOfExploitation'),
    } as VictimContextInput,
    events:
      records('sls_TraffickingEvents') ??
      (values.has('hte_Type')
        ? [
            {
              eventType: text('hte_Type') as 'Recruitment',
              country: text('hte_Country'),
              place: [text('hte_City'), text('hte_State')].filter(Boolean).join(', ') || null,
              startedOn: text('hte_Date'),
              endedOn: null,
            },
          ]
        : []),
    perpetrators:
      records('sls_Perpetrators') ??
      (values.has('per_RoleInProcess') ? [{ roles: list('per_RoleInProcess') as ImportedCase['perpetrators'][number]['roles'] }] : []),
    comments: records('sls_CaseComments') ?? (text('cco_CaseComment') ? [{ section: 'general', body: text('cco_CaseComment')! }] : []),
    consentGiven: (values.get('con_Consent') as boolean | undefined) ?? null,
    decisionMakingOrg: text('vic_TraffickingStatusDecisionMakingOrg') as TraffickingStatusDecisionOrg | null,
    ...referralsOf(kept),
  };
  return { importedCase, issues };
}

/** The gender an imported person gets when the row leaves it empty. */
export const genderOf = (importedCase: ImportedCase): Gender => importedCase.person.gender ?? HTCDS_DEFAULT_GENDER;

function readCell(column: HtcdsColumn, cell: CellValue, resolver: ValueResolver, today: string): CellParse<unknown> {
  switch (column.kind) {
    case 'text':
      return parseTextCell(cell, { max: TEXT_LIMITS[column.name] ?? DEFAULT_TEXT_LIMIT });
    case 'date':
      return parseDateCell(cell, { today, notInFuture: true });
    case 'integer':
      return column.name === 'sls_BirthYear'
        ? parseIntegerCell(cell, { min: 1900, max: Number(today.slice(0, 4)) })
        : parseIntegerCell(cell, { min: 0, max: 120 });
    case 'boolean':
      return parseBooleanCell(cell);
    case 'picklist':
    case 'country':
    case 'language':
      return keptAsWritten(column, cell, resolver.resolveOne(column, cell));
    case 'multiselect':
    case 'countries':
    case 'languages':
      return keptAsWritten(column, cell, resolver.resolveMany(column, cell));
    case 'json':
      return readJsonCell(column.name, cell);
  }
}

/** A value we do not know, in a column we keep as written, is kept as the file wrote it. */
function keptAsWritten(column: HtcdsColumn, cell: CellValue, resolved: CellParse<unknown>): CellParse<unknown> {
  if (resolved.ok || !column.verbatim) return resolved;
  return parseTextCell(cell, { max: DEFAULT_TEXT_LIMIT });
}

function readJsonCell(name: string, cell: CellValue): CellParse<unknown> {
  if (typeof cell !== 'string') return { ok: false, code: 'invalid_json', params: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(cell);
  } catch {
    return { ok: false, code: 'invalid_json', params: {} };
  }
  const result = JSON_COLUMN_SCHEMAS[name]!.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, code: 'invalid_json', params: { path: issue.path.join('.') } };
  }
  return { ok: true, value: result.data };
}
