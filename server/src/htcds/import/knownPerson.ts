import { eq, sql } from 'drizzle-orm';
import { primaryNameOf } from '../../commands/writePersonIdentity.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { rowsOf, type Tx } from '../../db/client.js';
import { persons } from '../../db/schema/index.js';
import { findPersonMatches, likelihoodOfEvidence } from '../../matching/findPersonMatches.js';
import { normaliseDocumentNumber, normalisePhone } from '../../matching/indexPersonNames.js';
import { nameKeysOf } from '../../matching/nameKeys.js';
import { genderOf, type ImportedCase } from '../importedCase.js';

/**
 * An import links a row to a known person without anyone confirming it, so it takes only evidence
 * nine to one for her (the same exact name with the same birth date, or a shared document) — about
 * 0.74 as a calibrated likelihood, where namesakes born the same year count against it; the intake
 * screen's possible matches (DEFAULT_MATCH_THRESHOLD) are for people to judge.
 */
export const IMPORT_LINK_THRESHOLD = likelihoodOfEvidence(Math.log(9), 'corroborated');

export type KnownPerson = { personId: string; pseudonym: string };

type ExactKeys = { search: string[]; documents: string[]; phones: string[] };

/**
 * Finds the person already known that a row describes. Exact keys (the sorted name key, a
 * document or phone blind index) tell whether anyone could be her — for a whole batch of rows in
 * one indexed query — and only then does the full matcher weigh the evidence: most rows of a
 * first import meet nobody, and a trigram search for each of 100,000 rows would dominate it.
 */
export class KnownPersonFinder {
  private held = new Set<string>();
  /** Keys of rows remembered whose persons are not in the database yet. */
  private unwritten = new Set<string>();
  /** Romanising names is the costly part of a key: each row's are made once, in `prepare`. */
  private keys = new WeakMap<ImportedCase, ExactKeys>();

  constructor(
    private readonly keyRing: KeyRing,
    private readonly defaultCountry: string,
  ) {}

  /** Looks up the exact keys of the coming rows in one statement (held_identity_keys, under row-level security). */
  async prepare(tx: Tx, importedCases: readonly ImportedCase[]): Promise<void> {
    const keys = importedCases.map((each) => this.keysOf(each));
    const search = [...new Set(keys.flatMap((each) => each.search))];
    const documents = [...new Set(keys.flatMap((each) => each.documents))];
    const phones = [...new Set(keys.flatMap((each) => each.phones))];
    if (!search.length && !documents.length && !phones.length) return;
    const held = await tx.execute(
      sql`select held_identity_keys(${sql.param(search)}::text[], ${sql.param(documents)}::text[], ${sql.param(phones)}::text[]) as key`,
    );
    for (const { key } of rowsOf<{ key: string }>(held)) this.held.add(key);
  }

  /** A row about to be written: later rows of the same batch may be the same person. */
  remember(importedCase: ImportedCase): void {
    for (const key of this.flatKeysOf(importedCase)) {
      this.held.add(key);
      this.unwritten.add(key);
    }
  }

  /** The rows remembered are written: `find` sees them in the database now. */
  written(): void {
    this.unwritten.clear();
  }

  /**
   * Whether the row shares an exact key with a row remembered but not yet written: only such a
   * row can be her, so only then must those rows be written before `find` looks for her.
   */
  needsUnwritten(importedCase: ImportedCase): boolean {
    return this.flatKeysOf(importedCase).some((key) => this.unwritten.has(key));
  }

  /** Whether anyone already held, or any earlier row, shares an exact key with the row: only then may `find` meet her. */
  private mayKnow(importedCase: ImportedCase): boolean {
    return this.flatKeysOf(importedCase).some((key) => this.held.has(key));
  }

  async find(tx: Tx, importedCase: ImportedCase): Promise<KnownPerson | null> {
    if (!this.mayKnow(importedCase)) return null;
    const { person } = importedCase;
    const phones = person.contacts.filter((contact) => contact.kind === 'phone');
    const [best] = await findPersonMatches(
      tx,
      this.keyRing,
      {
        name: primaryNameOf(importedCase.person),
        birthdate: person.birthDate ?? undefined,
        birthYear: person.birthYear ?? undefined,
        gender: genderOf(importedCase),
        citizenship: person.citizenship[0],
        documentNumber: person.documents[0]?.number,
        phone: phones[0]?.value,
      },
      { threshold: IMPORT_LINK_THRESHOLD, limit: 1, defaultCountry: this.defaultCountry, exactNameKeys: this.keysOf(importedCase).search },
    );
    if (!best) return null;
    const [known] = await tx.select({ pseudonym: persons.pseudonym }).from(persons).where(eq(persons.id, best.personId));
    return known ? { personId: best.personId, pseudonym: known.pseudonym } : null;
  }

  private keysOf(importedCase: ImportedCase): ExactKeys {
    const known = this.keys.get(importedCase);
    if (known) return known;
    const { person } = importedCase;
    const keys = {
      search: [primaryNameOf(importedCase.person), person.nameAsWritten]
        .filter((each): each is string => !!each)
        .map((each) => nameKeysOf(each).searchKey)
        .filter(Boolean),
      documents: person.documents.map((document) => this.keyRing.blindIndex('document', normaliseDocumentNumber(document.number))!),
      phones: person.contacts
        .filter((contact) => contact.kind === 'phone')
        .map((contact) => this.keyRing.blindIndex('phone', normalisePhone(contact.value, this.defaultCountry))!),
    };
    this.keys.set(importedCase, keys);
    return keys;
  }

  private flatKeysOf(importedCase: ImportedCase): string[] {
    const { search, documents, phones } = this.keysOf(importedCase);
    return [...search.map((key) => `n:${key}`), ...documents.map((key) => `d:${key}`), ...phones.map((key) => `p:${key}`)];
  }
}
