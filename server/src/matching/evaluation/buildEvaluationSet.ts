import fs from 'node:fs';
import { editDistance } from '../nameSimilarity.js';
import { prng } from '../synthetic/generate.js';

/**
 * The labelled cross-script evaluation set (issue 16): the same person's name written the ways the
 * region's records write it — in her own script (Burmese, Khmer, Lao, Thai), in Latin letters with
 * the usual variation, and in Thai script by ear as a Thai officer or hotline operator hears it —
 * with honorifics given or left out, family and given names in either order, shortened to two of
 * three syllables or to the given name alone. Beside the targets stand near-miss distractors:
 * other people whose names differ from a target's by one syllable of another sound.
 *
 * The spellings are hand-written in the CSV files beside this module, from the public conventions
 * (MLCTS and the Burmese passport spellings; UNGEGN/ALA-LC for Khmer; the French-influenced Lao
 * spellings and BGN/PCGN; RTGS for Thai; the Royal Institute's Thai transcriptions of Burmese
 * names, such as เต็ง เส่ง for Thein Sein) and everyday use, not from the matcher's output. Burmese
 * names are built from syllables, each with its forms in every script, so that targets and their
 * distractors are spelt consistently. `npm run evaluation-set -w server` writes the set to
 * evaluationSet.json; generation is deterministic (seeded), and a test keeps the file in step.
 */

export type EvaluationScript = 'latin' | 'thai' | 'burmese' | 'khmer' | 'lao';
export type EvaluationGender = 'Feminine' | 'Masculine';
/** How the query departs from the plain name. */
export type QueryForm = 'honorific' | 'swapped_order' | 'shortened' | 'one_part';

/** A name stored in the evaluation database: each is a person record of its own. */
export type EvaluationRecord = {
  id: string;
  /** The real person the record names: records of one person are the same person. */
  person: string;
  role: 'target' | 'distractor';
  gender: EvaluationGender;
  script: EvaluationScript;
  name: string;
  /** What the name says, whatever the script: its Burmese syllables, or its words in Latin letters. */
  parts: string[];
};

export type EvaluationPair = {
  query: string;
  queryScript: EvaluationScript;
  gender: EvaluationGender;
  /** The record the query must find among its first five candidates. */
  targetId: string;
  person: string;
  /** "thai→burmese": the query's script, then the target's. */
  scriptPair: string;
  forms: QueryForm[];
  /** The parts of the name the query keeps (a shortened query keeps fewer). */
  parts: string[];
};

export type EvaluationSet = { seed: number; records: EvaluationRecord[]; pairs: EvaluationPair[] };

export const EVALUATION_SEED = 16;
const HERE = new URL('.', import.meta.url);
export const EVALUATION_SET_FILE = new URL('evaluationSet.json', HERE);

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(new URL(file, HERE), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
  });
}

const variants = (cell: string) => cell.split('|').filter(Boolean);

/** Honorifics and titles by people, gender and script, as they are written before a name. */
const HONORIFICS: Record<string, Partial<Record<EvaluationScript, string[]>>> = {
  'bamar F': { latin: ['Ma', 'Daw'], burmese: ['မ', 'ဒေါ်'], thai: ['มะ', 'ดอ', 'นาง', 'นางสาว'] },
  'bamar M': { latin: ['U', 'Mg', 'Maung', 'Ko'], burmese: ['ဦး', 'မောင်', 'ကို'], thai: ['อู', 'หม่อง', 'โก', 'นาย'] },
  'karen F': { latin: ['Naw'], burmese: ['နော်'], thai: ['หน่อ', 'นาง'] },
  'karen M': { latin: ['Saw'], burmese: ['စော'], thai: ['ซอ', 'นาย'] },
  'km F': { latin: ['Ms', 'Lok Srey'], khmer: ['លោកស្រី', 'អ្នកស្រី'], thai: ['นาง', 'นางสาว'] },
  'km M': { latin: ['Mr', 'Lok'], khmer: ['លោក'], thai: ['นาย'] },
  'lo F': { latin: ['Ms', 'Nang'], lao: ['ນາງ', 'ນ.'], thai: ['นาง', 'นางสาว'] },
  'lo M': { latin: ['Mr', 'Thao'], lao: ['ທ້າວ', 'ທ.'], thai: ['นาย', 'ท้าว'] },
  'th F': { latin: ['Mrs', 'Miss', 'Ms'], thai: ['นาง', 'นางสาว', 'น.ส.'] },
  'th M': { latin: ['Mr'], thai: ['นาย'] },
};

/** One person's name in every script it is written in: words (Latin), or syllables (Burmese). */
type Spelling = {
  /** Words of the name in each script, each word with its spellings (the first is the usual one). */
  words: Partial<Record<EvaluationScript, string[][]>>;
  /** The word order of the language: Khmer names are family name first, Burmese have none. */
  familyFirst: boolean;
  /** Burmese names are one run of syllables in Burmese script and in Thai script by ear. */
  syllabic: boolean;
};

type Person = {
  id: string;
  role: 'target' | 'distractor';
  gender: EvaluationGender;
  honorifics: string;
  native: EvaluationScript;
  spelling: Spelling;
  parts: string[];
};

const NATIVE: Record<string, EvaluationScript> = { km: 'khmer', lo: 'lao', th: 'thai' };

function burmesePeople(): Person[] {
  const syllables = new Map(readCsv('burmese-syllables.csv').map((row) => [row.key!, row]));
  const spell = (keys: string[]): Spelling => {
    const rows = keys.map((key) => {
      const row = syllables.get(key);
      if (!row) throw new Error(`No syllable ${key} in burmese-syllables.csv`);
      return row;
    });
    return {
      words: {
        burmese: rows.map((row) => [row.burmese!]),
        latin: rows.map((row) => variants(row.latin!)),
        thai: rows.map((row) => variants(row.thai!)),
      },
      familyFirst: false,
      syllabic: true,
    };
  };
  const rows = readCsv('burmese-names.csv');
  const targets = rows.map((row) => row.syllables!.split(' '));
  const taken = new Set(targets.map((keys) => keys.join(' ')));
  const people: Person[] = [];
  rows.forEach((row, index) => {
    const gender: EvaluationGender = row.gender === 'F' ? 'Feminine' : 'Masculine';
    const honorifics = `${row.people} ${row.gender}`;
    const keys = targets[index]!;
    people.push({ id: `my-${index + 1}`, role: 'target', gender, honorifics, native: 'burmese', spelling: spell(keys), parts: keys });
    // Near misses: one syllable replaced by one of another sound (Khin → Khaing, Phyu → Phyo).
    let made = 0;
    for (const choice of [0, 1]) {
      keys.forEach((key, position) => {
        const near = variants(syllables.get(key)?.near ?? '')[choice];
        if (!near || made >= 5) return;
        const other = keys.map((k, p) => (p === position ? near : k));
        if (taken.has(other.join(' '))) return;
        taken.add(other.join(' '));
        made++;
        people.push({
          id: `my-${index + 1}-near-${made}`,
          role: 'distractor',
          gender,
          honorifics,
          native: 'burmese',
          spelling: spell(other),
          parts: other,
        });
      });
    }
  });
  return people;
}

function otherPeople(): Person[] {
  return readCsv('names.csv').map((row, index) => {
    const native = NATIVE[row.language!]!;
    const latin = variants(row.latin!).map((name) => name.split(' '));
    const thai = variants(row.thai!).map((name) => name.split(' '));
    const nativeWords = row.native!.split(' ');
    // Each spelling of the whole name is kept whole: variants of one name are not mixed word by word.
    const byWord = (names: string[][]) => {
      const grouped = names.map((name) => groupedAs(names[0]!, name));
      return names[0]!.map((_, w) => grouped.map((name) => name[w]!));
    };
    const words: Spelling['words'] = { [native]: nativeWords.map((word) => [word]), latin: byWord(latin) };
    if (native === 'thai') words.thai = nativeWords.map((word) => [word]);
    else if (thai.length) words.thai = byWord(thai);
    return {
      id: `${row.language}-${index + 1}`,
      role: row.role as Person['role'],
      gender: row.gender === 'F' ? 'Feminine' : 'Masculine',
      honorifics: `${row.language} ${row.gender}`,
      native,
      spelling: { words, familyFirst: row.language === 'km', syllabic: false },
      parts: latin[0]!.map((word) => word.toLowerCase()),
    };
  });
}

/**
 * A spelling of a name in more words than its usual spelling (Chan Thy for Chanthy, Srey Neang in
 * Nuon Sreyneang) with its words grouped as the usual spelling's: the group whose letters are
 * closest to the usual word stands for it, so "Chan Thy" is one spelling of Chanthy, not "Chan".
 */
function groupedAs(usual: readonly string[], name: readonly string[]): string[] {
  if (name.length < usual.length) throw new Error(`The spelling "${name.join(' ')}" has fewer words than "${usual.join(' ')}"`);
  if (name.length === usual.length) return [...name];
  const letters = (words: readonly string[]) => words.join('').toLowerCase();
  const best = { groups: [] as string[], cost: Number.POSITIVE_INFINITY };
  const place = (from: number, word: number, groups: string[], cost: number) => {
    if (word === usual.length) {
      if (from === name.length && cost < best.cost) Object.assign(best, { groups, cost });
      return;
    }
    const left = usual.length - word - 1;
    for (let end = from + 1; end <= name.length - left; end++) {
      const group = name.slice(from, end);
      place(end, word + 1, [...groups, group.join(' ')], cost + editDistance(letters(group), usual[word]!.toLowerCase()));
    }
  };
  place(0, 0, [], 0);
  return best.groups;
}

/** The usual spelling of a name in a script: the first spelling of each word. */
function usual(spelling: Spelling, script: EvaluationScript): string {
  const words = spelling.words[script]!.map((options) => options[0]!);
  return spelling.syllabic && script !== 'latin' ? words.join('') : words.join(' ');
}

/**
 * A query as someone else wrote the name: another spelling where there is one, and maybe an
 * honorific, the words in the other order, or a part left out.
 */
function writtenAgain(
  person: Person,
  script: EvaluationScript,
  target: string,
  random: Random,
): { query: string; forms: QueryForm[]; parts: string[] } {
  const forms: QueryForm[] = [];
  let parts = [...person.parts];
  const options = person.spelling.words[script]!;
  // Another spelling of at least one word when the script has one (Latin and Thai by ear vary; a
  // name in its own script is written one way).
  let words = options.map((spellings) => pick(random, spellings));
  const varied = options.findIndex((spellings) => spellings.length > 1);
  if (varied !== -1 && words.join(' ') === options.map((spellings) => spellings[0]).join(' ')) words[varied] = options[varied]!.at(-1)!;
  const roll = random();
  if (person.spelling.syllabic && words.length >= 3 && roll < 0.2) {
    const left = Math.floor(random() * words.length);
    words.splice(left, 1);
    parts.splice(left, 1);
    forms.push('shortened');
  } else if (!person.spelling.syllabic && words.length >= 2 && roll < 0.15) {
    words = person.spelling.familyFirst ? words.slice(1) : words.slice(0, 1);
    parts = person.spelling.familyFirst ? parts.slice(1) : parts.slice(0, 1);
    forms.push('one_part');
  } else if (!person.spelling.syllabic && words.length >= 2 && roll < 0.35) {
    words.reverse();
    forms.push('swapped_order');
  }
  const joined =
    person.spelling.syllabic && script === 'burmese' ? true : person.spelling.syllabic && script === 'thai' ? random() < 0.5 : false;
  let query = words.join(joined ? '' : ' ');
  const honorifics = HONORIFICS[person.honorifics]?.[script];
  if (honorifics && random() < 0.35) {
    const honorific = pick(random, honorifics);
    // Thai and Burmese titles are as often written joined to the name as apart.
    query = `${honorific}${(script === 'thai' || script === 'burmese') && random() < 0.5 ? '' : ' '}${query}`;
    forms.push('honorific');
  }
  if (query === target && script === 'latin') query = query.toUpperCase();
  return { query, forms, parts };
}

export function buildEvaluationSet(seed = EVALUATION_SEED): EvaluationSet {
  const random = prng(seed);
  const people = [...burmesePeople(), ...otherPeople()];
  const records: EvaluationRecord[] = [];
  const pairs: EvaluationPair[] = [];
  for (const person of people) {
    const scripts = [...new Set<EvaluationScript>([person.native, 'latin', ...(person.spelling.words.thai ? ['thai' as const] : [])])];
    const stored = new Map<EvaluationScript, EvaluationRecord>();
    for (const script of scripts) {
      let name = usual(person.spelling, script);
      // Some records keep the honorific the person was introduced with.
      const honorifics = HONORIFICS[person.honorifics]?.[script];
      if (person.role === 'target' && honorifics && random() < 0.2) name = `${pick(random, honorifics)} ${name}`;
      const record: EvaluationRecord = {
        id: `${person.id}-${script}`,
        person: person.id,
        role: person.role,
        gender: person.gender,
        script,
        name,
        parts: person.parts,
      };
      stored.set(script, record);
      records.push(record);
    }
    if (person.role === 'distractor') continue;
    for (const target of stored.values()) {
      for (const queryScript of scripts) {
        // A name in its own script is compared with itself only when it is Latin (spelling variants).
        if (queryScript === target.script && queryScript !== 'latin') continue;
        const { query, forms, parts } = writtenAgain(person, queryScript, target.name, random);
        pairs.push({
          query,
          queryScript,
          gender: person.gender,
          targetId: target.id,
          person: person.id,
          scriptPair: `${queryScript}→${target.script}`,
          forms,
          parts,
        });
      }
    }
  }
  return { seed, records, pairs };
}

export function readEvaluationSet(): EvaluationSet {
  return JSON.parse(fs.readFileSync(EVALUATION_SET_FILE, 'utf8')) as EvaluationSet;
}
