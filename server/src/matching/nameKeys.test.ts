import { describe, expect, it } from 'vitest';
import { nameKeysOf, nameTokensOf, phoneticOf } from './nameKeys.js';
import { compareNames, editDistance, wordSimilarity } from './nameSimilarity.js';
import { dominantScript, romanise } from './romanise.js';
import { syllableProbesOf } from './syllableSounds.js';

const keys = (name: string) => nameKeysOf(name);
const similarity = (a: string, b: string) => compareNames(nameTokensOf(a), nameTokensOf(b)).similarity;

/** Every spelling of one person's name must share one phonetic key. */
function expectSamePerson(...spellings: string[]) {
  const [first, ...rest] = spellings.map((spelling) => ({ spelling, ...keys(spelling) }));
  for (const other of rest)
    expect({ spelling: other.spelling, phoneticKey: other.phoneticKey }).toEqual({
      spelling: other.spelling,
      phoneticKey: first!.phoneticKey,
    });
}

describe('romanisation', () => {
  it('reads Thai by syllable, with leading vowels after their consonant and finals as RTGS spells them', () => {
    expect(romanise('สมชาย ใจดี')).toBe('somchai chaidi');
    expect(romanise('ไพโรจน์')).toBe('phairot');
    expect(romanise('เพ็ญศรี แก้วมณี')).toBe('phensi kaeomani');
    expect(romanise('สุภาพร')).toBe('suphaphon');
    expect(romanise('ประเสริฐ')).toBe('prasoet');
    expect(romanise('จันทร์เพ็ญ')).toBe('chanphen');
    expect(romanise('ขวัญใจ')).toBe('khwanchai');
    expect(romanise('กมล')).toBe('kamon');
    expect(romanise('วงศ์สวัสดิ์')).toBe('wongsawat');
    // วงศ์ after a consonant is wong too, not the vowel ua of สวน (suan) and ช่วง (chuang).
    expect(romanise('ไชยวงศ์ อินทวงศ์ สุวรรณวงศ์')).toBe('chaiyawong inthawong suwanwong');
    expect(romanise('สวน ช่วง')).toBe('suan chuang');
    expect(romanise('เกรียงไกร')).toBe('kriangkrai');
  });

  it('reads Lao in the French-influenced spelling of Lao passports', () => {
    expect(romanise('ບຸນມີ')).toBe('bounmi');
    expect(romanise('ພອນສະຫວັນ')).toBe('phonsavan');
    expect(romanise('ສີສຸກ')).toBe('sisouk');
    expect(romanise('ວຽງຄຳ')).toBe('viangkham');
    expect(romanise('ນ້ອຍ')).toBe('noy');
  });

  it('reads Khmer with the vowel of each consonant series and stacked consonants across syllables', () => {
    expect(romanise('សុខ ដារ៉ា')).toBe('sok dara');
    expect(romanise('សុភា')).toBe('sophea');
    expect(romanise('វណ្ណា')).toBe('vanna');
    expect(romanise('ស្រីនាង')).toBe('sreineang');
    expect(romanise('ប្រាក់')).toBe('prak');
    expect(romanise('វុទ្ធី')).toBe('vutthi');
  });

  it('reads Burmese syllable by syllable as names are spelt on passports', () => {
    expect(romanise('အေးအေးခိုင်')).toBe('aye aye khaing');
    expect(romanise('ကျော်ဇော်ဝင်း')).toBe('kyaw zaw win');
    expect(romanise('မြင့်မြင့်ထွေး')).toBe('myint myint htwe');
    expect(romanise('ထွန်း')).toBe('htun');
    expect(romanise('ငြိမ်း')).toBe('nyein');
    expect(romanise('ရွှေ')).toBe('shwe');
  });

  it('writes Chinese in pinyin with the given name as one word and family-name readings', () => {
    expect(romanise('张晓明')).toBe('zhang xiaoming');
    expect(romanise('欧阳娜娜')).toBe('ouyang nana');
    expect(romanise('单丽')).toBe('shan li');
    expect(romanise('吕芳')).toBe('lv fang');
  });

  it('strips Vietnamese diacritics and knows the script of a name', () => {
    expect(romanise('Nguyễn Thị Hương')).toBe('nguyen thi huong');
    expect(romanise('Trần Văn Đức')).toBe('tran van duc');
    expect(dominantScript('สมชาย ใจดี (Noi)')).toBe('thai');
    expect(dominantScript('Nguyễn Thị Hương')).toBe('other');
    expect(dominantScript('အေးအေး')).toBe('burmese');
  });
});

describe('name keys', () => {
  it('sort the words, so family-first and given-first give one key', () => {
    expect(keys('Somchai Jaidee')).toEqual(keys('Jaidee Somchai'));
    expect(keys('Nguyễn Thị Hương').searchKey).toBe('huong nguyen thi');
    expect(keys('Huong Thi Nguyen')).toEqual(keys('Nguyễn Thị Hương'));
    expect(keys('Xiaoming Zhang')).toEqual(keys('张晓明'));
  });

  it('drop titles, in Latin letters and in the scripts of the region', () => {
    expect(keys('Mr. Somchai Jaidee')).toEqual(keys('Somchai Jaidee'));
    expect(keys('นายสมชาย ใจดี')).toEqual(keys('สมชาย ใจดี'));
    expect(keys('นางสาวสุดา รักไทย')).toEqual(keys('สุดา รักไทย'));
    expect(keys('ด.ญ.สุดา รักไทย')).toEqual(keys('สุดา รักไทย'));
    expect(keys('Daw Aye Aye Khaing')).toEqual(keys('Aye Aye Khaing'));
    expect(keys('ဒေါ်အေးအေးခိုင်')).toEqual(keys('အေးအေးခိုင်'));
    expect(keys('U Myint Thein')).toEqual(keys('Myint Thein'));
    expect(keys('ທ້າວບຸນມີ ສີສຸກ')).toEqual(keys('ບຸນມີ ສີສຸກ'));
    // The Lao Mr as a Thai officer writes it, joined to the name or apart.
    expect(keys('ท้าวสีลาวง สมพร')).toEqual(keys('สีลาวง สมพร'));
    expect(keys('ท้าว บุญทัน')).toEqual(keys('บุญทัน'));
    expect(keys('លោកស្រី សុខ ដារ៉ា')).toEqual(keys('សុខ ដារ៉ា'));
    expect(keys('王伟先生')).toEqual(keys('王伟'));
    // A title alone is kept: it is all there is.
    expect(nameTokensOf('U')).toEqual(['u']);
    // Names that begin like a title are not cut (คุณากร is a name, not Khun + ากร).
    expect(nameTokensOf('คุณากร')).toEqual([romanise('คุณากร')]);
  });

  it('give one phonetic key to Thai names in script, RTGS and everyday spelling', () => {
    expectSamePerson('สมชาย ใจดี', 'Somchai Jaidee', 'Somchay Chaidi', 'Jaidee Somchai');
    expectSamePerson('สุภาพร', 'Suphaphon', 'Supaporn');
    expectSamePerson('ประเสริฐ', 'Prasoet', 'Prasert');
    expectSamePerson('ศิริพร', 'Siriphon', 'Siriporn');
    expectSamePerson('ณัฐพล', 'Natthaphon', 'Nattapon', 'Nuttapol');
    expectSamePerson('บุญมี', 'Bunmi', 'Boonmee');
    expectSamePerson('แก้วมณี', 'Kaeomani', 'Kaewmanee');
    expectSamePerson('ศรีสุข', 'Sisuk', 'Srisuk');
    expectSamePerson('บุษบา', 'Butsaba', 'Busaba');
    expectSamePerson('กมล', 'Kamon', 'Kamol');
  });

  it('give one phonetic key to Lao names in script and French-style spelling', () => {
    expectSamePerson('ບຸນມີ', 'Bounmy', 'Bounmi');
    expectSamePerson('ພອນສະຫວັນ', 'Phonsavanh', 'Phonsavan');
    expectSamePerson('ໄຊຍະສານ', 'Xayasane', 'Sayasan');
    expectSamePerson('ວິໄລສັກ', 'Vilaysack', 'Vilaisak');
    expectSamePerson('ລັດສະໝີ', 'Latsamy');
  });

  it('give one phonetic key to Khmer names in script and their usual spellings', () => {
    expectSamePerson('សុខ ដារ៉ា', 'Sok Dara', 'Dara Sok');
    expectSamePerson('សុខា', 'Sokha', 'Sokhar');
    expectSamePerson('ធីតា', 'Thida', 'Theda');
    expectSamePerson('វណ្ណា', 'Vanna');
    expectSamePerson('កញ្ញា', 'Kanha', 'Kagna');
    expectSamePerson('ពិសិដ្ឋ', 'Piseth', 'Piset');
  });

  it('give one phonetic key to Burmese names in script and passport spellings', () => {
    expectSamePerson('အေးအေးခိုင်', 'Aye Aye Khaing');
    expectSamePerson('ထွန်းထွန်း', 'Htun Htun', 'Tun Tun');
    expectSamePerson('ကျော်ဇော်ဝင်း', 'Kyaw Zaw Win', 'Win Kyaw Zaw');
    expectSamePerson('အုန်းမာ', 'Ohn Mar', 'Ohn Ma');
    expectSamePerson('ငြိမ်းချမ်း', 'Nyein Chan');
  });

  it('give one key to Vietnamese names with and without diacritics, and to Chinese in hanzi and pinyin', () => {
    expectSamePerson('Nguyễn Thị Hương', 'Nguyen Thi Huong', 'Huong Nguyen Thi');
    expectSamePerson('Trần Văn Đức', 'Tran Van Duc');
    expectSamePerson('张晓明', 'Zhang Xiaoming');
    expectSamePerson('欧阳娜娜', 'Ouyang Nana');
  });

  it('keep different names apart', () => {
    expect(keys('Somchai Jaidee').phoneticKey).not.toBe(keys('Somsak Jaidee').phoneticKey);
    expect(keys('Sokha').phoneticKey).not.toBe(keys('Sophea').phoneticKey);
    expect(keys('Nguyen Thi Lan').phoneticKey).not.toBe(keys('Nguyen Thi Huong').phoneticKey);
    expect(keys('Wang Wei').searchKey).not.toBe(keys('Wang Li').searchKey);
  });

  it('reduce words to skeletons that tolerate vowels, aspiration, voicing and silent letters', () => {
    expect(phoneticOf('somchai')).toBe(phoneticOf('somchay'));
    expect(phoneticOf('thida')).toBe(phoneticOf('tida'));
    expect(phoneticOf('porn')).toBe(phoneticOf('phon'));
    expect(phoneticOf('kaew')).toBe(phoneticOf('kaeo'));
    expect(phoneticOf('aye')).toBe(phoneticOf('ei'));
    expect(phoneticOf('htun')).toBe(phoneticOf('tun'));
    expect(phoneticOf('nhung')).toBe(phoneticOf('nyung'));
    // Lower-case only: pg_trgm folds case, so "ng" and "n" must not differ by case alone.
    expect(phoneticOf('nguyen')).toMatch(/^[a-z]+$/u);
    expect(phoneticOf('nguyen')).not.toBe(phoneticOf('nuyen'));
  });

  it('are empty for a name with no letters', () => {
    expect(keys('— 123 —')).toEqual({ searchKey: '', phoneticKey: '', syllableKeys: [] });
  });
});

describe('name similarity', () => {
  it('is 1 for the same name in any order or script', () => {
    expect(similarity('Somchai Jaidee', 'Jaidee Somchai')).toBe(1);
    expect(similarity('Nguyễn Thị Hương', 'Huong Thi Nguyen')).toBe(1);
  });

  it('stays high when a part is missing, a Vietnamese middle name is left out, or syllables are joined', () => {
    expect(similarity('Somchai', 'Somchai Jaidee')).toBeGreaterThanOrEqual(0.8);
    expect(similarity('Nguyen Huong', 'Nguyen Thi Huong')).toBeGreaterThanOrEqual(0.9);
    expect(similarity('Thida Aung', 'သီတာအောင်')).toBeGreaterThanOrEqual(0.85);
    expect(similarity('Xiao Ming Zhang', '张晓明')).toBeGreaterThanOrEqual(0.9);
  });

  it('tolerates a typo and another spelling of the same sounds', () => {
    expect(similarity('Somchai Jaidee', 'Somcahi Jaidee')).toBeGreaterThanOrEqual(0.9);
    expect(similarity('Supaporn Srisuk', 'สุภาพร ศรีสุข')).toBeGreaterThanOrEqual(0.85);
    expect(wordSimilarity('sokha', 'sokhar')).toBeGreaterThanOrEqual(0.8);
  });

  it('is low for different people who share only a family name', () => {
    expect(similarity('Somchai Jaidee', 'Malee Jaidee')).toBeLessThan(0.6);
    expect(similarity('Aye Aye Khaing', 'Kyaw Zaw Win')).toBeLessThan(0.3);
  });

  it('tells names apart whose last element ends in another open vowel, however alike the rest is spelt', () => {
    expect(similarity('Bounmy Keomany', 'Bounma Keomany')).toBeLessThan(0.9);
    expect(similarity('Mom Chantha', 'Mom Chanthy')).toBeLessThan(0.9);
    expect(similarity('Wanna Misuk', 'Wanni Misuk')).toBeLessThan(0.9);
    // Vowels one script's spelling makes of the other's are the same vowel: Sophea = โสภา, Pisey = พิไส.
    expect(similarity('Sok Sophea', 'สุข โสภา')).toBeGreaterThanOrEqual(0.9);
    expect(similarity('Pov Pisey', 'เปา พิไส')).toBeGreaterThanOrEqual(0.9);
    expect(similarity('Bounmy Keomany', 'บุญมี แก้วมณี')).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps spellings of one syllable and typing errors alike', () => {
    // Hline = Hlaing, Tun = Htun, Morm = Mom (the r marks a long vowel).
    expect(similarity('Su Su Hline', 'Su Su Hlaing')).toBeGreaterThanOrEqual(0.9);
    expect(similarity('Htun Tun Naing', 'Htun Htun Naing')).toBeGreaterThanOrEqual(0.9);
    expect(similarity('Chantha Morm', 'มม จันทา')).toBeGreaterThanOrEqual(0.9);
    // A typing error is not another name: a word that is no syllable (Thnh), letters swapped or doubled.
    expect(similarity('Ho Thnh Ngoc', 'Ho Thanh Ngoc')).toBeGreaterThanOrEqual(0.9);
    expect(similarity('Kong Sotheray', 'Kong Sotheary')).toBeGreaterThanOrEqual(0.9);
    expect(similarity('Minn Myat Khaaing', 'Minn Myat Khaing')).toBeGreaterThanOrEqual(0.9);
  });

  it('counts a weak word (Maung, Ma, Ko) little when left out, fully when it meets another word', () => {
    // Maung meeting Naung counts as much as any word meeting another: as Paung would.
    expect(compareNames(['tin', 'maung', 'oo'], ['tin', 'naung', 'oo']).similarity).toBeCloseTo(
      compareNames(['tin', 'paung', 'oo'], ['tin', 'naung', 'oo']).similarity,
      3,
    );
    expect(compareNames(['tin', 'maung', 'oo'], ['tin', 'oo']).similarity).toBeGreaterThanOrEqual(0.9);
  });

  it('notices a different word order', () => {
    expect(compareNames(['somchai', 'jaidee'], ['jaidee', 'somchai']).orderDiffers).toBe(true);
    expect(compareNames(['somchai'], ['somchai', 'jaidee'])).toMatchObject({ orderDiffers: false, missingWords: 1 });
  });

  it('counts transpositions as one edit', () => {
    expect(editDistance('somchai', 'somcahi')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('syllable keys', () => {
  const syllableKeys = (name: string) => new Set(nameKeysOf(name).syllableKeys);
  const meets = (query: string, stored: string) => syllableProbesOf(nameTokensOf(query)).some((probe) => syllableKeys(stored).has(probe));

  it('are the same whatever the order of the words', () => {
    expect(nameKeysOf('Somchai Jaidee').syllableKeys).toEqual(nameKeysOf('Jaidee Somchai').syllableKeys);
  });

  it('let a name heard in Thai script meet the name written in Burmese script or Latin letters', () => {
    expect(meets('จ่อซอวิน', 'ကျော်ဇော်ဝင်း')).toBe(true);
    expect(meets('Htun Tun Nai', 'ทุนทุนหน่าย')).toBe(true);
    expect(meets('เต็งเส่ง', 'Thein Sein')).toBe(true);
    expect(meets('ยุ่น', 'U Nyunt')).toBe(true);
    // A syllable on the vowel carrier after an open one (โม|อ่อง), the medial y as Thai writes it (พยู, เมียว).
    expect(meets('โซโมอ่อง', 'Soe Moe Aung')).toBe(true);
    expect(meets('มิ่นเท็ตอ่อง', 'Min Htet Aung')).toBe(true);
    expect(meets('พยูพยูเต็ง', 'ဖြူဖြူသိန်း')).toBe(true);
    expect(meets('เมียวมินตั่น', 'Myo Min Thant')).toBe(true);
    expect(meets('ญีญีทุน', 'Nyi Nyi Htun')).toBe(true);
    // Khmer o before a final is Thai u (សុខ = สุข); śrī is Srey, Srei, ศรี, ສີ.
    expect(meets('Sokh Sophea', 'สุข โสภา')).toBe(true);
    expect(meets('Sreyneang Nuon', 'ศรีเนียง นวล')).toBe(true);
    // An English-style final e: Kyawe and Zawe are ကျော် and ဇော်, one syllable; Thai ทเว is Htwe, one
    // syllable with the medial w.
    expect(meets('Kyawe Zawe Win', 'จ่อซอวิน')).toBe(true);
    expect(nameKeysOf('Mei Thu Zawe').syllableKeys).toEqual(nameKeysOf('Mei Thu Zaw').syllableKeys);
    expect(nameKeysOf('ทเว').syllableKeys).toEqual(nameKeysOf('ထွေး').syllableKeys);
  });

  it('do not let names of other sounds meet', () => {
    expect(meets('Kyaw Zaw Win', 'Hla Hla Mon')).toBe(false);
    expect(meets('Somchai', 'Sokha')).toBe(false);
  });
});
