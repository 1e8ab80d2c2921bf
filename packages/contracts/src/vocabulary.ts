/**
 * Controlled vocabulary of Seamless.
 *
 * Where HTCDS 2.0 (shared/reference, © IOM, CC BY 4.0) has a picklist, the value names below are
 * copied exactly from `htcds-2.0-field-standard.csv` — they are interchange keys for import/export
 * and are never translated or renamed (labels live in the web catalogue `vocabulary.json`, key
 * `vocab.<group>.<value>`). Values that HTCDS lacks are marked as **Seamless extensions**; on an
 * HTCDS export they map to the nearest HTCDS value (see the `*_HTCDS_FALLBACK` maps).
 *
 * Vocabularies that HTCDS does not define at all (intake channels, case stages, consent purposes,
 * identity documents, …) are ours and use snake_case value names.
 */

import type { TraffickingStatus } from './htcds.js';

// ---------------------------------------------------------------------------------------------
// Victim context (vic_)
// ---------------------------------------------------------------------------------------------

/** HTCDS `vic_TypeOfExploitation` (multiselect picklist) — the values of the standard. */
export const HTCDS_EXPLOITATION_TYPES = [
  'ForcedLabour',
  'SexualExploitation',
  'ChildLabour',
  'ForcedMarriage',
  'Servitude',
  'ForcedMilitaryByNonStateActors',
  'OrganRemoval',
  'ForcedBegging',
  'ForcedAdoption',
  'Surrogacy',
  'Other',
] as const;
export type HtcdsExploitationType = (typeof HTCDS_EXPLOITATION_TYPES)[number];

/**
 * Seamless extensions of `vic_TypeOfExploitation`: the regional forms of exploitation named in
 * DESIGN.md §2 and the seed reports that HTCDS 2.0 has no value for. (Forced marriage, forced
 * begging and surrogacy are already HTCDS values and are not repeated here.)
 */
export const EXPLOITATION_TYPE_EXTENSIONS = [
  /** Forced criminality, notably online scam / fraud compounds ("scam centres"). */
  'ForcedCriminality',
  /** Online sexual exploitation, incl. online sexual exploitation of children (OSEC) and live-streaming. */
  'OnlineSexualExploitation',
  /** Forced labour on fishing vessels (at sea, often long-haul, outside port inspections). */
  'ForcedLabourFishing',
  /** Debt bondage as the form of exploitation (HTCDS has it only as a method of control). */
  'DebtBondage',
] as const;
export type ExploitationTypeExtension = (typeof EXPLOITATION_TYPE_EXTENSIONS)[number];

/** `vic_TypeOfExploitation`: HTCDS values followed by the Seamless extensions ('Other' stays last of HTCDS). */
export const EXPLOITATION_TYPES = [...HTCDS_EXPLOITATION_TYPES, ...EXPLOITATION_TYPE_EXTENSIONS] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

/** How an extension value is written to an HTCDS export (with the detail kept in other HTCDS fields). */
export const EXPLOITATION_TYPE_HTCDS_FALLBACK: Record<ExploitationTypeExtension, HtcdsExploitationType> = {
  ForcedCriminality: 'Other',
  /** plus `vic_TypeOfSexExploitation` = RemoteInteractiveServices */
  OnlineSexualExploitation: 'SexualExploitation',
  /** plus `vic_ForcedLabourIndustry` = A_AgricultureForestryAndFishing */
  ForcedLabourFishing: 'ForcedLabour',
  /** plus `vic_MethodsOfControl` = DebtBondage */
  DebtBondage: 'ForcedLabour',
};

export function isHtcdsExploitationType(value: string): value is HtcdsExploitationType {
  return (HTCDS_EXPLOITATION_TYPES as readonly string[]).includes(value);
}

/** HTCDS `vic_ForcedLabourIndustry` (single picklist; ISIC rev. 4 sections A–U). */
export const FORCED_LABOUR_INDUSTRIES = [
  'A_AgricultureForestryAndFishing',
  'B_MiningAndQuarrying',
  'C_Manufacturing',
  'D_ElectricityGasSteamAndAirConditioningSupply',
  'E_WaterSupplySewerageWasteManagement',
  'F_Construction',
  'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
  'H_TransportationAndStorage',
  'I_AccommodationAndFoodServiceActivities',
  'J_InformationAndCommunication',
  'K_FinancialAndInsuranceActivities',
  'L_RealEstateActivities',
  'M_ProfessionalScientificAndTechnicalActivities',
  'N_AdministrativeAndSupportServiceActivities',
  'O_PublicAdministrationAndDefence',
  'P_Education',
  'Q_HumanHealthAndSocialWorkActivities',
  'R_ArtsEntertainmentAndRecreation',
  'S_OtherServiceActivities',
  'T_ActivitiesOfHouseholdsAsEmployers',
  'U_ActivitiesOfExtraterritorialOrganizations',
] as const;
export type ForcedLabourIndustry = (typeof FORCED_LABOUR_INDUSTRIES)[number];

/** HTCDS `vic_TypeOfSexExploitation` (multiselect picklist). */
export const SEXUAL_EXPLOITATION_TYPES = ['Prostitution', 'Pornography', 'RemoteInteractiveServices', 'PrivateSexualServices'] as const;
export type SexualExploitationType = (typeof SEXUAL_EXPLOITATION_TYPES)[number];

/** HTCDS `vic_MethodOfRecruitment` (multiselect picklist), plus one Seamless extension. */
export const RECRUITMENT_METHODS = [
  'AtAPlaceOfBusiness',
  'AtAnEducationalInstitution',
  'AtWork',
  'ThroughOnlineSocialNetworks',
  'ThroughAnOnlineAdvertisement',
  'ThroughATelevisionAdvert',
  'ThroughANewspaperAdvert',
  'ThroughFamilyOrFamilyEvents',
  'ThroughFriendsOrSocialEvents',
  'Other',
  /**
   * Seamless extension: a broker or (un)licensed recruitment agency — the commonest route in the
   * seeds' cross-border labour migration cases. Exported to HTCDS as 'Other'.
   */
  'ThroughABrokerOrRecruitmentAgency',
] as const;
export type RecruitmentMethod = (typeof RECRUITMENT_METHODS)[number];

/** HTCDS `vic_RecruitmentWebsitesAndApps` and `vic_ExploitationWebsitesAndApps` (multiselect picklists). */
export const ONLINE_PLATFORMS = [
  'Facebook',
  'Instagram',
  'WhatsApp',
  'Telegram',
  'FacebookMessenger',
  'Viber',
  'SnapChat',
  'Line',
  '4Sale',
  'WeChat',
  'QQ',
  'QZone',
  'TikTok',
  'Twitter',
  'Other',
] as const;
export type OnlinePlatform = (typeof ONLINE_PLATFORMS)[number];

/**
 * HTCDS `vic_MethodsOfControl` (multiselect picklist).
 * 'RestrictsMovement' is defined in the HTCDS field definitions (MethodsOfControlRestrictsMovement)
 * but missing from the 2.0 picklist; we keep it (confinement is a core indicator in the region) and
 * export it under that name.
 */
export const CONTROL_METHODS = [
  'PhysicalThreats',
  'ThreatsLawEnforcement',
  'ThreatensChildrenFamily',
  'DebtBondage',
  'FalsePromises',
  'PhysicalAbuse',
  'SexualAbuse',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'RestrictsMedicalCare',
  'WithholdsNecessities',
  'PsychologicalAbuse',
  'PsychoactiveSubstance',
  'ExcessiveWorkingHours',
  'WithholdsDocuments',
  'Other',
  'RestrictsMovement',
] as const;
export type ControlMethod = (typeof CONTROL_METHODS)[number];

/** HTCDS `vic_RelationshipToTrafficker` (picklist). 'Unaquainted' is spelled as in the standard. */
export const RELATIONSHIPS_TO_TRAFFICKER = ['Familial', 'Acquainted', 'Unaquainted'] as const;
export type RelationshipToTrafficker = (typeof RELATIONSHIPS_TO_TRAFFICKER)[number];

/** HTCDS `vic_TraffickingStatus` (picklist) — the standard's three values. */
export const HTCDS_TRAFFICKING_STATUSES = ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'] as const;
export type HtcdsTraffickingStatus = (typeof HTCDS_TRAFFICKING_STATUSES)[number];

/**
 * Our trafficking statuses (`TRAFFICKING_STATUSES` in htcds.ts: Potential, Presumed, Identified,
 * NotAVictim) as written to `vic_TraffickingStatus`. Potential and Presumed are both "possible"
 * in HTCDS terms (not yet formally determined).
 */
export const TRAFFICKING_STATUS_TO_HTCDS = {
  Potential: 'PossibleVictimOfTrafficking',
  Presumed: 'PossibleVictimOfTrafficking',
  Identified: 'ActualVictimOfTrafficking',
  NotAVictim: 'NotAVictimOfTrafficking',
} as const satisfies Record<TraffickingStatus, HtcdsTraffickingStatus>;

/** Reading `vic_TraffickingStatus` on import. */
export const TRAFFICKING_STATUS_FROM_HTCDS = {
  PossibleVictimOfTrafficking: 'Potential',
  ActualVictimOfTrafficking: 'Identified',
  NotAVictimOfTrafficking: 'NotAVictim',
} as const satisfies Record<HtcdsTraffickingStatus, TraffickingStatus>;

/** HTCDS `vic_TraffickingStatusDecisionMakingOrg` (picklist). */
export const TRAFFICKING_STATUS_DECISION_ORGS = [
  'Police',
  'NGO',
  'CourtOrProsecution',
  'NonPoliceGovernmentalOrganization',
  'Other',
] as const;
export type TraffickingStatusDecisionOrg = (typeof TRAFFICKING_STATUS_DECISION_ORGS)[number];

/** The HTCDS kind of a deciding agency, from what it does or, failing that, its organisation type. */
export function decisionOrgOfAgency(agency: { organisationType: string; agencyFunction: string }): TraffickingStatusDecisionOrg {
  if (agency.agencyFunction === 'police' || agency.organisationType === 'LawEnforcement') return 'Police';
  if (agency.agencyFunction === 'court' || agency.agencyFunction === 'prosecutor') return 'CourtOrProsecution';
  if (agency.organisationType === 'NGO') return 'NGO';
  if (['CentralGovernmentOrganisation', 'LocalGovernmentOrganisation', 'ImmigrationService'].includes(agency.organisationType))
    return 'NonPoliceGovernmentalOrganization';
  return 'Other';
}

// ---------------------------------------------------------------------------------------------
// Person (prs_)
// ---------------------------------------------------------------------------------------------

/** HTCDS `prs_MaritalStatus` (picklist). */
export const MARITAL_STATUSES = ['Single', 'Married', 'Widowed', 'Divorced', 'Separated', 'RegisteredPartnership'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

/** HTCDS `prs_HighestLevelOfEducation` (picklist; ISCED 2011 levels 0–8). */
export const EDUCATION_LEVELS = [
  'EarlyChildhoodEducation',
  'PrimaryEducation',
  'LowerSecondaryEducation',
  'UpperSecondaryEducation',
  'PostSecondaryNonTertiaryEducation',
  'ShortCycleTertiaryEducation',
  'BachelorsOrEquivalentLevel',
  'MastersOrEquivalentLevel',
  'DoctoralOrEquivalentLevel',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/**
 * Languages a person speaks or an interpreter is needed for. HTCDS `prs_PrimaryLanguage` /
 * `prs_SecondaryLanguage` ask for ISO 639 codes; we use the ISO 639-1 code where one exists and
 * the ISO 639-3 code otherwise (ethnic languages of the region have no 639-1 code).
 * This is the shipped default list; lookups may add more.
 */
export const SPOKEN_LANGUAGES = [
  // national languages of the region and the interface languages
  'th', // Thai
  'km', // Khmer
  'lo', // Lao
  'my', // Burmese (Myanmar)
  'vi', // Vietnamese
  'zh', // Chinese (Mandarin)
  'en', // English
  'ja', // Japanese
  // regional varieties
  'tts', // Northeastern Thai (Isan)
  'nod', // Northern Thai (Kham Mueang)
  'kxm', // Northern Khmer
  'yue', // Cantonese
  // ethnic languages of the Greater Mekong Sub-region
  'shn', // Shan
  'kac', // Jingpho (Kachin)
  'ksw', // S'gaw Karen
  'pwo', // Pwo Western Karen
  'kyu', // Western Kayah (Karenni)
  'mnw', // Mon
  'rki', // Rakhine (Arakanese)
  'rhg', // Rohingya
  'hmn', // Hmong (macrolanguage)
  'ahk', // Akha
  'lhu', // Lahu
  'lis', // Lisu
  'ium', // Iu Mien (Yao)
  'kjg', // Khmu
  'cja', // Western Cham
  // neighbours and destination countries
  'ms', // Malay
  'id', // Indonesian
  'ko', // Korean
  'tsq', // Thai Sign Language
] as const;
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

// ---------------------------------------------------------------------------------------------
// Perpetrator context (per_), historic trafficking events (hte_)
// ---------------------------------------------------------------------------------------------

/** HTCDS `per_RoleInProcess` (multiselect picklist). */
export const PERPETRATOR_ROLES = [
  'TravellingPartner',
  'Transporter',
  'RecruiterOrIntermediary',
  'BrokerTravelAgent',
  'TransferredIndividual',
  'HarbouredIndividual',
  'SoldIndividual',
  'BoughtIndividual',
  'ReceivedIndividual',
  'ControlledIndividual',
  'Smuggler',
  'Abuser',
  'Kidnapper',
  'Exploiter',
  'Other',
] as const;
export type PerpetratorRole = (typeof PERPETRATOR_ROLES)[number];

/** HTCDS `hte_Type` (picklist): the stage of the trafficking journey an event records. */
export const TRAFFICKING_EVENT_TYPES = ['Recruitment', 'Transit', 'Exploitation'] as const;
export type TraffickingEventType = (typeof TRAFFICKING_EVENT_TYPES)[number];

// ---------------------------------------------------------------------------------------------
// Case (cas_), support plan (spl_), consent (con_)
// ---------------------------------------------------------------------------------------------

/** HTCDS `cas_ReasonForIncomingReferral` and `cas_ReasonForOutgoingReferral` (picklists). */
export const REFERRAL_REASONS = ['AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other'] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

/** HTCDS `spl_Type` (picklist). */
export const SUPPORT_PLAN_TYPES = [
  'Education',
  'Financial',
  'Health',
  'LabourExploitationRehabilitation',
  'Legal',
  'Livelihood',
  'RightsBasedTraining',
  'SexualExploitationRehabilitation',
  'SocialCare',
] as const;
export type SupportPlanType = (typeof SUPPORT_PLAN_TYPES)[number];

/**
 * Reason for closing a case. HTCDS `cas_ReasonForCaseClosure` is free text (Long Text), so these
 * coded reasons are ours; an export writes the English label into that field.
 */
export const CASE_CLOSURE_REASONS = [
  'reintegration_completed',
  'follow_up_period_ended',
  'referred_to_other_agency',
  'transferred_to_receiving_country',
  'victim_declined_services',
  'consent_withdrawn',
  'lost_contact',
  'not_a_victim',
  'relocated',
  'deceased',
  'duplicate_record',
  'other',
] as const;
export type CaseClosureReason = (typeof CASE_CLOSURE_REASONS)[number];

/**
 * What a recorded consent covers. HTCDS has only the `con_Consent` checkbox (with guidance on
 * informed consent to the interview and data use); the purposes are ours.
 */
export const CONSENT_PURPOSES = [
  'interview',
  'data_processing',
  'referral',
  'services',
  'information_sharing_cross_border',
  'repatriation',
  'family_tracing',
  'legal_proceedings',
  'follow_up',
  'statistics_research',
  'media_contact',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

// ---------------------------------------------------------------------------------------------
// Ours: identity documents, contacts, intake, case stages
// ---------------------------------------------------------------------------------------------

/**
 * Types of identity / civil / travel documents. HTCDS has only `prs_IdentityNumber` (text).
 * `pink_card` is Thailand's non-Thai identity card for registered migrant workers;
 * `certificate_of_identity` is the CI issued by the country of origin in nationality verification.
 */
export const IDENTITY_DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'border_pass',
  'birth_certificate',
  'household_registration',
  'work_permit',
  'pink_card',
  'certificate_of_identity',
  'seafarer_book',
  'refugee_or_stateless_card',
  'victim_certificate',
  'other',
] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

/** Kinds of contact detail (phone numbers and messaging accounts used in the region). */
export const CONTACT_KINDS = ['phone', 'email', 'line', 'facebook', 'wechat', 'zalo', 'whatsapp', 'telegram', 'viber', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** How an intake reached us (DESIGN.md §2 step 1). */
export const INTAKE_CHANNELS = [
  'hotline_call',
  'line_chat',
  'facebook_chat',
  'wechat',
  'zalo',
  'walk_in',
  'referral',
  'rescue_operation',
  'border_screening',
  'public_report',
  'outreach',
  'other',
] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** Triage urgency of an intake. `emergency`: life or safety at immediate risk (dispatch now). */
export const INTAKE_URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export type IntakeUrgency = (typeof INTAKE_URGENCIES)[number];

/** Where a case stands in the journey of DESIGN.md §2 (ours; HTCDS `cas_Status` is coarser). */
export const CASE_STAGES = [
  'intake',
  'screening',
  'identification',
  'protection',
  'services',
  'justice',
  'repatriation',
  'reintegration',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

// ---------------------------------------------------------------------------------------------
// HTCDS field names
// ---------------------------------------------------------------------------------------------

/** Our field names → HTCDS 2.0 field names (with prefix), for import/export and labels. */
export const HTCDS_FIELDS = {
  // person
  givenName: 'prs_FirstName',
  middleName: 'prs_MiddleName',
  familyName: 'prs_SecondName',
  birthDate: 'prs_Birthdate',
  gender: 'prs_Gender',
  deceased: 'prs_Deceased',
  maritalStatus: 'prs_MaritalStatus',
  numberOfChildren: 'prs_NumberOfChildren',
  primaryLanguage: 'prs_PrimaryLanguage',
  secondaryLanguage: 'prs_SecondaryLanguage',
  educationLevel: 'prs_HighestLevelOfEducation',
  citizenship: 'prs_Citizenship',
  documentNumber: 'prs_IdentityNumber',
  email: 'prs_Email',
  homePhone: 'prs_HomePhone',
  phone: 'prs_MobilePhone',
  mailingCity: 'prs_MailingCity',
  mailingCountry: 'prs_MailingCountry',
  mailingState: 'prs_MailingState',
  mailingStreet: 'prs_MailingStreet',
  mailingPostalCode: 'prs_MailingPostalCode',
  // victim context
  agreementToManagePersonalData: 'vic_AgreementToManagePersonalData',
  traffickingStatus: 'vic_TraffickingStatus',
  traffickingStatusDecisionOrg: 'vic_TraffickingStatusDecisionMakingOrg',
  relationshipToTrafficker: 'vic_RelationshipToTrafficker',
  ageWhenTrafficked: 'vic_AgeWhenTrafficked',
  recruitmentPlatforms: 'vic_RecruitmentWebsitesAndApps',
  recruitmentMethods: 'vic_MethodOfRecruitment',
  locationOfRecruitment: 'vic_LocationOfRecruitment',
  controlMethods: 'vic_MethodsOfControl',
  exploitationTypes: 'vic_TypeOfExploitation',
  forcedLabourIndustry: 'vic_ForcedLabourIndustry',
  sexualExploitationTypes: 'vic_TypeOfSexExploitation',
  locationOfExploitation: 'vic_LocationOfExploitation',
  exploitationPlatforms: 'vic_ExploitationWebsitesAndApps',
  vulnerabilities: 'vic_Vulnerabilities',
  vulnerabilityDetails: 'vic_DetailsOfVulnerabilities',
  // perpetrator context
  perpetratorRoles: 'per_RoleInProcess',
  perpetratorRoleDetails: 'per_RoleDetails',
  perpetratorOrganisation: 'per_Organisation',
  // case
  caseStatus: 'cas_Status',
  closureReason: 'cas_ReasonForCaseClosure',
  caseOwner: 'cas_CaseOwner',
  referringOrganisation: 'cas_ReferringOrganisation',
  incomingReferralDate: 'cas_IncomingReferralDate',
  referringCaseWorker: 'cas_ReferringPrimaryCaseWorker',
  incomingReferralReason: 'cas_ReasonForIncomingReferral',
  incomingReferralDetails: 'cas_IncomingReferralDetails',
  referredOrganisation: 'cas_ReferredOrganisation',
  referredCaseWorker: 'cas_ReferredPrimaryCaseWorker',
  outgoingReferralReason: 'cas_ReasonForOutgoingReferral',
  outgoingReferralDate: 'cas_OutgoingReferralDate',
  outgoingReferralDetails: 'cas_OutgoingReferralDetails',
  caseComment: 'cco_CaseComment',
  // historic trafficking events
  eventType: 'hte_Type',
  eventDate: 'hte_Date',
  eventDescription: 'hte_Description',
  eventCity: 'hte_City',
  eventState: 'hte_State',
  eventCountry: 'hte_Country',
  eventStreet: 'hte_Street',
  eventPostalCode: 'hte_PostalCode',
  eventLatitude: 'hte_Latitude',
  eventLongitude: 'hte_Longitude',
  // support plan
  supportPlanType: 'spl_Type',
  supportPlanObjectives: 'spl_Objectives',
  supportPlanActionPlan: 'spl_ActionPlan',
  supportPlanPlannedEndDate: 'spl_PlannedEndDate',
  supportPlanActualEndDate: 'spl_ActualEndDate',
  // consent
  consent: 'con_Consent',
  // organisation
  organisationName: 'org_Name',
  organisationType: 'org_Type',
  organisationCountry: 'org_ShippingCountry',
} as const;
export type HtcdsFieldKey = keyof typeof HTCDS_FIELDS;
export type HtcdsFieldName = (typeof HTCDS_FIELDS)[HtcdsFieldKey];

/** HTCDS multiselect picklists: values separated by ';' in the HTCDS spreadsheet template. */
export const HTCDS_MULTISELECT_FIELDS = [
  'prs_Citizenship',
  'vic_RecruitmentWebsitesAndApps',
  'vic_MethodOfRecruitment',
  'vic_MethodsOfControl',
  'vic_TypeOfExploitation',
  'vic_TypeOfSexExploitation',
  'vic_ExploitationWebsitesAndApps',
  'vic_Vulnerabilities',
  'per_RoleInProcess',
] as const satisfies readonly HtcdsFieldName[];

/** The allowed value names of each HTCDS picklist we hold as code (for import validation). */
export const HTCDS_PICKLIST_VALUES = {
  vic_TypeOfExploitation: EXPLOITATION_TYPES,
  vic_ForcedLabourIndustry: FORCED_LABOUR_INDUSTRIES,
  vic_TypeOfSexExploitation: SEXUAL_EXPLOITATION_TYPES,
  vic_MethodOfRecruitment: RECRUITMENT_METHODS,
  vic_RecruitmentWebsitesAndApps: ONLINE_PLATFORMS,
  vic_ExploitationWebsitesAndApps: ONLINE_PLATFORMS,
  vic_MethodsOfControl: CONTROL_METHODS,
  vic_RelationshipToTrafficker: RELATIONSHIPS_TO_TRAFFICKER,
  vic_TraffickingStatus: HTCDS_TRAFFICKING_STATUSES,
  vic_TraffickingStatusDecisionMakingOrg: TRAFFICKING_STATUS_DECISION_ORGS,
  prs_MaritalStatus: MARITAL_STATUSES,
  prs_HighestLevelOfEducation: EDUCATION_LEVELS,
  per_RoleInProcess: PERPETRATOR_ROLES,
  hte_Type: TRAFFICKING_EVENT_TYPES,
  cas_ReasonForIncomingReferral: REFERRAL_REASONS,
  cas_ReasonForOutgoingReferral: REFERRAL_REASONS,
  spl_Type: SUPPORT_PLAN_TYPES,
} as const satisfies Partial<Record<HtcdsFieldName, readonly string[]>>;

/** The ten service areas of the directory (DESIGN.md §2 step 7), also what a referral asks for. */
export const SERVICE_AREAS = [
  'safe_housing',
  'medical',
  'psychosocial',
  'education_life_skills',
  'economic_empowerment',
  'administrative',
  'legal',
  'safety_security',
  'family_tracing_mediation',
  'case_management',
] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

/** Whom a service takes; none listed means everyone. */
export const DIRECTORY_TARGET_SEXES = ['female', 'male'] as const;
export type DirectoryTargetSex = (typeof DIRECTORY_TARGET_SEXES)[number];

/** `cancelled`: never sent, because the consent it relied on was withdrawn first; its content is dropped. */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'refused', 'rejected', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Where a received packet stands: applied, refused by its content, or held for an earlier packet of its thread. */
export const INCOMING_STATUSES = ['waiting', 'applied', 'refused'] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];
