import { type AssessmentInstrumentInput, type CarePartSection, type InstrumentLabels, SUPPORTED_LOCALES } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { assessmentInstruments } from '../db/schema/index.js';

/** Labels in the order of SUPPORTED_LOCALES: en, th, km, lo, my, vi, zh, ja. */
type Row = readonly [string, string, string, string, string, string, string, string];
const labels = (row: Row): InstrumentLabels =>
  Object.fromEntries(SUPPORTED_LOCALES.map((locale, index) => [locale, row[index]!])) as InstrumentLabels;

const SCALE: Record<string, Row> = {
  '1': ['Serious difficulty', 'ยากลำบากมาก', 'ពិបាកធ្ងន់ធ្ងរ', 'ຫຍຸ້ງຍາກຫຼາຍ', 'အခက်အခဲ ပြင်းထန်', 'Rất khó khăn', '严重困难', '深刻な困難'],
  '2': ['Some difficulty', 'ยากลำบากบ้าง', 'ពិបាកខ្លះ', 'ຫຍຸ້ງຍາກບາງສ່ວນ', 'အခက်အခဲ အချို့', 'Có khó khăn', '有些困难', 'いくらかの困難'],
  '3': ['Mostly fine', 'ค่อนข้างดี', 'ភាគច្រើនល្អ', 'ສ່ວນຫຼາຍດີ', 'အများအားဖြင့် ကောင်း', 'Tương đối ổn', '基本良好', 'おおむね良好'],
  '4': ['Doing well', 'ดีมาก', 'ល្អណាស់', 'ດີຫຼາຍ', 'ကောင်းမွန်', 'Tốt', '良好', '良好'],
};

const DOMAINS: { key: string; labels: Row; section?: CarePartSection; items: { key: string; labels: Row }[] }[] = [
  {
    key: 'safety',
    labels: ['Safety', 'ความปลอดภัย', 'សុវត្ថិភាព', 'ຄວາມປອດໄພ', 'လုံခြုံရေး', 'An toàn', '安全', '安全'],
    items: [
      {
        key: 'safety_home',
        labels: [
          'Feels safe at home',
          'รู้สึกปลอดภัยที่บ้าน',
          'មានអារម្មណ៍សុវត្ថិភាពនៅផ្ទះ',
          'ຮູ້ສຶກປອດໄພຢູ່ເຮືອນ',
          'အိမ်တွင် လုံခြုံသည်ဟု ခံစားရ',
          'Cảm thấy an toàn ở nhà',
          '在家感到安全',
          '自宅で安全だと感じる',
        ],
      },
      {
        key: 'safety_traffickers',
        labels: [
          'Free from contact or threats by traffickers',
          'ไม่ถูกผู้ค้ามนุษย์ติดต่อหรือข่มขู่',
          'គ្មានការទាក់ទង ឬការគំរាមពីជនជួញដូរ',
          'ບໍ່ຖືກຜູ້ຄ້າມະນຸດຕິດຕໍ່ ຫຼື ນາບຂູ່',
          'လူကုန်ကူးသူများ၏ ဆက်သွယ်မှု သို့မဟုတ် ခြိမ်းခြောက်မှုမှ ကင်းဝေး',
          'Không bị kẻ buôn người liên lạc hay đe dọa',
          '未受人贩子联系或威胁',
          '人身取引業者からの接触や脅迫がない',
        ],
      },
    ],
  },
  {
    key: 'health',
    section: 'medical',
    labels: ['Health', 'สุขภาพ', 'សុខភាព', 'ສຸຂະພາບ', 'ကျန်းမာရေး', 'Sức khỏe', '健康', '健康'],
    items: [
      {
        key: 'health_physical',
        labels: [
          'Physical health',
          'สุขภาพกาย',
          'សុខភាពរាងកាយ',
          'ສຸຂະພາບກາຍ',
          'ရုပ်ပိုင်းဆိုင်ရာ ကျန်းမာရေး',
          'Sức khỏe thể chất',
          '身体健康',
          '身体の健康',
        ],
      },
      {
        key: 'health_access',
        labels: [
          'Access to health care',
          'เข้าถึงบริการสุขภาพ',
          'ការទទួលបានសេវាថែទាំសុខភាព',
          'ເຂົ້າເຖິງການບໍລິການສຸຂະພາບ',
          'ကျန်းမာရေး စောင့်ရှောက်မှု ရရှိနိုင်မှု',
          'Tiếp cận dịch vụ y tế',
          '获得医疗服务',
          '医療へのアクセス',
        ],
      },
    ],
  },
  {
    key: 'psychosocial',
    section: 'psychosocial',
    labels: [
      'Psychosocial wellbeing',
      'สุขภาวะทางจิตสังคม',
      'សុខុមាលភាពផ្លូវចិត្តសង្គម',
      'ສຸຂະພາບຈິດສັງຄົມ',
      'စိတ်လူမှု သုခ',
      'Sức khỏe tâm lý xã hội',
      '心理社会健康',
      '心理社会的な健康',
    ],
    items: [
      {
        key: 'psychosocial_mood',
        labels: [
          'Mood and sleep',
          'อารมณ์และการนอนหลับ',
          'អារម្មណ៍ និងការគេង',
          'ອາລົມ ແລະ ການນອນ',
          'စိတ်ခံစားမှုနှင့် အိပ်စက်မှု',
          'Tâm trạng và giấc ngủ',
          '情绪与睡眠',
          '気分と睡眠',
        ],
      },
      {
        key: 'psychosocial_coping',
        labels: [
          'Copes with daily life',
          'รับมือกับชีวิตประจำวันได้',
          'អាចដោះស្រាយជីវិតប្រចាំថ្ងៃ',
          'ຮັບມືກັບຊີວິດປະຈຳວັນໄດ້',
          'နေ့စဉ်ဘဝကို ရင်ဆိုင်နိုင်',
          'Ứng phó với cuộc sống hằng ngày',
          '能应对日常生活',
          '日常生活に対処できる',
        ],
      },
      {
        key: 'psychosocial_support',
        labels: [
          'Has someone to turn to',
          'มีคนที่พึ่งพาได้',
          'មានអ្នកដែលអាចពឹងពាក់បាន',
          'ມີຄົນທີ່ເພິ່ງພາໄດ້',
          'အားကိုးရသူ ရှိ',
          'Có người để nương tựa',
          '有可以求助的人',
          '頼れる人がいる',
        ],
      },
    ],
  },
  {
    key: 'economic',
    labels: [
      'Economic situation',
      'สถานะทางเศรษฐกิจ',
      'ស្ថានភាពសេដ្ឋកិច្ច',
      'ສະຖານະທາງເສດຖະກິດ',
      'စီးပွားရေး အခြေအနေ',
      'Tình hình kinh tế',
      '经济状况',
      '経済状況',
    ],
    items: [
      {
        key: 'economic_income',
        labels: [
          'Income covers basic needs',
          'รายได้พอกับความจำเป็นพื้นฐาน',
          'ប្រាក់ចំណូលគ្រប់គ្រាន់សម្រាប់តម្រូវការមូលដ្ឋាន',
          'ລາຍໄດ້ພຽງພໍກັບຄວາມຕ້ອງການພື້ນຖານ',
          'ဝင်ငွေသည် အခြေခံလိုအပ်ချက်များ လုံလောက်',
          'Thu nhập đủ cho nhu cầu cơ bản',
          '收入足以满足基本需要',
          '収入で基本的な必要が満たせる',
        ],
      },
      {
        key: 'economic_debt',
        labels: [
          'Free from pressing debt',
          'ไม่มีหนี้สินที่กดดัน',
          'គ្មានបំណុលបន្ទាន់',
          'ບໍ່ມີໜີ້ສິນທີ່ກົດດັນ',
          'အရေးပေါ် အကြွေးမှ ကင်းဝေး',
          'Không có nợ nần cấp bách',
          '没有紧迫的债务',
          '差し迫った借金がない',
        ],
      },
    ],
  },
  {
    key: 'family_community',
    labels: [
      'Family and community',
      'ครอบครัวและชุมชน',
      'គ្រួសារ និងសហគមន៍',
      'ຄອບຄົວ ແລະ ຊຸມຊົນ',
      'မိသားစုနှင့် ရပ်ရွာ',
      'Gia đình và cộng đồng',
      '家庭与社区',
      '家族と地域社会',
    ],
    items: [
      {
        key: 'family_acceptance',
        labels: [
          'Accepted by her family',
          'ครอบครัวยอมรับ',
          'ត្រូវបានគ្រួសារទទួលយក',
          'ຄອບຄົວຍອມຮັບ',
          'မိသားစုက လက်ခံ',
          'Được gia đình chấp nhận',
          '被家人接纳',
          '家族に受け入れられている',
        ],
      },
      {
        key: 'community_stigma',
        labels: [
          'Free from stigma in the community',
          'ไม่ถูกตีตราในชุมชน',
          'គ្មានការរើសអើងក្នុងសហគមន៍',
          'ບໍ່ຖືກຈຳແນກໃນຊຸມຊົນ',
          'ရပ်ရွာတွင် အရှက်ခွဲခံရခြင်းမှ ကင်းဝေး',
          'Không bị kỳ thị trong cộng đồng',
          '在社区中未受歧视',
          '地域で偏見を受けていない',
        ],
      },
    ],
  },
  {
    key: 'education',
    labels: ['Education', 'การศึกษา', 'ការអប់រំ', 'ການສຶກສາ', 'ပညာရေး', 'Giáo dục', '教育', '教育'],
    items: [
      {
        key: 'education_access',
        labels: [
          'In school, training or learning',
          'ได้เรียนหรือฝึกอบรม',
          'កំពុងសិក្សា ឬបណ្តុះបណ្តាល',
          'ກຳລັງຮຽນ ຫຼື ຝຶກອົບຮົມ',
          'ကျောင်းတက် သို့မဟုတ် သင်တန်းတက်နေ',
          'Đang đi học hoặc học nghề',
          '在上学或接受培训',
          '就学・訓練中',
        ],
      },
      {
        key: 'education_skills',
        labels: [
          'Has skills for work',
          'มีทักษะสำหรับการทำงาน',
          'មានជំនាញសម្រាប់ការងារ',
          'ມີທັກສະສຳລັບການເຮັດວຽກ',
          'အလုပ်အတွက် ကျွမ်းကျင်မှု ရှိ',
          'Có kỹ năng làm việc',
          '具备工作技能',
          '仕事のための技能がある',
        ],
      },
    ],
  },
  {
    key: 'legal_status',
    section: 'legal',
    labels: [
      'Legal status',
      'สถานะทางกฎหมาย',
      'ស្ថានភាពផ្លូវច្បាប់',
      'ສະຖານະທາງກົດໝາຍ',
      'ဥပဒေဆိုင်ရာ အဆင့်အတန်း',
      'Tình trạng pháp lý',
      '法律身份',
      '法的地位',
    ],
    items: [
      {
        key: 'legal_documents',
        labels: [
          'Holds identity and civil documents',
          'มีเอกสารประจำตัวและเอกสารทางทะเบียน',
          'មានឯកសារអត្តសញ្ញាណ និងឯកសារស៊ីវិល',
          'ມີເອກະສານປະຈຳຕົວ ແລະ ເອກະສານພົນລະເຮືອນ',
          'မှတ်ပုံတင်နှင့် အရပ်ဘက် စာရွက်စာတမ်းများ ရှိ',
          'Có giấy tờ tùy thân và hộ tịch',
          '持有身份和民事证件',
          '身分証明書と戸籍書類がある',
        ],
      },
      {
        key: 'legal_proceedings',
        labels: [
          'Supported in legal proceedings',
          'ได้รับการช่วยเหลือทางคดี',
          'ទទួលបានការគាំទ្រក្នុងនីតិវិធីច្បាប់',
          'ໄດ້ຮັບການຊ່ວຍເຫຼືອທາງຄະດີ',
          'ဥပဒေ လုပ်ငန်းစဉ်များတွင် အထောက်အပံ့ ရ',
          'Được hỗ trợ trong thủ tục pháp lý',
          '在法律程序中获得支持',
          '法的手続きで支援を受けている',
        ],
      },
    ],
  },
];

export const REINTEGRATION_INSTRUMENT: AssessmentInstrumentInput = {
  key: 'reintegration',
  name: labels([
    'Reintegration assessment',
    'การประเมินการคืนสู่สังคม',
    'ការវាយតម្លៃការធ្វើសមាហរណកម្ម',
    'ການປະເມີນການເຊື່ອມໂຍງຄືນສູ່ສັງຄົມ',
    'ပြန်လည်ပေါင်းစည်းရေး အကဲဖြတ်ချက်',
    'Đánh giá tái hòa nhập',
    '重返社会评估',
    '社会復帰アセスメント',
  ]),
  scaleMin: 1,
  scaleMax: 4,
  scaleLabels: Object.fromEntries(Object.entries(SCALE).map(([point, row]) => [point, labels(row)])),
  domains: DOMAINS.map((domain) => ({
    key: domain.key,
    labels: labels(domain.labels),
    section: domain.section ?? 'care',
    items: domain.items.map((item) => ({ key: item.key, labels: labels(item.labels) })),
  })),
};

/** The regional reintegration assessment (DESIGN.md §2 step 7), version 1, unless an instance already has it. */
export async function seedReintegrationInstrument(tx: Tx) {
  const [existing] = await tx
    .select({ id: assessmentInstruments.id })
    .from(assessmentInstruments)
    .where(eq(assessmentInstruments.key, REINTEGRATION_INSTRUMENT.key))
    .limit(1);
  if (existing) return existing.id;
  const [row] = await tx
    .insert(assessmentInstruments)
    .values({ ...REINTEGRATION_INSTRUMENT, version: 1 })
    .returning({ id: assessmentInstruments.id });
  return row!.id;
}
