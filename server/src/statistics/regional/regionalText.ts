import type { Locale } from '@seamless/contracts';

/**
 * The words a regional workbook adds to a report's (REPORT_TEXT): its title, a country without a
 * release, and a country's release line. Placeholders: {country}, {date}, {position}.
 */
export type RegionalText = { title: string; notReleased: string; released: string; rules: string };

export const REGIONAL_TEXT: Record<Locale, RegionalText> = {
  en: {
    title: 'Regional figures',
    notReleased: 'Not released',
    released: '{country}: released on {date}, signed off by: {position}',
    rules: 'Publication rules by country',
  },
  th: {
    title: 'ตัวเลขระดับภูมิภาค',
    notReleased: 'ยังไม่เผยแพร่',
    released: '{country}: เผยแพร่เมื่อ {date} ลงนามรับรองโดย: {position}',
    rules: 'หลักการเผยแพร่ของแต่ละประเทศ',
  },
  km: {
    title: 'តួលេខថ្នាក់តំបន់',
    notReleased: 'មិនទាន់ចេញផ្សាយ',
    released: '{country}៖ ចេញផ្សាយនៅ {date} អនុម័តដោយ៖ {position}',
    rules: 'វិធានចេញផ្សាយតាមប្រទេស',
  },
  lo: {
    title: 'ຕົວເລກລະດັບພາກພື້ນ',
    notReleased: 'ຍັງບໍ່ໄດ້ເຜີຍແຜ່',
    released: '{country}: ເຜີຍແຜ່ເມື່ອ {date}, ຮັບຮອງໂດຍ: {position}',
    rules: 'ຫຼັກການເຜີຍແຜ່ຂອງແຕ່ລະປະເທດ',
  },
  my: {
    title: 'ဒေသတွင်း ကိန်းဂဏန်းများ',
    notReleased: 'မထုတ်ပြန်ရသေး',
    released: '{country}- {date} တွင် ထုတ်ပြန်သည်၊ အတည်ပြုသူ- {position}',
    rules: 'နိုင်ငံအလိုက် ထုတ်ပြန်မှု စည်းမျဉ်းများ',
  },
  vi: {
    title: 'Số liệu khu vực',
    notReleased: 'Chưa công bố',
    released: '{country}: công bố ngày {date}, phê duyệt bởi: {position}',
    rules: 'Quy tắc công bố của từng quốc gia',
  },
  zh: {
    title: '区域数据',
    notReleased: '未发布',
    released: '{country}：{date}发布，签署人职务：{position}',
    rules: '各国的发布规则',
  },
  ja: {
    title: '地域の数値',
    notReleased: '未公表',
    released: '{country}：{date}に公表、承認者の役職：{position}',
    rules: '国別の公表ルール',
  },
};
