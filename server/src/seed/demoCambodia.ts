import type { DemoCountry } from './demoThailand.js';

/**
 * Synthetic demo data for Cambodia's instance, the other end of the federation demo. The agencies
 * follow the practice the seed reports describe: MoSVY's department receives the victims other
 * countries send home, the provincial DoSVY of Banteay Meanchey and its transit centre take them
 * over at the Poipet border, and partner NGOs support their reintegration. Every person is invented.
 */
export const CAMBODIA_DEMO: DemoCountry = {
  agencies: [
    {
      key: 'mosvy',
      name: 'Department of Anti-Human Trafficking and Victim Repatriation, Ministry of Social Affairs, Veterans and Youth Rehabilitation',
      localName: 'នាយកដ្ឋានប្រឆាំងការជួញដូរមនុស្ស និងធ្វើមាតុភូមិនិវត្តន៍ជនរងគ្រោះ ក្រសួងសង្គមកិច្ច អតីតយុទ្ធជន និងយុវនីតិសម្បទា',
      acronym: 'MoSVY',
      organisationType: 'CentralGovernmentOrganisation',
      agencyFunction: 'ministry',
      province: 'Phnom Penh',
      city: 'Phnom Penh',
    },
    {
      key: 'dosvy',
      parentKey: 'mosvy',
      name: 'Banteay Meanchey Provincial Department of Social Affairs, Veterans and Youth Rehabilitation',
      localName: 'មន្ទីរសង្គមកិច្ច អតីតយុទ្ធជន និងយុវនីតិសម្បទាខេត្តបន្ទាយមានជ័យ',
      acronym: 'DoSVY Banteay Meanchey',
      organisationType: 'LocalGovernmentOrganisation',
      agencyFunction: 'provincial_office',
      province: 'Banteay Meanchey',
      city: 'Serei Saophoan',
    },
    {
      key: 'transit',
      parentKey: 'dosvy',
      name: 'Poipet Transit Centre (demo shelter)',
      localName: 'មជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្នប៉ោយប៉ែត (គំរូ)',
      acronym: 'PTC',
      organisationType: 'LocalGovernmentOrganisation',
      agencyFunction: 'shelter',
      province: 'Banteay Meanchey',
      city: 'Poipet',
    },
    {
      key: 'police',
      name: 'Anti-Human Trafficking and Juvenile Protection Police, Banteay Meanchey',
      localName: 'ការិយាល័យប្រឆាំងការជួញដូរមនុស្ស និងការពារអនីតិជន ខេត្តបន្ទាយមានជ័យ',
      acronym: 'AHTJP',
      organisationType: 'LawEnforcement',
      agencyFunction: 'police',
      province: 'Banteay Meanchey',
      city: 'Poipet',
    },
    {
      key: 'ngo',
      name: 'Tonle Sap Reintegration Network (demo NGO)',
      localName: 'បណ្ដាញសមាហរណកម្មឡើងវិញទន្លេសាប (គំរូ)',
      organisationType: 'NGO',
      agencyFunction: 'ngo',
      province: 'Siem Reap',
      city: 'Siem Reap',
    },
  ],
  // The first account of an agency opens its demo cases: the focal point before the administrator.
  accounts: [
    {
      username: 'kh.socialworker',
      displayName: 'Sokunthea Chhim',
      agencyKey: 'mosvy',
      roles: ['case_manager', 'repatriation_focal_point'],
      locale: 'km',
    },
    { username: 'kh.police', displayName: 'Pol. Maj. Vuthy Heng', agencyKey: 'police', roles: ['screener'], locale: 'km' },
    { username: 'kh.admin', displayName: 'Rathana Ouk', agencyKey: 'mosvy', roles: ['system_admin'], locale: 'km' },
    // A data officer and a second person to sign off: Cambodia releases reports of its own for the regional view.
    { username: 'kh.data', displayName: 'Dara Sok', agencyKey: 'mosvy', roles: ['data_officer'], locale: 'km' },
    { username: 'kh.director', displayName: 'Dr. Sophea Lim', agencyKey: 'mosvy', roles: ['statistics_approver'], locale: 'km' },
  ],
  people: [
    { givenName: 'Sophal', familyName: 'Keo', nameAsWritten: 'កែវ សុផល', gender: 'Masculine', citizenship: 'KH' },
    { givenName: 'Kunthea', familyName: 'Mao', nameAsWritten: 'ម៉ៅ គន្ធា', gender: 'Feminine', citizenship: 'KH' },
    { givenName: 'Rithy', familyName: 'Nhem', nameAsWritten: 'ញែម រិទ្ធី', gender: 'Masculine', citizenship: 'KH' },
    { givenName: 'Mai', familyName: 'Pham Thi', nameAsWritten: 'Phạm Thị Mai', gender: 'Feminine', citizenship: 'VN' },
  ],
  caseOwners: ['mosvy', 'mosvy', 'police'],
  shares: [],
  // Returned from a Thai fishing boat and from a marriage in China; found in a scam compound and at the border.
  channels: ['referral', 'referral', 'rescue_operation', 'border_screening'],
  exploitation: [
    { exploitationTypes: ['ForcedLabourFishing'] },
    { exploitationTypes: ['ForcedMarriage'] },
    { exploitationTypes: ['ForcedCriminality'] },
    { exploitationTypes: ['SexualExploitation'] },
  ],
  intakeLocale: 'km',
  mobilePrefix: '+855 9',
};
