import { getTableName } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { CipherBinding, KeyRing } from '../crypto/keyRing.js';
import { persons } from './schema/index.js';

/** The place an encrypted column's value is bound to: its table, its column and the row's id. */
export const placeOf = (column: PgColumn, id: string): CipherBinding => ({
  table: getTableName(column.table),
  column: column.name,
  id,
});

type PersonIdentityColumn = 'givenNameEnc' | 'familyNameEnc' | 'nameAsWrittenEnc' | 'birthDateEnc' | 'addressEnc';

/** One identity value of a person's record, read where it is bound (her record). */
export const personIdentityValue = (
  keyRing: KeyRing,
  person: { id: string } & { [column in PersonIdentityColumn]?: string | null },
  column: PersonIdentityColumn,
): string | null => keyRing.decrypt(person[column] ?? null, placeOf(persons[column], person.id));
