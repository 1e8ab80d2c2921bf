/** One victim certificate per language, as the caller would localise it: realistic names, reasons and indicators. */
import type { Locale } from '@seamless/contracts';
import type { VictimCertificate } from '../src/documents/victimCertificate.js';

const base = {
  certificateNumber: 'TH-2026-7K3M9Q/C1',
  caseReference: 'TH-2026-7K3M9Q',
  countryCode: 'TH',
  issuingAgency: { name: 'Ministry of Social Development and Human Security', localName: 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์' },
  issuedAt: new Date('2026-03-14T02:30:00Z'),
} satisfies Partial<VictimCertificate>;

export const CERTIFICATE_FIXTURES: Record<Locale, VictimCertificate> = {
  en: {
    ...base,
    locale: 'en',
    person: {
      name: 'Somphone Keomany',
      nameAsWritten: 'ສົມພອນ ແກ້ວມະນີ',
      birthDate: '2004-07-19',
      estimatedBirthYear: null,
      gender: 'Feminine',
      citizenship: ['LA'],
    },
    decision: {
      status: 'Identified',
      decidedOn: '2026-03-12',
      decidingOrganisation: 'Chiang Rai Provincial Multidisciplinary Team',
      decidedBy: 'Pol. Lt. Col. Somchai Jaidee, inquiry officer',
      procedure: 'Multidisciplinary team screening',
      reasons:
        'Recruited through a social media job advertisement promising work in a restaurant; transported across the border and held in a compound where she was forced to run online scams under threat of violence. Her passport was taken on arrival and she was told she owed a debt for transport and accommodation.',
    },
    indicators: {
      act: ['Recruitment', 'Transportation', 'Harbouring'],
      means: ['Deception', 'Abuse of a position of vulnerability', 'Confiscation of identity documents'],
      purpose: ['Forced labour', 'Scam centre'],
    },
    verificationUrl: 'https://seamless.example.org/verify/TH-2026-7K3M9Q-C1',
  },
  th: {
    ...base,
    locale: 'th',
    person: {
      name: 'Namfon Srisuk',
      nameAsWritten: 'น้ำฝน ศรีสุข',
      birthDate: null,
      estimatedBirthYear: 2007,
      gender: 'Feminine',
      citizenship: ['TH'],
    },
    decision: {
      status: 'Presumed',
      decidedOn: '2026-03-12',
      decidingOrganisation: 'ทีมสหวิชาชีพจังหวัดเชียงราย',
      decidedBy: 'พ.ต.ท. สมชาย ใจดี พนักงานสอบสวน',
      procedure: 'การคัดแยกโดยทีมสหวิชาชีพ',
      reasons:
        'ถูกชักชวนผ่านโฆษณาหางานทางสื่อสังคมออนไลน์ซึ่งสัญญาว่าจะได้ทำงานในร้านอาหาร ถูกพาข้ามแดนและกักตัวไว้ในอาคารแห่งหนึ่ง ถูกบังคับให้หลอกลวงผู้อื่นทางออนไลน์ภายใต้การข่มขู่ว่าจะทำร้ายร่างกาย หนังสือเดินทางถูกยึดตั้งแต่วันแรกที่มาถึง และถูกแจ้งว่ามีหนี้ค่าเดินทางและค่าที่พักที่ต้องชดใช้',
    },
    indicators: {
      act: ['การจัดหา', 'การขนส่ง', 'การให้ที่พักพิง'],
      means: ['การหลอกลวง', 'การใช้อำนาจโดยมิชอบจากสภาวะความเปราะบาง', 'การยึดเอกสารประจำตัว'],
      purpose: ['การบังคับใช้แรงงาน', 'ศูนย์หลอกลวงออนไลน์'],
    },
    verificationUrl: 'https://seamless.example.org/verify/TH-2026-7K3M9Q-C1',
  },
  // A Cambodian woman identified in Thailand: a Khmer certificate with Thai names in it.
  km: {
    ...base,
    locale: 'km',
    person: {
      name: 'Sok Sreymom',
      nameAsWritten: 'សុខ ស្រីមុំ',
      birthDate: '2005-02-11',
      estimatedBirthYear: null,
      gender: 'Feminine',
      citizenship: ['KH'],
    },
    decision: {
      status: 'Identified',
      decidedOn: '2026-03-12',
      decidingOrganisation: 'ทีมสหวิชาชีพจังหวัดสระแก้ว',
      decidedBy: 'พ.ต.ท. สมชาย ใจดี',
      procedure: 'ការកំណត់អត្តសញ្ញាណដោយក្រុមពហុជំនាញ',
      reasons:
        'ត្រូវបានជ្រើសរើសតាមរយៈការផ្សាយពាណិជ្ជកម្មការងារនៅលើបណ្តាញសង្គម ដែលសន្យាថានឹងផ្តល់ការងារនៅភោជនីយដ្ឋាន។ នាងត្រូវបានដឹកឆ្លងព្រំដែន ហើយឃុំខ្លួនក្នុងបរិវេណមួយ ដែលនាងត្រូវបានបង្ខំឱ្យធ្វើការបោកប្រាស់តាមអនឡាញក្រោមការគំរាមកំហែង។ លិខិតឆ្លងដែនរបស់នាងត្រូវបានរឹបអូសនៅពេលមកដល់។',
    },
    indicators: {
      act: ['ការជ្រើសរើស', 'ការដឹកជញ្ជូន', 'ការផ្តល់ទីជម្រក'],
      means: ['ការបោកប្រាស់', 'ការរំលោភលើភាពងាយរងគ្រោះ', 'ការរឹបអូសឯកសារ'],
      purpose: ['ពលកម្មដោយបង្ខំ', 'មជ្ឈមណ្ឌលបោកប្រាស់តាមអនឡាញ'],
    },
  },
  lo: {
    ...base,
    locale: 'lo',
    certificateNumber: 'LA-2026-4H8W2R/C1',
    caseReference: 'LA-2026-4H8W2R',
    countryCode: 'LA',
    issuingAgency: { name: 'Ministry of Labour and Social Welfare', localName: 'ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ' },
    person: {
      name: 'Somphone Phongsavanh',
      nameAsWritten: 'ສົມພອນ ພົງສະຫວັນ',
      birthDate: '2006-10-03',
      estimatedBirthYear: null,
      gender: 'TransgenderFeminine',
      citizenship: ['LA'],
    },
    decision: {
      status: 'Identified',
      decidedOn: '2026-03-12',
      decidingOrganisation: 'ກົມຕຳຫຼວດຕ້ານການຄ້າມະນຸດ',
      decidedBy: 'ທ້າວ ບຸນມີ ໃຈດີ',
      procedure: 'ການສຳພາດສີ່ຂັ້ນຕອນ',
      reasons:
        'ຖືກຊັກຊວນຜ່ານການໂຄສະນາຫາວຽກທາງສື່ສັງຄົມອອນລາຍ ເຊິ່ງສັນຍາວ່າຈະໄດ້ເຮັດວຽກຢູ່ຮ້ານອາຫານ. ຖືກພາຂ້າມຊາຍແດນ ແລະ ກັກຕົວໄວ້ໃນອາຄານແຫ່ງໜຶ່ງ ບ່ອນທີ່ຖືກບັງຄັບໃຫ້ຫຼອກລວງຜູ້ອື່ນທາງອອນລາຍ ພາຍໃຕ້ການນາບຂູ່. ໜັງສືຜ່ານແດນຖືກຍຶດໄວ້ຕັ້ງແຕ່ມື້ທຳອິດທີ່ມາຮອດ.',
    },
    indicators: {
      act: ['ການຈັດຫາ', 'ການຂົນສົ່ງ', 'ການໃຫ້ທີ່ພັກເຊື່ອງ'],
      means: ['ການຫຼອກລວງ', 'ການສວຍໃຊ້ຄວາມອ່ອນແອ', 'ການຍຶດເອກະສານ'],
      purpose: ['ການບັງຄັບໃຊ້ແຮງງານ', 'ສູນຫຼອກລວງອອນລາຍ'],
    },
  },
  // A woman from Myanmar identified in Thailand.
  my: {
    ...base,
    locale: 'my',
    person: {
      name: 'Khin Myanmar Aye',
      nameAsWritten: 'ခင်မြန်မာအေး',
      birthDate: null,
      estimatedBirthYear: null,
      gender: 'Feminine',
      citizenship: ['MM'],
    },
    decision: {
      status: 'Identified',
      decidedOn: '2026-03-12',
      decidingOrganisation: 'ทีมสหวิชาชีพจังหวัดตาก',
      decidedBy: 'พ.ต.ท. สมชาย ใจดี',
      procedure: 'ဘက်စုံကျွမ်းကျင်အဖွဲ့၏ စိစစ်ခြင်း',
      reasons:
        'စားသောက်ဆိုင်တွင် အလုပ်ရမည်ဟု ကတိပေးသည့် လူမှုကွန်ရက် အလုပ်ကြော်ငြာမှတစ်ဆင့် စုဆောင်းခံရသည်။ နယ်စပ်ဖြတ်ကျော် ခေါ်ဆောင်ခံရပြီး ခြံဝင်းတစ်ခုအတွင်း ထိန်းသိမ်းခံရကာ အကြမ်းဖက်မည်ဟု ခြိမ်းခြောက်ခံရလျက် အွန်လိုင်းလိမ်လည်မှုများ ပြုလုပ်ရန် အတင်းအဓမ္မ ခိုင်းစေခံရသည်။ ရောက်ရှိသည့်နေ့တွင် နိုင်ငံကူးလက်မှတ်ကို သိမ်းဆည်းခံရသည်။',
    },
    indicators: {
      act: ['စုဆောင်းခြင်း', 'သယ်ယူပို့ဆောင်ခြင်း', 'ခိုလှုံရာပေးခြင်း'],
      means: ['လှည့်စားခြင်း', 'အားနည်းချက်ကို အလွဲသုံးစားပြုခြင်း', 'စာရွက်စာတမ်းများ သိမ်းဆည်းခြင်း'],
      purpose: ['အတင်းအဓမ္မ လုပ်အားပေးစေခြင်း', 'အွန်လိုင်း လိမ်လည်မှုစခန်း'],
    },
  },
  vi: {
    ...base,
    locale: 'vi',
    certificateNumber: 'VN-2026-9P2X5D/C1',
    caseReference: 'VN-2026-9P2X5D',
    countryCode: 'VN',
    issuingAgency: { name: 'Bộ Lao động – Thương binh và Xã hội', localName: null },
    person: {
      name: 'Nguyen Thi Huong',
      nameAsWritten: 'Nguyễn Thị Hương',
      birthDate: '2003-12-01',
      estimatedBirthYear: null,
      gender: 'Feminine',
      citizenship: ['VN'],
    },
    decision: {
      status: 'Identified',
      decidedOn: '2026-03-12',
      decidingOrganisation: 'Bộ đội Biên phòng tỉnh Lào Cai',
      decidedBy: 'Thiếu tá Trần Văn Đức',
      procedure: 'Xác minh của Bộ đội Biên phòng',
      reasons:
        'Bị tuyển mộ qua một quảng cáo việc làm trên mạng xã hội hứa hẹn công việc tại nhà hàng; bị đưa qua biên giới và giữ trong một khu nhà, nơi bị cưỡng ép thực hiện lừa đảo trực tuyến dưới sự đe dọa bạo lực. Hộ chiếu bị thu giữ ngay khi đến nơi.',
    },
    indicators: {
      act: ['Tuyển mộ', 'Vận chuyển', 'Chứa chấp'],
      means: ['Lừa gạt', 'Lợi dụng tình trạng dễ bị tổn thương', 'Giữ giấy tờ tùy thân'],
      purpose: ['Cưỡng bức lao động', 'Cơ sở lừa đảo trực tuyến'],
    },
  },
  zh: {
    ...base,
    locale: 'zh',
    certificateNumber: 'CN-2026-3M7Q1Z/C1',
    caseReference: 'CN-2026-3M7Q1Z',
    countryCode: 'CN',
    issuingAgency: { name: '云南省公安厅', localName: null },
    person: {
      name: 'Nguyen Van Nam',
      nameAsWritten: 'Nguyễn Văn Nam',
      birthDate: '2001-05-30',
      estimatedBirthYear: null,
      gender: 'Masculine',
      citizenship: ['VN'],
    },
    decision: {
      status: 'Identified',
      decidedOn: '2026-03-12',
      decidingOrganisation: '西双版纳州公安局',
      decidedBy: '李明',
      procedure: '公安机关甄别',
      reasons:
        '通过社交媒体上承诺在餐馆工作的招聘广告被招募；被带出境并关押在一处园区内，在暴力威胁下被迫从事网络诈骗。抵达当天护照即被没收，并被告知须偿还交通和住宿费用。',
    },
    indicators: { act: ['招募', '运送', '窝藏'], means: ['欺骗', '利用弱势地位', '扣押证件'], purpose: ['强迫劳动', '网络诈骗窝点'] },
  },
  // A Thai woman identified in Japan: a Japanese certificate with a Thai name.
  ja: {
    ...base,
    locale: 'ja',
    certificateNumber: 'JP-2026-8D4K6T/C1',
    caseReference: 'JP-2026-8D4K6T',
    countryCode: 'JP',
    issuingAgency: { name: '出入国在留管理庁', localName: null },
    person: {
      name: 'Namfon Srisuk',
      nameAsWritten: 'น้ำฝน ศรีสุข',
      birthDate: '2000-01-15',
      estimatedBirthYear: null,
      gender: 'Feminine',
      citizenship: ['TH'],
    },
    decision: {
      status: 'Identified',
      decidedOn: '2026-03-12',
      decidingOrganisation: '東京出入国在留管理局',
      decidedBy: '佐藤 恵子',
      procedure: '関係機関による被害者認定',
      reasons:
        '飲食店での仕事を約束するSNS上の求人広告を通じて勧誘され、国境を越えて移送された後、施設内に監禁され、暴力の脅迫の下でオンライン詐欺への従事を強要された。到着時に旅券を取り上げられ、渡航費及び宿泊費の借金があると告げられた。',
    },
    indicators: {
      act: ['勧誘', '輸送', '蔵匿'],
      means: ['欺罔', '脆弱な立場の濫用', '旅券等の取上げ'],
      purpose: ['強制労働', 'オンライン詐欺拠点'],
    },
  },
};
