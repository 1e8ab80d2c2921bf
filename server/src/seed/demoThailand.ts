import type {
  AgencyFunction,
  BuiltInRole,
  CaseSection,
  ExploitationType,
  Gender,
  IntakeChannel,
  Locale,
  OrganisationType,
} from '@seamless/contracts';

/**
 * Synthetic demo data for Thailand's instance. Every person here is invented; the agencies are
 * modelled on the kinds of agency the seed reports describe, not on real offices' data.
 */
export type DemoAgency = {
  key: string;
  parentKey?: string;
  name: string;
  localName: string;
  acronym?: string;
  organisationType: OrganisationType;
  agencyFunction: AgencyFunction;
  province: string;
  city: string;
};

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    key: 'msdhs',
    name: 'Department of Anti-Trafficking in Persons, Ministry of Social Development and Human Security',
    localName: 'กองต่อต้านการค้ามนุษย์ กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์',
    acronym: 'DATIP',
    organisationType: 'CentralGovernmentOrganisation',
    agencyFunction: 'ministry',
    province: 'Bangkok',
    city: 'Bangkok',
  },
  {
    key: 'chiangrai',
    parentKey: 'msdhs',
    name: 'Chiang Rai Provincial Office of Social Development and Human Security',
    localName: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย',
    acronym: 'PSDHS Chiang Rai',
    organisationType: 'LocalGovernmentOrganisation',
    agencyFunction: 'provincial_office',
    province: 'Chiang Rai',
    city: 'Chiang Rai',
  },
  {
    key: 'hotline',
    parentKey: 'msdhs',
    name: '1300 Prachabodi Centre hotline',
    localName: 'ศูนย์ช่วยเหลือสังคม สายด่วน 1300',
    acronym: '1300',
    organisationType: 'CentralGovernmentOrganisation',
    agencyFunction: 'hotline',
    province: 'Bangkok',
    city: 'Bangkok',
  },
  {
    key: 'police',
    name: 'Anti-Trafficking in Persons Division, Royal Thai Police',
    localName: 'กองบังคับการปราบปรามการกระทำความผิดเกี่ยวกับการค้ามนุษย์',
    acronym: 'ATPD',
    organisationType: 'LawEnforcement',
    agencyFunction: 'police',
    province: 'Bangkok',
    city: 'Bangkok',
  },
  {
    key: 'shelter',
    parentKey: 'msdhs',
    name: 'Protection and Occupational Development Centre (demo shelter)',
    localName: 'ศูนย์คุ้มครองคนไร้ที่พึ่ง (สาธิต)',
    organisationType: 'LocalGovernmentOrganisation',
    agencyFunction: 'shelter',
    province: 'Chiang Rai',
    city: 'Chiang Rai',
  },
  {
    key: 'ngo',
    name: 'Mekong Hope Foundation (demo NGO)',
    localName: 'มูลนิธิแม่โขงแห่งความหวัง (สาธิต)',
    organisationType: 'NGO',
    agencyFunction: 'ngo',
    province: 'Chiang Mai',
    city: 'Chiang Mai',
  },
];

export type DemoAccount = { username: string; displayName: string; agencyKey: string; roles: BuiltInRole[]; locale: Locale };

/** The accounts DESIGN.md §8 names, plus a few that make the roles visible in the demo. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: 'System Administrator', agencyKey: 'msdhs', roles: ['system_admin'], locale: 'en' },
  { username: 'th.hotline', displayName: 'Pim Saelee', agencyKey: 'hotline', roles: ['hotline_operator'], locale: 'th' },
  { username: 'th.socialworker', displayName: 'Nok Wongsakul', agencyKey: 'chiangrai', roles: ['case_manager'], locale: 'th' },
  { username: 'th.police', displayName: 'Pol. Capt. Anan Rattanakorn', agencyKey: 'police', roles: ['screener'], locale: 'th' },
  { username: 'th.ngo', displayName: 'Lek Chaiyaporn', agencyKey: 'ngo', roles: ['case_manager'], locale: 'en' },
  { username: 'th.data', displayName: 'Suda Thongdee', agencyKey: 'msdhs', roles: ['data_officer'], locale: 'th' },
  // Heads the Chiang Rai office: its caseload and the national figures, so she can open the office's cases behind a figure.
  {
    username: 'th.officehead',
    displayName: 'Somsri Intharat',
    agencyKey: 'chiangrai',
    roles: ['case_manager', 'data_officer'],
    locale: 'th',
  },
  { username: 'th.director', displayName: 'Dr. Kanya Phromma', agencyKey: 'msdhs', roles: ['statistics_approver'], locale: 'th' },
  { username: 'th.shelter', displayName: 'Mali Srisuk', agencyKey: 'shelter', roles: ['shelter_staff'], locale: 'th' },
  { username: 'th.psychologist', displayName: 'Dr. Ploy Kittisak', agencyKey: 'shelter', roles: ['specialist_psychosocial'], locale: 'en' },
  { username: 'th.agencyadmin', displayName: 'Chai Boonmee', agencyKey: 'chiangrai', roles: ['agency_admin'], locale: 'th' },
];

export type DemoPerson = {
  givenName: string;
  familyName: string;
  nameAsWritten: string;
  gender: Gender;
  citizenship: string;
};

/** Invented names in the scripts the region writes them in, with their romanised form. */
export const DEMO_PEOPLE: DemoPerson[] = [
  { givenName: 'Aye Aye', familyName: 'Khine', nameAsWritten: 'အေးအေးခိုင်', gender: 'Feminine', citizenship: 'MM' },
  { givenName: 'Zaw', familyName: 'Win', nameAsWritten: 'ဇော်ဝင်း', gender: 'Masculine', citizenship: 'MM' },
  { givenName: 'Thida', familyName: 'Soe', nameAsWritten: 'သီတာစိုး', gender: 'Feminine', citizenship: 'MM' },
  { givenName: 'Kyaw', familyName: 'Min Naing', nameAsWritten: 'ကျော်မင်းနိုင်', gender: 'Masculine', citizenship: 'MM' },
  { givenName: 'Nanda', familyName: 'Htwe', nameAsWritten: 'နန္ဒာထွေး', gender: 'Feminine', citizenship: 'MM' },
  { givenName: 'Chantha', familyName: 'Sok', nameAsWritten: 'សុខ ចាន់ធា', gender: 'Feminine', citizenship: 'KH' },
  { givenName: 'Pov', familyName: 'Srey', nameAsWritten: 'ស្រី ពៅ', gender: 'Feminine', citizenship: 'KH' },
  { givenName: 'Dara', familyName: 'Vanna', nameAsWritten: 'វណ្ណា ដារ៉ា', gender: 'Masculine', citizenship: 'KH' },
  { givenName: 'Sreymom', familyName: 'Chan', nameAsWritten: 'ចាន់ ស្រីមុំ', gender: 'Feminine', citizenship: 'KH' },
  { givenName: 'Bounmy', familyName: 'Phommachanh', nameAsWritten: 'ບຸນມີ ພົມມະຈັນ', gender: 'Feminine', citizenship: 'LA' },
  { givenName: 'Noy', familyName: 'Sengsoulin', nameAsWritten: 'ນ້ອຍ ແສງສຸລິນ', gender: 'Feminine', citizenship: 'LA' },
  { givenName: 'Khampheng', familyName: 'Sisavath', nameAsWritten: 'ຄຳແພງ ສີສະຫວັດ', gender: 'Masculine', citizenship: 'LA' },
  { givenName: 'Somsri', familyName: 'Jaidee', nameAsWritten: 'สมศรี ใจดี', gender: 'Feminine', citizenship: 'TH' },
  { givenName: 'Malee', familyName: 'Suksan', nameAsWritten: 'มาลี สุขสันต์', gender: 'TransgenderFeminine', citizenship: 'TH' },
  { givenName: 'Lan', familyName: 'Nguyen Thi', nameAsWritten: 'Nguyễn Thị Lan', gender: 'Feminine', citizenship: 'VN' },
  { givenName: 'Hung', familyName: 'Tran Van', nameAsWritten: 'Trần Văn Hùng', gender: 'Masculine', citizenship: 'VN' },
];

/** Which agency owns each demo person's case (by index), and what it shares with whom. */
export const DEMO_CASE_OWNERS = ['chiangrai', 'chiangrai', 'police', 'hotline', 'ngo', 'chiangrai', 'police', 'shelter'] as const;
export type DemoShare = { personIndex: number; ownerKey: string; withKey: string; sections: readonly CaseSection[] };
export const DEMO_SHARES: readonly DemoShare[] = [
  { personIndex: 0, ownerKey: 'chiangrai', withKey: 'shelter', sections: ['identity', 'shelter'] },
  { personIndex: 1, ownerKey: 'chiangrai', withKey: 'ngo', sections: [] },
];

/** How the demo intakes arrived, and what the people went through (cycled by person index). */
export const DEMO_CHANNELS = ['hotline_call', 'line_chat', 'referral', 'rescue_operation', 'border_screening', 'walk_in'] as const;
export const DEMO_EXPLOITATION = [
  { exploitationTypes: ['ForcedLabour'] },
  { exploitationTypes: ['SexualExploitation'] },
  { exploitationTypes: ['ForcedLabour'] },
  { exploitationTypes: ['ForcedMarriage'] },
  { exploitationTypes: ['ForcedBegging'] },
] as const;

/**
 * One country's demo instance: its agencies and accounts, and the invented people whose cases its
 * agencies opened (owner, channel and exploitation cycled by person index).
 */
export type DemoCountry = {
  agencies: readonly DemoAgency[];
  accounts: readonly DemoAccount[];
  people: readonly DemoPerson[];
  caseOwners: readonly string[];
  shares: readonly DemoShare[];
  channels: readonly IntakeChannel[];
  exploitation: readonly { exploitationTypes: readonly ExploitationType[] }[];
  /** The language the intakes were written in. */
  intakeLocale: Locale;
  /** How a mobile number of the country starts, before the digits the generator adds. */
  mobilePrefix: string;
};

export const THAILAND_DEMO: DemoCountry = {
  agencies: DEMO_AGENCIES,
  accounts: DEMO_ACCOUNTS,
  people: DEMO_PEOPLE,
  caseOwners: DEMO_CASE_OWNERS,
  shares: DEMO_SHARES,
  channels: DEMO_CHANNELS,
  exploitation: DEMO_EXPLOITATION,
  intakeLocale: 'th',
  mobilePrefix: '+66 8',
};

/**
 * The Cambodian woman Chiang Rai is ready to send home (DESIGN.md §2 step 6): the police inquiry
 * officer identified her, and she agreed that her identity and her family's contacts go to
 * Cambodia's ministry for her repatriation. The federation demo starts from her case.
 */
export const DEMO_READY_TO_REPATRIATE: { personIndex: number; country: string; sections: readonly CaseSection[] } = {
  personIndex: 8,
  country: 'KH',
  sections: ['identity', 'family'],
};
