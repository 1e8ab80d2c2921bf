import { describe, expect, it } from 'vitest';
import { nameKeysOf, nameTokensOf } from './nameKeys.js';
import { syllableSimilarityOf } from './syllableSounds.js';

const bySound = (a: string, b: string) => syllableSimilarityOf(nameTokensOf(a), nameTokensOf(b)).similarity;

describe('names compared by syllable', () => {
  it('count a word left out of a Thai run of syllables as one left out of separate words', () => {
    // หนิ่นหนิ่นเว is Hnin Hnin Wai written as Thai writes, without spaces: Nhin Way leaves a word out.
    expect(bySound('Nhin Way', 'หนิ่นหนิ่นเว')).toBeCloseTo(bySound('Nhin Way', 'หนิ่น หนิ่น เว'), 3);
    expect(bySound('Nhin Way', 'หนิ่นหนิ่นเว')).toBeGreaterThanOrEqual(0.9);
  });

  it('still count a word matched only in part as another name (San is not Sanda, Vilai not Vilaivan)', () => {
    expect(bySound('San', 'Sanda')).toBeLessThan(0.9);
    expect(bySound('Vilai', 'Vilaivan')).toBeLessThan(0.9);
    expect(bySound('ซันดา', 'San')).toBeLessThan(0.9);
  });
});

describe('a final -ane', () => {
  it('is Burmese "ein" as passports spell it (Thane Sane = Thein Sein = เต็งเส่ง) and Lao "an" (Phommasane = พมมะสาน)', () => {
    expect(bySound('Maung Thane Sane', 'เต็งเส่ง')).toBeGreaterThanOrEqual(0.9);
    expect(bySound('Hane Zaw', 'ဟိန်းဇော်')).toBeGreaterThanOrEqual(0.9);
    expect(bySound('Phommasane', 'พมมะสาน')).toBeGreaterThanOrEqual(0.9);
    expect(nameKeysOf('Thane').syllableKeys).toEqual(['TA', 'TE']);
  });

  it('is read so only at the end of a word after a consonant', () => {
    expect(bySound('Saned', 'Sein')).toBeLessThan(0.9);
    expect(bySound('Sanda', 'เส่งดา')).toBeLessThan(0.9);
  });
});

describe('a word met in part', () => {
  it('at one end is another name: one element more makes a compound name of its own', () => {
    expect(bySound('Vilai Phommasane', 'Vilayvanh Phommasane')).toBeLessThan(0.9);
    expect(bySound('Souda Keophanh', 'ສຸດາວັນ ແກ້ວພັນ')).toBeLessThan(0.9);
    expect(bySound('Noy Sivong', 'Noy Sivongxay')).toBeLessThan(0.9);
  });

  it('inside is a linking syllable spelt or not, and the word still counts', () => {
    expect(bySound('Suriya Phetrat', 'Suriya Phetcharat')).toBeGreaterThanOrEqual(0.9);
  });
});

describe('Lao and Thai cognate spellings', () => {
  it('read t before s inside a word as closing a syllable (Latsavong = ราชวงศ์, lat-sa-wong)', () => {
    expect(bySound('คำสี ราชวงศ์', 'ຄຳສີ ລາດສະວົງ')).toBeGreaterThanOrEqual(0.9);
  });

  it('hear Lao x (ຊ) as the Thai ช of the same word, and as s', () => {
    expect(bySound('คำแพง ไชยวงศ์', 'ຄຳແພງ ໄຊຍະວົງ')).toBeGreaterThanOrEqual(0.9);
    expect(bySound('Noy Sivongxay', 'น้อย ศรีวงศ์ไชย')).toBeGreaterThanOrEqual(0.9);
    expect(bySound('Xay', 'ไซ')).toBeGreaterThanOrEqual(0.9);
    // s and ch themselves stay apart: Chan and San are other names.
    expect(bySound('Chan', 'San')).toBeLessThan(0.9);
  });
});

describe('a final l', () => {
  it('is heard as n, as Thai reads a final ล (Kamol = กมล = Kamon), and is not a stop (Sophal is not Sophat)', () => {
    expect(bySound('Kamol', 'กมล')).toBe(1);
    expect(bySound('Sophal', 'Sophan')).toBe(1);
    expect(bySound('Mao Sophal', 'Mao Sophat')).toBeLessThan(0.9);
  });
});

describe('the medial w', () => {
  it('is heard: Lwin is not Lin, Htwe not Htay', () => {
    expect(bySound('Khin Mar Lwin', 'ခင်မာလင်း')).toBeLessThan(0.9);
    expect(bySound('Htway', 'ဌေး')).toBeLessThan(0.9);
  });

  it('is what Thai writes with an unwritten a at the start of a word (ลวิน, ทเว), but not further in', () => {
    expect(bySound('Htway', 'ทเว')).toBe(1);
    expect(bySound('ထွေး', 'ทเว')).toBe(1);
    expect(bySound('Lwin', 'ลวิน')).toBe(1);
    expect(bySound('Sandar Win', 'ซันดาวิน')).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a t before a syllable on s', () => {
  it('is the Thai linking sibilant, spelt by RTGS and dropped in everyday spelling', () => {
    expect(bySound('Pattama Sisawat', 'ปัทมา ศรีสวัสดิ์')).toBeGreaterThanOrEqual(0.9);
    expect(bySound('Busaba', 'บุษบา')).toBeGreaterThanOrEqual(0.9);
    // Elsewhere a final stop still tells syllables apart (Htet / Htay).
    expect(bySound('Htet', 'Htay')).toBe(0);
  });
});
