/** HTCDS 2.0 value names used as interchange keys (shared/reference). Labels live in catalogues. */
export const ORGANISATION_TYPES = [
  'NGO',
  'LawEnforcement',
  'HealthServiceOrganisation',
  'CentralGovernmentOrganisation',
  'LocalGovernmentOrganisation',
  'ImmigrationService',
  'LegalService',
  'CorporateBusiness',
  'SchoolOrCollege',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Our finer grain of what an agency does in the counter-trafficking system (beyond org_Type). */
export const AGENCY_FUNCTIONS = [
  'ministry',
  'provincial_office',
  'police',
  'shelter',
  'ngo',
  'hotline',
  'court',
  'prosecutor',
  'embassy',
  'international_organisation',
  'other',
] as const;
export type AgencyFunction = (typeof AGENCY_FUNCTIONS)[number];

export const GENDERS = [
  'Feminine',
  'Masculine',
  'TransgenderFeminine',
  'TransgenderMasculine',
  'NonConforming',
  'NonSpecifiedUnknown',
] as const;
export type Gender = (typeof GENDERS)[number];

export const CASE_STATUSES = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TRAFFICKING_STATUSES = ['Potential', 'Presumed', 'Identified', 'NotAVictim'] as const;
export type TraffickingStatus = (typeof TRAFFICKING_STATUSES)[number];

/** ISO 3166-1 alpha-2 codes of the region's countries (China as partner). */
export const REGION_COUNTRIES = ['TH', 'KH', 'LA', 'MM', 'VN', 'CN'] as const;
export type RegionCountry = (typeof REGION_COUNTRIES)[number];
