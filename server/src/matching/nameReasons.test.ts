import { describe, expect, it } from 'vitest';
import { nameReasonsOf } from './nameReasons.js';

describe('nameReasonsOf', () => {
  it('says a name heard in Thai script and written in Burmese script sounds the same, naming both scripts', () => {
    expect(nameReasonsOf('หนิ่นหนิ่นเว', 'နှင်းနှင်းဝေ', 'primary')).toEqual([
      { code: 'name_sounds_same', queryScript: 'thai', candidateScript: 'burmese' },
    ]);
    expect(nameReasonsOf('နှင်းနှင်းဝေ', 'Hnin Hnin Wai', 'written')).toContainEqual({
      code: 'name_sounds_same',
      queryScript: 'burmese',
      candidateScript: 'latin',
    });
  });

  it('tells the same name from another spelling of it, and names in another order', () => {
    expect(nameReasonsOf('Wilawan Thongchai', 'Wilawan Thongchai', 'primary')).toEqual([{ code: 'name_same' }]);
    expect(nameReasonsOf('Thongchai Wilawan', 'Wilawan Thongchai', 'primary')).toEqual([
      { code: 'name_same' },
      { code: 'name_order_differs' },
    ]);
    expect(nameReasonsOf('Nyain Thu', 'Nyein Thu', 'primary')).toEqual([{ code: 'name_similar_spelling' }]);
  });

  it('counts the parts of a shortened name, a Burmese name run together in Thai script included', () => {
    expect(nameReasonsOf('Hnin Wai', 'Hnin Hnin Wai', 'primary')).toEqual([
      { code: 'name_same' },
      { code: 'name_shortened', parts: 2, of: 3 },
    ]);
    expect(nameReasonsOf('หนิ่นเว', 'Hnin Hnin Wai', 'primary')).toContainEqual({ code: 'name_shortened', parts: 2, of: 3 });
    // Run together, all three syllables are there: not a one-part name.
    expect(nameReasonsOf('หนิ่นหนิ่นเว', 'Hnin Hnin Wai', 'primary').map((reason) => reason.code)).toEqual(['name_sounds_same']);
    expect(nameReasonsOf('Somchai', 'Somchai Jaidee', 'primary')).toEqual([{ code: 'name_same' }, { code: 'name_one_part' }]);
  });

  it('says an honorific was set aside, on either side, and when the name met is an alias', () => {
    expect(nameReasonsOf('Daw Hnin Hnin Wai', 'Hnin Hnin Wai', 'primary')).toEqual([
      { code: 'name_same' },
      { code: 'name_honorific_set_aside' },
    ]);
    expect(nameReasonsOf('Aye Aye Khaing', 'Ma Aye Aye Khaing', 'primary')).toContainEqual({ code: 'name_honorific_set_aside' });
    expect(nameReasonsOf('Lek Jaidee', 'Lek Jaidee', 'alias')).toEqual([{ code: 'name_same' }, { code: 'alias_matches' }]);
  });
});
