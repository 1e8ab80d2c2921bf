import { describe, expect, it } from 'vitest';
import { nameTokensOf } from './nameKeys.js';
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
