import type {
  DirectoryContactInput,
  DirectoryOrganisationType,
  DirectoryServiceInput,
  ServiceArea,
  SpokenLanguage,
} from '@seamless/contracts';
import { format, subDays } from 'date-fns';
import type { Tx } from '../db/client.js';
import { directoryContacts, directoryOrganisations, directoryServices } from '../db/schema/index.js';
import { contactSearchText, organisationSearchText, serviceSearchText } from '../db/serviceDirectory.js';
import { DEMO_AGENCIES } from './demoThailand.js';

type DemoService = Partial<DirectoryServiceInput> & { serviceArea: ServiceArea; description: string };
/** `verifiedDaysAgo` null: never verified. Some are older than six months on purpose. */
type DemoContact = Partial<DirectoryContactInput> & { name: string; verifiedDaysAgo: number | null };
type DemoOrganisation = {
  /** A demo agency's key when the organisation is a tenant of this instance. */
  agencyKey?: string;
  name: string;
  localName?: string;
  organisationType: DirectoryOrganisationType;
  countryCode: string;
  province: string;
  district?: string;
  address?: string;
  website?: string;
  hours?: string;
  languages: SpokenLanguage[];
  services: DemoService[];
  contacts: DemoContact[];
};

const OFFICE_HOURS = 'Mon–Fri 08:30–16:30';
const ALWAYS = '24 hours, every day';

/** What the demo agencies offer; their names and provinces come from the demo agencies themselves. */
const AGENCY_ENTRIES: Record<string, Omit<DemoOrganisation, 'name' | 'localName' | 'organisationType' | 'countryCode' | 'province'>> = {
  msdhs: {
    agencyKey: 'msdhs',
    hours: OFFICE_HOURS,
    languages: ['th', 'en'],
    services: [
      {
        serviceArea: 'case_management',
        description: 'National coordination of victim protection and referral between provinces.',
        localDescription: 'ประสานงานการคุ้มครองผู้เสียหายและการส่งต่อระหว่างจังหวัด',
      },
      {
        serviceArea: 'economic_empowerment',
        description: 'Victim compensation fund: living allowance and vocational start-up grants.',
        localDescription: 'กองทุนเพื่อการป้องกันและปราบปรามการค้ามนุษย์ ค่าครองชีพและทุนประกอบอาชีพ',
        costNote: 'Free',
      },
    ],
    contacts: [
      {
        name: 'Wanida Phromsiri',
        position: 'Head of victim protection section',
        phone: '+66 2 000 0101',
        email: 'protection@msdhs.example',
        languages: ['th', 'en'],
        verifiedDaysAgo: 40,
      },
    ],
  },
  chiangrai: {
    agencyKey: 'chiangrai',
    hours: OFFICE_HOURS,
    languages: ['th', 'nod', 'en'],
    services: [
      {
        serviceArea: 'case_management',
        description: 'Case management for victims found or returning to Chiang Rai province.',
        localDescription: 'การจัดการรายกรณีสำหรับผู้เสียหายในจังหวัดเชียงราย',
        coverageProvinces: ['Chiang Rai'],
      },
      {
        serviceArea: 'administrative',
        description: 'Help with Thai civil registration, identity documents and social welfare cards.',
        localDescription: 'ช่วยเหลือด้านทะเบียนราษฎร เอกสารประจำตัว และบัตรสวัสดิการ',
        coverageProvinces: ['Chiang Rai'],
      },
    ],
    contacts: [
      {
        name: 'Nok Wongsakul',
        position: 'Social worker',
        phone: '+66 53 000 201',
        lineId: 'cr-socialwork-demo',
        languages: ['th', 'nod'],
        verifiedDaysAgo: 20,
      },
      {
        name: 'Chai Boonmee',
        position: 'Office administrator',
        phone: '+66 53 000 202',
        email: 'admin@chiangrai-sdhs.example',
        languages: ['th', 'en'],
        verifiedDaysAgo: 210,
      },
    ],
  },
  hotline: {
    agencyKey: 'hotline',
    hours: ALWAYS,
    languages: ['th', 'en', 'my', 'km', 'lo'],
    services: [
      {
        serviceArea: 'safety_security',
        description: '1300 hotline: reports of trafficking and emergency rescue dispatch, interpreters on call.',
        localDescription: 'สายด่วน 1300 รับแจ้งเหตุการค้ามนุษย์และประสานการช่วยเหลือ',
        hours: ALWAYS,
        costNote: 'Free call',
      },
    ],
    contacts: [{ name: 'Duty supervisor', position: 'Shift supervisor', phone: '1300', languages: ['th', 'en'], verifiedDaysAgo: 15 }],
  },
  police: {
    agencyKey: 'police',
    hours: ALWAYS,
    languages: ['th', 'en'],
    services: [
      {
        serviceArea: 'safety_security',
        description: 'Rescue operations, protection of witnesses during investigation and trial.',
        localDescription: 'ปฏิบัติการช่วยเหลือและคุ้มครองพยานระหว่างการสอบสวนและพิจารณาคดี',
      },
      {
        serviceArea: 'legal',
        description: 'Criminal investigation of trafficking offences; statements taken with interpreters.',
        localDescription: 'สอบสวนคดีค้ามนุษย์ สอบปากคำโดยมีล่าม',
      },
    ],
    contacts: [
      {
        name: 'Pol. Lt. Col. Somsak Intharat',
        position: 'Investigation team leader',
        phone: '+66 2 000 0301',
        languages: ['th'],
        verifiedDaysAgo: 90,
      },
    ],
  },
  shelter: {
    agencyKey: 'shelter',
    hours: ALWAYS,
    languages: ['th', 'my', 'shn', 'lo'],
    services: [
      {
        serviceArea: 'safe_housing',
        description: 'Protective shelter for women and girls, with day care for young children.',
        localDescription: 'สถานคุ้มครองสำหรับผู้หญิงและเด็กหญิง มีการดูแลเด็กเล็ก',
        targetSexes: ['female'],
        coverageProvinces: ['Chiang Rai', 'Phayao', 'Nan'],
        capacityNote: '40 beds',
        costNote: 'Free',
      },
      {
        serviceArea: 'psychosocial',
        description: 'Individual counselling and group therapy by the shelter psychologist.',
        localDescription: 'การให้คำปรึกษารายบุคคลและกลุ่มบำบัดโดยนักจิตวิทยา',
        languages: ['th', 'en'],
      },
      {
        serviceArea: 'education_life_skills',
        description: 'Vocational training: sewing, cooking, hairdressing; Thai language classes.',
        localDescription: 'ฝึกอาชีพ ตัดเย็บ ทำอาหาร เสริมสวย และเรียนภาษาไทย',
        minAge: 15,
      },
    ],
    contacts: [
      {
        name: 'Mali Srisuk',
        position: 'Shelter coordinator',
        phone: '+66 53 000 401',
        lineId: 'shelter-cr-demo',
        languages: ['th', 'my'],
        verifiedDaysAgo: 10,
      },
      {
        name: 'Dr. Ploy Kittisak',
        position: 'Psychologist',
        phone: '+66 53 000 402',
        email: 'psy@shelter.example',
        languages: ['th', 'en'],
        verifiedDaysAgo: null,
      },
    ],
  },
  ngo: {
    agencyKey: 'ngo',
    hours: OFFICE_HOURS,
    languages: ['th', 'en', 'my', 'shn', 'ahk', 'lhu'],
    services: [
      {
        serviceArea: 'case_management',
        description: 'Case management and home visits for returnees in northern Thailand.',
        localDescription: 'การจัดการรายกรณีและเยี่ยมบ้านผู้กลับคืนถิ่นในภาคเหนือ',
        coverageProvinces: ['Chiang Mai', 'Chiang Rai', 'Mae Hong Son'],
      },
      {
        serviceArea: 'family_tracing_mediation',
        description: 'Family tracing across the Myanmar and Lao borders, family assessment before return.',
        localDescription: 'ติดตามครอบครัวข้ามแดนเมียนมาและลาว ประเมินครอบครัวก่อนส่งกลับ',
        nationalities: ['MM', 'LA', 'TH'],
      },
      {
        serviceArea: 'economic_empowerment',
        description: 'Small grants and job placement for survivors aged 18 and over.',
        localDescription: 'ทุนประกอบอาชีพและจัดหางานสำหรับผู้รอดชีวิตอายุ 18 ปีขึ้นไป',
        minAge: 18,
      },
    ],
    contacts: [
      {
        name: 'Lek Chaiyaporn',
        position: 'Programme manager',
        phone: '+66 53 000 501',
        whatsapp: '+66 80 000 0501',
        lineId: 'mekonghope-lek',
        languages: ['th', 'en'],
        verifiedDaysAgo: 60,
      },
      {
        name: 'Sai Hseng',
        position: 'Outreach worker (Shan)',
        phone: '+66 80 000 0502',
        languages: ['shn', 'my', 'th'],
        verifiedDaysAgo: 250,
      },
    ],
  },
};

/** Organisations outside this instance across the region; names and people are invented. */
const EXTERNAL_ORGANISATIONS: DemoOrganisation[] = [
  {
    name: 'Northern Women’s Shelter Foundation (demo)',
    localName: 'มูลนิธิบ้านพักหญิงภาคเหนือ (สาธิต)',
    organisationType: 'NGO',
    countryCode: 'TH',
    province: 'Chiang Mai',
    district: 'Mueang Chiang Mai',
    hours: ALWAYS,
    languages: ['th', 'en', 'shn'],
    services: [
      {
        serviceArea: 'safe_housing',
        description: 'Short-stay emergency shelter for women and their children.',
        localDescription: 'บ้านพักฉุกเฉินระยะสั้นสำหรับผู้หญิงและบุตร',
        targetSexes: ['female'],
        capacityNote: '12 beds',
        costNote: 'Free',
      },
      {
        serviceArea: 'psychosocial',
        description: 'Trauma counselling in Thai and Shan.',
        localDescription: 'ให้คำปรึกษาด้านบาดแผลทางจิตใจ ภาษาไทยและไทใหญ่',
        languages: ['th', 'shn'],
      },
    ],
    contacts: [
      {
        name: 'Orawan Deechai',
        position: 'Director',
        phone: '+66 53 000 601',
        lineId: 'nwsf-demo',
        languages: ['th', 'en'],
        verifiedDaysAgo: 30,
      },
    ],
  },
  {
    name: 'Bangkok Children’s Rights Centre (demo)',
    localName: 'ศูนย์สิทธิเด็กกรุงเทพ (สาธิต)',
    organisationType: 'NGO',
    countryCode: 'TH',
    province: 'Bangkok',
    hours: OFFICE_HOURS,
    languages: ['th', 'en', 'km', 'vi'],
    services: [
      {
        serviceArea: 'education_life_skills',
        description: 'Non-formal education and school re-entry for children under 18.',
        localDescription: 'การศึกษานอกระบบและการกลับเข้าโรงเรียนสำหรับเด็กอายุต่ำกว่า 18 ปี',
        maxAge: 17,
      },
      {
        serviceArea: 'safe_housing',
        description: 'Foster family placement for boys and girls aged 6 to 17.',
        localDescription: 'จัดหาครอบครัวอุปถัมภ์สำหรับเด็กอายุ 6–17 ปี',
        minAge: 6,
        maxAge: 17,
      },
    ],
    contacts: [
      {
        name: 'Kanokwan Saetang',
        position: 'Child protection officer',
        phone: '+66 2 000 0701',
        email: 'protect@bcrc.example',
        languages: ['th', 'en'],
        verifiedDaysAgo: 400,
      },
    ],
  },
  {
    name: 'Legal Aid Clinic for Migrant Workers (demo)',
    localName: 'คลินิกกฎหมายเพื่อแรงงานข้ามชาติ (สาธิต)',
    organisationType: 'LegalService',
    countryCode: 'TH',
    province: 'Samut Sakhon',
    hours: 'Mon–Sat 09:00–17:00',
    languages: ['th', 'my', 'km', 'en'],
    services: [
      {
        serviceArea: 'legal',
        description: 'Free lawyers for victims in criminal and labour cases, compensation claims.',
        localDescription: 'ทนายความฟรีสำหรับผู้เสียหายในคดีอาญาและคดีแรงงาน การเรียกร้องค่าสินไหม',
        coverageProvinces: ['Samut Sakhon', 'Bangkok', 'Samut Prakan'],
        costNote: 'Free',
      },
      {
        serviceArea: 'administrative',
        description: 'Work permit and temporary stay applications under section 37 of the Anti-Trafficking Act.',
        localDescription: 'ยื่นคำขออนุญาตทำงานและอยู่ชั่วคราวตามมาตรา 37',
      },
    ],
    contacts: [
      {
        name: 'Aung Ko Ko',
        position: 'Paralegal (Burmese)',
        phone: '+66 34 000 801',
        viber: '+66 34 000 801',
        languages: ['my', 'th'],
        verifiedDaysAgo: 190,
      },
      {
        name: 'Siriporn Meesuk',
        position: 'Lawyer',
        phone: '+66 34 000 802',
        email: 'lawyer@laclinic.example',
        languages: ['th', 'en'],
        verifiedDaysAgo: 45,
      },
    ],
  },
  {
    name: 'Chiang Rai Provincial Hospital, One Stop Crisis Centre (demo)',
    localName: 'ศูนย์พึ่งได้ โรงพยาบาลเชียงราย (สาธิต)',
    organisationType: 'HealthServiceOrganisation',
    countryCode: 'TH',
    province: 'Chiang Rai',
    hours: ALWAYS,
    languages: ['th', 'en'],
    services: [
      {
        serviceArea: 'medical',
        description: 'Forensic examination, treatment and sexual and reproductive health care.',
        localDescription: 'ตรวจร่างกายทางนิติเวช รักษาพยาบาล และอนามัยเจริญพันธุ์',
        costNote: 'Free for victims under the Anti-Trafficking Act',
      },
    ],
    contacts: [
      { name: 'Nurse Jintana Kaewmala', position: 'OSCC coordinator', phone: '+66 53 000 901', languages: ['th'], verifiedDaysAgo: 100 },
    ],
  },
  {
    name: 'Cambodian Survivors Support Organisation (demo)',
    localName: 'អង្គការគាំទ្រអ្នករស់រានមានជីវិតកម្ពុជា (សាកល្បង)',
    organisationType: 'NGO',
    countryCode: 'KH',
    province: 'Banteay Meanchey',
    district: 'Poipet',
    hours: 'Mon–Fri 08:00–17:00',
    languages: ['km', 'th', 'en'],
    services: [
      {
        serviceArea: 'family_tracing_mediation',
        description: 'Reception at Poipet border and family reunification in Cambodia.',
        localDescription: 'ការទទួលនៅព្រំដែនប៉ោយប៉ែត និងការជួបជុំគ្រួសារឡើងវិញ',
        nationalities: ['KH'],
      },
      {
        serviceArea: 'economic_empowerment',
        description: 'Reintegration grants and vocational training in Cambodia.',
        localDescription: 'ជំនួយសមាហរណកម្ម និងការបណ្តុះបណ្តាលវិជ្ជាជីវៈ',
        nationalities: ['KH'],
      },
    ],
    contacts: [
      {
        name: 'Sokha Chan',
        position: 'Reintegration officer',
        phone: '+855 12 000 001',
        telegram: 'sokha_demo',
        languages: ['km', 'en'],
        verifiedDaysAgo: 75,
      },
    ],
  },
  {
    name: 'Lao Women’s Reintegration Centre (demo)',
    localName: 'ສູນເຊື່ອມສານຄືນແມ່ຍິງລາວ (ສາທິດ)',
    organisationType: 'NGO',
    countryCode: 'LA',
    province: 'Vientiane Capital',
    hours: 'Mon–Fri 08:00–16:00',
    languages: ['lo', 'th', 'hmn'],
    services: [
      {
        serviceArea: 'safe_housing',
        description: 'Transit shelter for Lao women and girls returning from Thailand.',
        localDescription: 'ທີ່ພັກຊົ່ວຄາວສຳລັບແມ່ຍິງ ແລະ ເດັກຍິງລາວທີ່ກັບຄືນຈາກໄທ',
        targetSexes: ['female'],
        nationalities: ['LA'],
      },
      { serviceArea: 'education_life_skills', description: 'Life skills and weaving training.', localDescription: 'ຝຶກທັກສະຊີວິດ ແລະ ການທໍຜ້າ' },
    ],
    contacts: [
      {
        name: 'Vanh Phommachanh',
        position: 'Centre manager',
        phone: '+856 21 000 001',
        whatsapp: '+856 20 0000 0001',
        languages: ['lo', 'th'],
        verifiedDaysAgo: null,
      },
    ],
  },
  {
    name: 'International Migration Assistance Office, Bangkok (demo)',
    organisationType: 'InternationalOrganisation',
    countryCode: 'TH',
    province: 'Bangkok',
    hours: OFFICE_HOURS,
    languages: ['en', 'th', 'my', 'km', 'lo', 'vi'],
    website: 'https://migration-assistance.example',
    services: [
      {
        serviceArea: 'administrative',
        description: 'Assisted voluntary return: travel documents, escorts, reception in the country of origin.',
        localDescription: 'การส่งกลับโดยสมัครใจ เอกสารการเดินทาง ผู้ติดตาม และการรับตัวในประเทศต้นทาง',
        nationalities: ['MM', 'KH', 'LA', 'VN'],
      },
      { serviceArea: 'medical', description: 'Fit-to-travel health checks before return.', localDescription: 'ตรวจสุขภาพก่อนเดินทางกลับ' },
    ],
    contacts: [
      {
        name: 'Hoang Thi Lan',
        position: 'Return and reintegration assistant',
        phone: '+66 2 000 1001',
        email: 'avr@migration-assistance.example',
        wechat: 'lan_avr_demo',
        languages: ['vi', 'en', 'th'],
        verifiedDaysAgo: 5,
      },
    ],
  },
  {
    name: 'Mae Sot Migrant Community Support Group (demo)',
    localName: 'မဲဆောက် ရွှေ့ပြောင်းလုပ်သား အသိုင်းအဝိုင်း အကူအညီအဖွဲ့ (စမ်းသပ်)',
    organisationType: 'NGO',
    countryCode: 'TH',
    province: 'Tak',
    district: 'Mae Sot',
    hours: 'Mon–Sat 08:00–18:00',
    languages: ['my', 'ksw', 'th', 'en'],
    services: [
      {
        serviceArea: 'psychosocial',
        description: 'Peer support groups and counselling in Burmese and Karen.',
        localDescription: 'မြန်မာနှင့် ကရင်ဘာသာဖြင့် စိတ်ပိုင်းဆိုင်ရာ အကြံပေးခြင်း',
        languages: ['my', 'ksw'],
      },
      {
        serviceArea: 'safety_security',
        description: 'Safe houses and escorts for men and boys at risk of re-trafficking.',
        localDescription: 'အမျိုးသားနှင့် ယောက်ျားလေးများအတွက် ဘေးကင်းသော အိမ်',
        targetSexes: ['male'],
      },
    ],
    contacts: [
      {
        name: 'Naw Htoo Paw',
        position: 'Coordinator',
        phone: '+66 55 000 101',
        viber: '+66 55 000 101',
        languages: ['my', 'ksw', 'th'],
        verifiedDaysAgo: 300,
      },
    ],
  },
];

const dayBefore = (now: Date, days: number | null) => (days === null ? null : format(subDays(now, days), 'yyyy-MM-dd'));

async function insertOrganisation(tx: Tx, entry: DemoOrganisation, agencyId: string | null, verifierId: string | null, now: Date) {
  const { services, contacts, agencyKey: _key, ...fields } = entry;
  const [organisation] = await tx
    .insert(directoryOrganisations)
    .values({ ...fields, agencyId, searchText: organisationSearchText(fields) })
    .returning({ id: directoryOrganisations.id });
  for (const service of services) {
    await tx.insert(directoryServices).values({ ...service, organisationId: organisation!.id, searchText: serviceSearchText(service) });
  }
  for (const { verifiedDaysAgo, ...contact } of contacts) {
    const lastVerifiedOn = dayBefore(now, verifiedDaysAgo);
    await tx.insert(directoryContacts).values({
      ...contact,
      organisationId: organisation!.id,
      lastVerifiedOn,
      verifiedBy: lastVerifiedOn ? verifierId : null,
      searchText: contactSearchText(contact),
    });
  }
}

/** The demo agencies as directory organisations, and partners around them across the region. */
export async function seedDemoDirectory(
  tx: Tx,
  ids: { agencyIds: Map<string, string>; userIds: Map<string, string>; countryCode: string; now: Date },
) {
  if (ids.countryCode !== 'TH') return;
  const verifier = ids.userIds.get('chiangrai') ?? null;
  for (const agency of DEMO_AGENCIES) {
    const entry = AGENCY_ENTRIES[agency.key];
    if (!entry) continue;
    const organisation: DemoOrganisation = {
      ...entry,
      name: agency.name,
      localName: agency.localName,
      organisationType: agency.organisationType,
      countryCode: ids.countryCode,
      province: agency.province,
    };
    await insertOrganisation(tx, organisation, ids.agencyIds.get(agency.key) ?? null, verifier, ids.now);
  }
  for (const organisation of EXTERNAL_ORGANISATIONS) await insertOrganisation(tx, organisation, null, verifier, ids.now);
}
