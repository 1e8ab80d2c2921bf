/**
 * The victim certificate in all eight languages, read back with PDF.js (test/pdf.ts): the text a reader
 * or a screen reader gets back, the metadata, one page that draws, the size; PNGs go to
 * test-results/certificate-<lng>.png for a look at the shaping.
 *
 * The shaping cases pin fontkit's output (with the fixes in fonts.ts) to what HarfBuzz `hb-shape`
 * produces with the same Noto fonts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Locale, SUPPORTED_LOCALES } from '@seamless/contracts';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf, renderPdfPage } from '../../test/pdf.js';
import { prepareRun, reorderMyanmar, splitRuns, useFont, wrapText } from './fonts.js';
import { CERTIFICATE_MESSAGES, formatCertificateDate, renderVictimCertificate, type VictimCertificate } from './victimCertificate.js';

const OUTPUT_DIR = fileURLToPath(new URL('../../../test-results', import.meta.url));
/** Subsets only; Chinese and Japanese embed one small font per frequency slice of Noto Sans SC/JP they use. */
const SIZE_BUDGET: Record<Locale, number> = { en: 60, th: 60, km: 60, lo: 60, my: 60, vi: 60, zh: 200, ja: 200 };

/** Text as extracted, without the spaces and line breaks that wrapping puts in. */
const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

const base = {
  certificateNumber: 'TH-2026-7K3M9Q/C1',
  caseReference: 'TH-2026-7K3M9Q',
  countryCode: 'TH',
  issuingAgency: { name: 'Ministry of Social Development and Human Security', localName: 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์' },
  issuedAt: new Date('2026-03-14T02:30:00Z'),
} satisfies Partial<VictimCertificate>;

/** One certificate per language, as the caller would localise it. */
const FIXTURES: Record<Locale, VictimCertificate> = {
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

beforeAll(() => {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
});

describe('victim certificate', () => {
  it('has every message in every language', () => {
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${key}.`) : [`${prefix}${key}`]));
    const reference = keys(CERTIFICATE_MESSAGES.en).sort();
    for (const locale of SUPPORTED_LOCALES) {
      expect(keys(CERTIFICATE_MESSAGES[locale]).sort(), locale).toEqual(reference);
      for (const key of reference) {
        const value = key.split('.').reduce<any>((node, part) => node[part], CERTIFICATE_MESSAGES[locale]);
        expect(typeof value === 'string' && value.trim().length > 0, `${locale}:${key}`).toBe(true);
      }
    }
  });

  it.each(SUPPORTED_LOCALES)('renders one A4 page in %s with its text extractable', async (locale) => {
    const certificate = FIXTURES[locale];
    const pdf = await renderVictimCertificate(certificate);
    fs.writeFileSync(path.join(OUTPUT_DIR, `certificate-${locale}.pdf`), pdf);
    const page = await renderPdfPage(pdf, 1, 80);
    fs.writeFileSync(path.join(OUTPUT_DIR, `certificate-${locale}.png`), page.png);
    // A page that fails to draw (a broken font program, a bad content stream) comes out blank.
    expect(page.inkRatio).toBeGreaterThan(0.02);

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(SIZE_BUDGET[locale] * 1024);

    const reading = await readPdf(pdf);
    expect(reading.pages).toBe(1);
    expect(reading.pageSizes[0]).toEqual([595.28, 841.89]); // A4
    expect(reading.info.Producer).toBe('Seamless');
    const title = String(reading.info.Title ?? '');
    expect(title).toContain(certificate.certificateNumber);
    expect(title).toContain(CERTIFICATE_MESSAGES[locale].title[certificate.decision.status]);
    // No personal data in the metadata (the Info dictionary and its XMP copy).
    const metadata = JSON.stringify(reading.info) + reading.xmp;
    expect(reading.xmp).toContain(certificate.certificateNumber);
    for (const personal of [certificate.person.name, certificate.person.nameAsWritten!, certificate.decision.decidedBy]) {
      expect(metadata).not.toContain(personal);
    }

    const text = squash(reading.text);
    const messages = CERTIFICATE_MESSAGES[locale];
    expect(text).toContain(squash(certificate.certificateNumber));
    expect(text).toContain(squash(messages.title[certificate.decision.status]));
    expect(text).toContain(squash(certificate.person.name));
    expect(text).toContain(squash(certificate.person.nameAsWritten!));
    expect(text).toContain(squash(messages.protection[certificate.decision.status]));
    expect(text).toContain(squash(messages.footer.personalData));
    expect(text).toContain(squash(certificate.decision.reasons));
    for (const label of [...certificate.indicators.act, ...certificate.indicators.means, ...certificate.indicators.purpose]) {
      expect(text).toContain(squash(label));
    }
  });

  it('dates Thai certificates in the Buddhist era', async () => {
    expect(formatCertificateDate('2026-03-12', 'th')).toBe('12 มีนาคม 2569');
    const pdf = await renderVictimCertificate(FIXTURES.th);
    const text = await extract(pdf);
    expect(text).toContain(squash('12 มีนาคม 2569')); // decided on
    expect(text).toContain(squash('14 มีนาคม 2569')); // issued
    expect(text).toContain(squash('พ.ศ. 2550 (โดยประมาณ)')); // estimated year of birth
    expect(text).not.toContain(squash('มีนาคม 2026'));
  });

  it('keeps the names of other scripts inside a certificate (Thai in Khmer, Lao in English)', async () => {
    expect(await extract(await renderVictimCertificate(FIXTURES.km))).toContain(squash('พ.ต.ท. สมชาย ใจดี'));
    expect(await extract(await renderVictimCertificate(FIXTURES.km))).toContain(squash('กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์'));
    expect(await extract(await renderVictimCertificate(FIXTURES.en))).toContain(squash('ສົມພອນ ແກ້ວມະນີ'));
  });

  it('names the six region countries in every language and falls back to Intl for the rest', async () => {
    const text = await extract(
      await renderVictimCertificate({ ...FIXTURES.my, person: { ...FIXTURES.my.person, citizenship: ['MM', 'PH'] } }),
    );
    expect(text).toContain(squash('ထိုင်း')); // issuing country, from the message file
    expect(text).toContain(squash('မြန်မာ၊ ဖိလစ်ပိုင်'));
  });

  it('stays on one page when the reasons are very long, pointing to the case file', async () => {
    const long = Array.from({ length: 40 }, () => FIXTURES.en.decision.reasons).join(' ');
    const pdf = await renderVictimCertificate({ ...FIXTURES.en, decision: { ...FIXTURES.en.decision, reasons: long } });
    fs.writeFileSync(path.join(OUTPUT_DIR, 'certificate-en-long-reasons.pdf'), pdf);
    expect((await readPdf(pdf)).pages).toBe(1);
    expect(await extract(pdf)).toContain(squash(CERTIFICATE_MESSAGES.en.decision.reasonsTruncated));
  });
});

async function extract(pdf: Buffer): Promise<string> {
  return squash((await readPdf(pdf)).text);
}

describe('fonts', () => {
  it('splits text into runs by script', () => {
    const runs = splitRuns('ឈ្មោះ: น้ำฝน ศรีสุข (Namfon) 山田 ခင်', 'km');
    expect(runs.map((run) => run.family)).toEqual(['khmer', 'sans', 'thai', 'sans', 'thai', 'sans', 'sc', 'sc', 'sans', 'myanmar']);
    expect(runs.map((run) => run.text).join('')).toBe('ឈ្មោះ: น้ำฝน ศรีสุข (Namfon) 山田 ခင်');
    expect(new Set(splitRuns('山田さん、（テスト）', 'ja').map((run) => run.family))).toEqual(new Set(['jp']));
  });

  it('breaks Thai, Khmer and Chinese lines between words, without spaces', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const thai = 'ผู้ถือหนังสือรับรองฉบับนี้ได้รับการคัดแยกว่าเป็นผู้เสียหายจากการค้ามนุษย์';
    const lines = wrapText(doc, thai, { size: 10 }, 'th', 120);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((line) => line.text).join('')).toBe(thai);
    expect(lines[0]!.text).toMatch(/^ผู้ถือ/);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120);
    const khmer = wrapText(doc, CERTIFICATE_MESSAGES.km.protection.Identified, { size: 10 }, 'km', 200);
    expect(khmer.length).toBeGreaterThan(3);
    const chinese = wrapText(doc, CERTIFICATE_MESSAGES.zh.protection.Identified, { size: 10 }, 'zh', 200);
    expect(chinese.every((line) => !/^[，。；、]/.test(line.text))).toBe(true);
  });

  it('puts Myanmar pre-base signs and kinzi where the font expects them', () => {
    expect(reorderMyanmar('မြန်မာ')).toBe('\u103c\u1019\u1014\u103a\u1019\u102c');
    expect(reorderMyanmar('ကြေး')).toBe('\u1031\u103c\u1000\u1038');
    expect(reorderMyanmar('သင်္ချိုင်း')).toBe('\u101e\u1001\u1004\u103a\u1039\u103b\u102d\u102f\u1004\u103a\u1038');
    expect(reorderMyanmar('ပြုံး')).toBe('\u103c\u1015\u1036\u102f\u1038');
  });

  // Glyph sequences from HarfBuzz 6 (`hb-shape --no-positions`) on the same @fontsource Noto fonts.
  const HARFBUZZ: [TextRunScript, string, string][] = [
    ['thai', 'น้ำฝน', 'uni0E19|uni0E4D|uni0E49.small|uni0E32|uni0E1D|uni0E19'],
    ['thai', 'ปั้ม', 'uni0E1B|uni0E31.narrow|uni0E49.small|uni0E21'],
    ['khmer', 'ស្រីមុំ', 'uni17D2179A|uni179F|uni17B8|uni1798|uni17BB|uni17C6'],
    ['khmer', 'ក្រសួង', 'uni17D2179A|uni1780|uni179F|uni17BD|uni1784'],
    ['khmer', 'ហើយ', 'uni17C1|uni17A0|uni17B8|uni1799'],
    ['khmer', 'ស្រី', 'uni17D2179A|uni179F|uni17B8'], // after "ហើយ": no stray vowel sign from the glyph cache
    ['lao', 'ສົມພອນ', 'uni0EAA|uni0EBB|uni0EA1|uni0E9E|uni0EAD|uni0E99'],
    ['lao', 'ນ້ຳ', 'uni0E99|niggahita_maiTholao.right|uni0EB2'],
    ['myanmar', 'မြန်မာ', 'medial_ra|ma|na|asat|ma|_aa'],
    ['myanmar', 'ကြိုး', 'medial_ra_tt.w2|ka|_i|_u_spacing|dummymarkmymr|visarga'],
    ['myanmar', 'ပြုံး', 'medial_ra|pa|anusvara|_u_spacing|dummymarkmymr|visarga'],
    ['myanmar', '၎င်းတို့တွင်', 'aforementioned|nga|asat|visarga|ta|_i|_u_dot|sp1|ta|medial_wa|nga|asat'],
    ['myanmar', 'သင်္ချိုင်း', 'sa|kha|kinzi|medial_ya|_i|_u_spacing|dummymarkmymr|nga|asat|visarga'],
  ];
  type TextRunScript = 'thai' | 'khmer' | 'lao' | 'myanmar';

  it('shapes Thai, Khmer, Lao and Myanmar as HarfBuzz does', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    for (const [script, word, expected] of HARFBUZZ) {
      const [run] = splitRuns(word, 'en');
      expect(run?.script).toBe(script);
      useFont(doc, run!);
      const prepared = prepareRun(run!);
      // pdfkit's fontkit font: the same object pdfkit lays text out with.
      const font = (doc as unknown as { _font: { font: { layout(t: string, f?: string[]): { glyphs: { name: string }[] } } } })._font.font;
      const glyphs = font.layout(prepared.text, prepared.features as string[] | undefined).glyphs.map((glyph) => glyph.name);
      expect(glyphs.join('|'), word).toBe(expected);
    }
  });
});
