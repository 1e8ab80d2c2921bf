import type { Locale } from '@seamless/contracts';

/**
 * The words a regional workbook adds to a report's (REPORT_TEXT): its title, a country without a
 * release, a country's release line ({country}, {date}, {position}), and the rule of a
 * differentially private release ({epsilon}, {total}, {threshold}).
 */
export type RegionalText = { title: string; notReleased: string; released: string; rules: string; differentiallyPrivate: string };

export const REGIONAL_TEXT: Record<Locale, RegionalText> = {
  en: {
    title: 'Regional figures',
    notReleased: 'Not released',
    released: '{country}: released on {date}, signed off by: {position}',
    rules: 'Publication rules by country',
    differentiallyPrivate:
      'random noise (differential privacy: ε = {epsilon} per table, {total} for the release); numbers below {threshold} hidden',
  },
  th: {
    title: 'ตัวเลขระดับภูมิภาค',
    notReleased: 'ยังไม่เผยแพร่',
    released: '{country}: เผยแพร่เมื่อ {date} ลงนามรับรองโดย: {position}',
    rules: 'หลักการเผยแพร่ของแต่ละประเทศ',
    differentiallyPrivate:
      'เติมค่าสุ่ม (ความเป็นส่วนตัวเชิงอนุพันธ์: ε = {epsilon} ต่อตาราง และ {total} สำหรับการเผยแพร่ทั้งหมด) ซ่อนตัวเลขที่ต่ำกว่า {threshold}',
  },
  km: {
    title: 'តួលេខថ្នាក់តំបន់',
    notReleased: 'មិនទាន់ចេញផ្សាយ',
    released: '{country}៖ ចេញផ្សាយនៅ {date} អនុម័តដោយ៖ {position}',
    rules: 'វិធានចេញផ្សាយតាមប្រទេស',
    differentiallyPrivate:
      'បន្ថែមសំឡេងរំខានចៃដន្យ (ឯកជនភាពឌីផេរ៉ង់ស្យែល៖ ε = {epsilon} ក្នុងមួយតារាង និង {total} សម្រាប់ការផ្សព្វផ្សាយទាំងមូល); លាក់លេខក្រោម {threshold}',
  },
  lo: {
    title: 'ຕົວເລກລະດັບພາກພື້ນ',
    notReleased: 'ຍັງບໍ່ໄດ້ເຜີຍແຜ່',
    released: '{country}: ເຜີຍແຜ່ເມື່ອ {date}, ຮັບຮອງໂດຍ: {position}',
    rules: 'ຫຼັກການເຜີຍແຜ່ຂອງແຕ່ລະປະເທດ',
    differentiallyPrivate:
      'ເພີ່ມຄ່າສຸ່ມ (ຄວາມເປັນສ່ວນຕົວແບບດິຟເຟີເຣັນຊຽວ: ε = {epsilon} ຕໍ່ຕາຕະລາງ ແລະ {total} ສຳລັບການເຜີຍແຜ່ທັງໝົດ); ເຊື່ອງຕົວເລກທີ່ຕ່ຳກວ່າ {threshold}',
  },
  my: {
    title: 'ဒေသတွင်း ကိန်းဂဏန်းများ',
    notReleased: 'မထုတ်ပြန်ရသေး',
    released: '{country}- {date} တွင် ထုတ်ပြန်သည်၊ အတည်ပြုသူ- {position}',
    rules: 'နိုင်ငံအလိုက် ထုတ်ပြန်မှု စည်းမျဉ်းများ',
    differentiallyPrivate:
      'ကျပန်းတန်ဖိုး ထည့်ထားသည် (ကွဲပြားမှုဆိုင်ရာ ကိုယ်ရေးလုံခြုံမှု- ဇယားတစ်ခုလျှင် ε = {epsilon}၊ ထုတ်ပြန်ချက်တစ်ခုလုံးအတွက် {total})၊ {threshold} အောက် ကိန်းဂဏန်းများကို ဖုံးကွယ်ထားသည်',
  },
  vi: {
    title: 'Số liệu khu vực',
    notReleased: 'Chưa công bố',
    released: '{country}: công bố ngày {date}, phê duyệt bởi: {position}',
    rules: 'Quy tắc công bố của từng quốc gia',
    differentiallyPrivate:
      'cộng nhiễu ngẫu nhiên (quyền riêng tư vi phân: ε = {epsilon} mỗi bảng, {total} cho toàn bộ bản công bố); ẩn các số dưới {threshold}',
  },
  zh: {
    title: '区域数据',
    notReleased: '未发布',
    released: '{country}：{date}发布，签署人职务：{position}',
    rules: '各国的发布规则',
    differentiallyPrivate: '加入随机噪声（差分隐私：每表 ε = {epsilon}，整次发布共 {total}）；低于 {threshold} 的数字隐藏',
  },
  ja: {
    title: '地域の数値',
    notReleased: '未公表',
    released: '{country}：{date}に公表、承認者の役職：{position}',
    rules: '国別の公表ルール',
    differentiallyPrivate:
      'ランダムなノイズを付加（差分プライバシー：表ごとに ε = {epsilon}、公開全体で {total}）、{threshold} 未満の数値は非表示',
  },
};
