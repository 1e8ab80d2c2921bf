import { z } from 'zod';
import { CASE_STATUSES, GENDERS, TRAFFICKING_STATUSES } from './htcds.js';
import { SUPPORTED_LOCALES } from './locales.js';
import type { CaseSection } from './permissions.js';
import { isoDate } from './plausibility.js';
import {
  CASE_CLOSURE_REASONS,
  CASE_STAGES,
  CONTROL_METHODS,
  EDUCATION_LEVELS,
  EXPLOITATION_TYPES,
  FORCED_LABOUR_INDUSTRIES,
  HTCDS_EXPLOITATION_TYPES,
  HTCDS_TRAFFICKING_STATUSES,
  INTAKE_CHANNELS,
  INTAKE_URGENCIES,
  MARITAL_STATUSES,
  ONLINE_PLATFORMS,
  PERPETRATOR_ROLES,
  RECRUITMENT_METHODS,
  REFERRAL_REASONS,
  RELATIONSHIPS_TO_TRAFFICKER,
  SEXUAL_EXPLOITATION_TYPES,
  SPOKEN_LANGUAGES,
  SUPPORT_PLAN_TYPES,
  TRAFFICKING_EVENT_TYPES,
  TRAFFICKING_STATUS_DECISION_ORGS,
} from './vocabulary.js';

/**
 * How a cell of an HTCDS spreadsheet is read and written:
 * - `picklist`/`multiselect`: value names (or their labels in any of our languages), several
 *   separated by ';';
 * - `country(ies)`: ISO 3166-1 alpha-2 codes or country names; `language(s)`: ISO 639-1 codes or names;
 * - `json`: one of our extension columns holding a list of records (documented in docs/htcds.md).
 */
export const HTCDS_COLUMN_KINDS = [
  'text',
  'date',
  'integer',
  'boolean',
  'picklist',
  'multiselect',
  'country',
  'countries',
  'language',
  'languages',
  'json',
] as const;
export type HtcdsColumnKind = (typeof HTCDS_COLUMN_KINDS)[number];

/** Our extension columns carry this prefix, so no HTCDS field name can ever collide with them. */
export const HTCDS_EXTENSION_PREFIX = 'sls_';

export type HtcdsColumn = {
  /** Field name with prefix: the interchange key written in row 1. */
  name: string;
  /** The IOM toolkit's label (row 2), matched when a file lacks or misspells the name. */
  label: string;
  kind: HtcdsColumnKind;
  /** Allowed value names of picklists. */
  values?: readonly string[];
  /** Catalogue key whose children label the values (e.g. `vocab.exploitationType`). */
  vocabulary?: string;
  /** Need-to-know section the column's content belongs to (export leaves it out without it). */
  section?: CaseSection;
  /**
   * False for a field Seamless would not keep: import reports its values as not kept. Every
   * HTCDS 2.0 column we read is held, in its own record or as written (`verbatim`).
   */
  held: boolean;
  /**
   * Held as the file wrote it, with the case (shown on the case, written back on export), for
   * fields no record of ours holds. A picklist value we do not know is kept as written too.
   */
  verbatim?: boolean;
  /** An extension column refining this HTCDS column: on import the extension wins when both are filled. */
  refines?: string;
  /**
   * Content that can name or locate a person whatever its section: text a worker typed, or a
   * place below the province. It leaves only with the case's identity columns (`export:identities`).
   */
  identifying?: IdentifyingContent;
  /** The same, for the keys of a `json` column's records (the rest of each record still leaves). */
  identifyingKeys?: Readonly<Record<string, IdentifyingContent>>;
};

export const IDENTIFYING_CONTENTS = ['free_text', 'local_place'] as const;
export type IdentifyingContent = (typeof IDENTIFYING_CONTENTS)[number];

const column = (name: string, label: string, kind: HtcdsColumnKind, more: Partial<HtcdsColumn> = {}): HtcdsColumn => ({
  name,
  label,
  kind,
  held: true,
  ...more,
});
const identity = { section: 'identity' } as const;
const legal = { section: 'legal' } as const;
const freeText = { identifying: 'free_text' } as const;
const localPlace = { identifying: 'local_place' } as const;
/** An organisation's name names no person: it leaves without identities. */
const organisationName = { identifying: undefined } as const;
/** Typed text is identity-level: it can name or locate the person whatever it is about. */
const verbatim = (name: string, label: string, kind: HtcdsColumnKind = 'text', more: Partial<HtcdsColumn> = {}): HtcdsColumn =>
  column(name, label, kind, { verbatim: true, ...(kind === 'text' ? freeText : {}), ...more });

/**
 * Every column Seamless reads and writes, in the order of an export: the HTCDS 2.0 fields
 * (shared/reference) first, then our extensions. One row is one case.
 */
export const HTCDS_COLUMNS: readonly HtcdsColumn[] = [
  /** The organisation that wrote the file is kept as written; an export names the owner agency. */
  verbatim('org_Name', 'Organisation Name'),
  verbatim('org_Type', 'Type'),
  verbatim('org_ShippingCountry', 'Shipping Country', 'country'),
  /** The owner caseworker's username: an import assigns the case to that user of the importing agency. */
  column('cas_CaseOwner', 'Case Owner', 'text'),
  column('prs_FirstName', 'First Name', 'text', identity),
  column('prs_MiddleName', 'Middle Name', 'text', identity),
  column('prs_SecondName', 'Second Name', 'text', identity),
  column('prs_Birthdate', 'Birthdate', 'date', identity),
  column('prs_Gender', 'Gender', 'picklist', { values: GENDERS, vocabulary: 'gender' }),
  verbatim('prs_Salutation', 'Salutation'),
  verbatim('prs_Title', 'Title'),
  verbatim('prs_Deceased', 'Deceased', 'boolean'),
  verbatim('prs_MaritalStatus', 'Marital Status', 'picklist', { values: MARITAL_STATUSES, vocabulary: 'vocab.maritalStatus' }),
  verbatim('prs_NumberOfChildren', 'Number of Children', 'integer'),
  column('prs_PrimaryLanguage', 'Primary Language', 'language', { values: SPOKEN_LANGUAGES, vocabulary: 'vocab.spokenLanguage' }),
  column('prs_SecondaryLanguage', 'Secondary Language', 'language', { values: SPOKEN_LANGUAGES, vocabulary: 'vocab.spokenLanguage' }),
  verbatim('prs_HighestLevelOfEducation', 'Highest Level of Education', 'picklist', {
    values: EDUCATION_LEVELS,
    vocabulary: 'vocab.educationLevel',
  }),
  column('prs_Citizenship', 'Citizenship', 'countries'),
  column('prs_IdentityNumber', 'Identity Number', 'text', identity),
  column('prs_Email', 'Email', 'text', identity),
  column('prs_HomePhone', 'Home Phone', 'text', identity),
  column('prs_MobilePhone', 'Mobile Phone', 'text', identity),
  column('prs_MailingStreet', 'Mailing Street', 'text', identity),
  column('prs_MailingCity', 'Mailing City', 'text', identity),
  column('prs_MailingState', 'Mailing State/Province', 'text', identity),
  column('prs_MailingPostalCode', 'Mailing Zip/Postal Code', 'text', identity),
  column('prs_MailingCountry', 'Mailing Country', 'country', identity),
  verbatim('vic_AgreementToManagePersonalData', 'Agreement to Manage Personal Data', 'boolean'),
  column('vic_TraffickingStatus', 'Trafficking Status', 'picklist', { values: HTCDS_TRAFFICKING_STATUSES }),
  /** Held by the status decision that brought the case to its trafficking status. */
  column('vic_TraffickingStatusDecisionMakingOrg', 'Trafficking Status Decision Making Organization', 'picklist', {
    values: TRAFFICKING_STATUS_DECISION_ORGS,
    vocabulary: 'vocab.decisionOrg',
  }),
  column('vic_RelationshipToTrafficker', 'Relationship to Trafficker', 'multiselect', {
    values: RELATIONSHIPS_TO_TRAFFICKER,
    vocabulary: 'vocab.relationship',
  }),
  column('vic_AgeWhenTrafficked', 'Age when Trafficked', 'integer'),
  column('vic_RecruitmentWebsitesAndApps', 'Recruitment Websites and Apps', 'multiselect', {
    values: ONLINE_PLATFORMS,
    vocabulary: 'vocab.onlinePlatform',
  }),
  column('vic_MethodOfRecruitment', 'Method of Recruitment', 'multiselect', {
    values: RECRUITMENT_METHODS,
    vocabulary: 'vocab.recruitmentMethod',
  }),
  column('vic_LocationOfRecruitment', 'Location of Recruitment', 'text', localPlace),
  column('vic_MethodsOfControl', 'Methods of Control', 'multiselect', { values: CONTROL_METHODS, vocabulary: 'vocab.controlMethod' }),
  column('vic_TypeOfExploitation', 'Type of Exploitation', 'multiselect', {
    values: HTCDS_EXPLOITATION_TYPES,
    vocabulary: 'vocab.exploitationType',
  }),
  column('vic_ForcedLabourIndustry', 'Forced Labour Industry', 'multiselect', {
    values: FORCED_LABOUR_INDUSTRIES,
    vocabulary: 'vocab.forcedLabourIndustry',
  }),
  column('vic_TypeOfSexExploitation', 'Type of Sex Exploitation', 'multiselect', {
    values: SEXUAL_EXPLOITATION_TYPES,
    vocabulary: 'vocab.sexualExploitationType',
  }),
  column('vic_LocationOfExploitation', 'Location of Exploitation', 'country'),
  verbatim('vic_ExploitationWebsitesAndApps', 'Exploitation Websites and Apps', 'multiselect', {
    values: ONLINE_PLATFORMS,
    vocabulary: 'vocab.onlinePlatform',
  }),
  verbatim('vic_Vulnerabilities', 'Vulnerabilities'),
  verbatim('vic_DetailsOfVulnerabilities', 'Details Of Vulnerabilities'),
  column('per_RoleInProcess', 'Role in Process', 'multiselect', { values: PERPETRATOR_ROLES, vocabulary: 'vocab.perpetratorRole' }),
  verbatim('per_RoleDetails', 'Role Details'),
  column('cas_Status', 'Status', 'picklist', { values: CASE_STATUSES, vocabulary: 'caseStatus' }),
  /**
   * Long Text in HTCDS 2.0: a closure reason of ours (its name or label in any of our languages)
   * is held as the case's reason; other words are kept as written, and leave only with identities.
   */
  column('cas_ReasonForCaseClosure', 'Reason for Case Closure', 'text', {
    values: CASE_CLOSURE_REASONS,
    vocabulary: 'vocab.closureReason',
    verbatim: true,
  }),
  verbatim('cas_ReferringOrganisation', 'Referring Organisation', 'text', organisationName),
  verbatim('cas_IncomingReferralDate', 'Incoming Referral Date', 'date'),
  verbatim('cas_ReferringPrimaryCaseWorker', 'Referring Primary Case Worker'),
  verbatim('cas_ReasonForIncomingReferral', 'Reason for Incoming Referral', 'picklist', {
    values: REFERRAL_REASONS,
    vocabulary: 'vocab.referralReason',
  }),
  verbatim('cas_IncomingReferralDetails', 'Incoming Referral Details'),
  verbatim('cas_ReferredOrganisation', 'Referred Organisation', 'text', organisationName),
  verbatim('cas_ReferredPrimaryCaseWorker', 'Referred Primary Case Worker'),
  verbatim('cas_ReasonForOutgoingReferral', 'Reason for Outgoing Referral', 'picklist', {
    values: REFERRAL_REASONS,
    vocabulary: 'vocab.referralReason',
  }),
  verbatim('cas_OutgoingReferralDate', 'Outgoing Referral Date', 'date'),
  verbatim('cas_OutgoingReferralDetails', 'Outgoing Referral Details'),
  column('cco_CaseComment', 'Case Comment', 'text', freeText),
  column('hte_Type', 'Type', 'picklist', { values: TRAFFICKING_EVENT_TYPES, vocabulary: 'vocab.eventType' }),
  column('hte_Date', 'Date', 'date'),
  column('hte_Country', 'Country', 'country'),
  column('hte_City', 'City', 'text', localPlace),
  column('hte_State', 'State', 'text'),
  verbatim('hte_Street', 'Street', 'text', localPlace),
  verbatim('hte_PostalCode', 'PostalCode', 'text', localPlace),
  verbatim('hte_Description', 'Description'),
  verbatim('spl_Type', 'Type', 'picklist', { values: SUPPORT_PLAN_TYPES, vocabulary: 'vocab.supportPlanType' }),
  verbatim('spl_Objectives', 'Objectives'),
  verbatim('spl_ActionPlan', 'Action Plan'),
  verbatim('spl_PlannedEndDate', 'Planned End Date', 'date'),
  verbatim('spl_ActualEndDate', 'Actual End Date', 'date'),
  /** "Yes" is held as a consent record; "no" is kept as written (no record of refusal exists). */
  column('con_Consent', 'Consent', 'boolean'),
  // Our extensions (documented in docs/htcds.md).
  column('sls_CaseReference', 'Seamless case reference', 'text'),
  column('sls_CaseCountry', 'Seamless case country', 'country'),
  column('sls_OpenedOn', 'Seamless case opened on', 'date'),
  column('sls_ClosedOn', 'Seamless case closed on', 'date'),
  column('sls_CaseStage', 'Seamless case stage', 'picklist', { values: CASE_STAGES, vocabulary: 'vocab.caseStage' }),
  column('sls_TraffickingStatus', 'Seamless trafficking status', 'picklist', {
    values: TRAFFICKING_STATUSES,
    vocabulary: 'traffickingStatus',
    refines: 'vic_TraffickingStatus',
  }),
  column('sls_TypeOfExploitation', 'Seamless type of exploitation', 'multiselect', {
    values: EXPLOITATION_TYPES,
    vocabulary: 'vocab.exploitationType',
    refines: 'vic_TypeOfExploitation',
  }),
  column('sls_RecruitmentCountry', 'Seamless recruitment country', 'country'),
  column('sls_IntakeChannel', 'Seamless intake channel', 'picklist', { values: INTAKE_CHANNELS, vocabulary: 'vocab.intakeChannel' }),
  column('sls_Urgency', 'Seamless urgency', 'picklist', { values: INTAKE_URGENCIES, vocabulary: 'vocab.urgency' }),
  column('sls_IntakeLocation', 'Seamless intake location', 'text', localPlace),
  column('sls_IntakeNarrative', 'Seamless intake narrative', 'text', identity),
  column('sls_CaseLanguage', 'Seamless case language', 'picklist', { values: SUPPORTED_LOCALES }),
  column('sls_Pseudonym', 'Seamless pseudonym', 'text'),
  column('sls_NameAsWritten', 'Seamless name as written', 'text', identity),
  column('sls_Aliases', 'Seamless aliases', 'text', identity),
  /** Written when the birth date is not (only an estimated age known, or identities withheld). */
  column('sls_BirthYear', 'Seamless birth year', 'integer'),
  column('sls_Languages', 'Seamless languages', 'languages', { values: SPOKEN_LANGUAGES, vocabulary: 'vocab.spokenLanguage' }),
  column('sls_EthnicMinority', 'Seamless ethnic minority', 'boolean'),
  column('sls_Ethnicity', 'Seamless ethnicity', 'text', identity),
  column('sls_IdentityDocuments', 'Seamless identity documents', 'json', { ...identity, refines: 'prs_IdentityNumber' }),
  column('sls_Contacts', 'Seamless contacts', 'json', { ...identity, refines: 'prs_MobilePhone' }),
  column('sls_Address', 'Seamless address', 'text', { ...identity, refines: 'prs_MailingStreet' }),
  column('sls_TraffickingEvents', 'Seamless trafficking events', 'json', {
    refines: 'hte_Type',
    identifyingKeys: { place: 'local_place' },
  }),
  column('sls_Perpetrators', 'Seamless perpetrators', 'json', {
    ...legal,
    refines: 'per_RoleInProcess',
    identifyingKeys: { name: 'free_text' },
  }),
  column('sls_CaseComments', 'Seamless case comments', 'json', { refines: 'cco_CaseComment', ...freeText }),
  /** Answers to text fields of the country's forms count as free text (left out without identities). */
  column('sls_FormAnswers', 'Seamless form answers', 'json'),
];

export const HTCDS_COLUMNS_BY_NAME: ReadonlyMap<string, HtcdsColumn> = new Map(HTCDS_COLUMNS.map((each) => [each.name, each]));

/** The export's two header layouts: the IOM toolkit's (names, then labels) or names only. */
export const HTCDS_LAYOUTS = ['toolkit', 'plain'] as const;
export type HtcdsLayout = (typeof HTCDS_LAYOUTS)[number];
export const HTCDS_FORMATS = ['csv', 'xlsx'] as const;
export type HtcdsFormat = (typeof HTCDS_FORMATS)[number];

/** The most an import file may weigh. */
export const HTCDS_IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Why a cell or a file is refused. `message` is English for API callers; the UI words each code
 * from its catalogue with `params`.
 */
export const HTCDS_ISSUE_CODES = [
  // file
  'not_a_spreadsheet',
  'empty_file',
  'password_protected',
  'legacy_workbook',
  'file_too_large',
  'sheet_too_large',
  'too_many_rows',
  'broken_encoding',
  'no_header',
  'duplicate_column',
  'no_name_column',
  // cell
  'required',
  'not_a_date',
  'future_date',
  'not_a_number',
  'out_of_range',
  'not_a_boolean',
  'unknown_value',
  'not_a_country',
  'not_a_language',
  'too_long',
  'invalid_json',
  'conflict',
  // warnings
  'unmatched_column',
  'column_matched_by_label',
  'column_not_held',
  'formula_value_used',
  'macros_ignored',
  'duplicate_row',
  'already_imported',
  'matched_existing_person',
  'reference_taken',
] as const;
export type HtcdsIssueCode = (typeof HTCDS_ISSUE_CODES)[number];

export const htcdsIssueSchema = z.object({
  /** The row number as the spreadsheet shows it (header rows count); absent for file-wide issues. */
  row: z.number().int().nullable(),
  /** The column's HTCDS field name, or the header as written when it matched no field. */
  column: z.string().nullable(),
  code: z.enum(HTCDS_ISSUE_CODES),
  message: z.string(),
  /** Values for the UI's wording: the cell value, the suggestion, the limit… */
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type HtcdsIssue = z.infer<typeof htcdsIssueSchema>;

/** How each column of the file was understood: the mapping preview. */
export const htcdsColumnMappingSchema = z.object({
  /** 1-based position of the column (A = 1). */
  position: z.number().int(),
  header: z.string(),
  field: z.string().nullable(),
  matchedBy: z.enum(['name', 'label']).nullable(),
  held: z.boolean(),
});
export type HtcdsColumnMapping = z.infer<typeof htcdsColumnMappingSchema>;

export const IMPORT_JOB_STATES = ['queued', 'validating', 'importing', 'done', 'failed'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

/**
 * The answer of `POST /api/imports/htcds` (DESIGN.md §8) and of the job behind it. `errors`
 * lists at most HTCDS_REPORTED_ISSUES issues; `errorCount` counts them all.
 */
export const htcdsImportReportSchema = z.object({
  jobId: z.string().uuid(),
  state: z.enum(IMPORT_JOB_STATES),
  dryRun: z.boolean(),
  fileName: z.string(),
  format: z.enum(HTCDS_FORMATS).nullable(),
  layout: z.enum(HTCDS_LAYOUTS).nullable(),
  /** Data rows read (rows holding nothing but a row number are not counted). */
  rows: z.number().int(),
  /** Cases created (in a dry run: that would be created). */
  imported: z.number().int(),
  /** Of those, joined to a person already known. */
  matchedExisting: z.number().int(),
  /** Rows already imported before, or repeated within the file: nothing written for them. */
  skipped: z.number().int(),
  /** Rows written or checked so far: with `rows`, drives the progress bar. */
  processed: z.number().int(),
  /** Bytes of the file read by the validation pass (its progress, before `rows` is known). */
  bytesRead: z.number().int(),
  bytesTotal: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(htcdsIssueSchema),
  warnings: z.array(htcdsIssueSchema),
  columns: z.array(htcdsColumnMappingSchema),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Whether the caller ran this import, and so may look through the records it brought in. */
  mine: z.boolean(),
});
export type HtcdsImportReport = z.infer<typeof htcdsImportReportSchema>;
export const HTCDS_REPORTED_ISSUES = 1000;

/**
 * One record an import wrote, as its importer may look it up: a data officer sees no names
 * (DESIGN.md §1) except those of the file she brought in herself, to check that it arrived.
 */
export const htcdsImportRecordSchema = z.object({
  /** The spreadsheet row it came from; null for imports made before rows were numbered. */
  row: z.number().int().nullable(),
  caseId: z.string().uuid(),
  caseReference: z.string(),
  pseudonym: z.string(),
  /** The romanised name and the name as written, as the file gave them. */
  name: z.string().nullable(),
  nameAsWritten: z.string().nullable(),
  matchedExistingPerson: z.boolean(),
});
export type HtcdsImportRecord = z.infer<typeof htcdsImportRecordSchema>;

export const htcdsImportRecordsQuerySchema = z
  .object({
    /** A name in any script (matched through the normalised-name keys) or a case reference. */
    q: z.string().trim().max(200).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type HtcdsImportRecordsQuery = z.infer<typeof htcdsImportRecordsQuerySchema>;

export const htcdsImportQuerySchema = z
  .object({
    dryRun: z.enum(['true', 'false']).default('true'),
  })
  .strict();

export const htcdsExportQuerySchema = z
  .object({
    format: z.enum(HTCDS_FORMATS).default('xlsx'),
    layout: z.enum(HTCDS_LAYOUTS).default('toolkit'),
    status: z.enum(CASE_STATUSES).optional(),
    traffickingStatus: z.enum(TRAFFICKING_STATUSES).optional(),
    openedFrom: isoDate.optional(),
    openedTo: isoDate.optional(),
    /** Ask for identity columns: granted only with `export:identities`, else the export is refused. */
    identities: z.enum(['true', 'false']).default('false'),
  })
  .strict();
export type HtcdsExportQuery = z.infer<typeof htcdsExportQuerySchema>;

/** The gender every imported person gets when the file leaves it empty (HTCDS "not specified"). */
export const HTCDS_DEFAULT_GENDER = 'NonSpecifiedUnknown' satisfies (typeof GENDERS)[number];

/** A value an import kept as written: a cell of a `verbatim` column (lists joined with ';'). */
export const htcdsKeptValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type HtcdsKeptValue = z.infer<typeof htcdsKeptValueSchema>;

/** `GET /api/cases/:caseId/htcds-values`: what the file said that no record of ours holds. */
export const htcdsKeptValuesSchema = z.object({
  items: z.array(z.object({ field: z.string(), label: z.string(), kind: z.enum(HTCDS_COLUMN_KINDS), value: htcdsKeptValueSchema })),
  importedAt: z.string().nullable(),
});
export type HtcdsKeptValues = z.infer<typeof htcdsKeptValuesSchema>;
