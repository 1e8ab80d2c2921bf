import { type CaseDetail, personUpdateSchema } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../lib/validation';
import { personFormValues, personUpdateCandidate } from './personForm';

const person: CaseDetail['person'] = {
  id: '00000000-0000-4000-8000-000000000001',
  pseudonym: 'P-ABC123',
  gender: 'Feminine',
  birthYear: 2001,
  birthYearEstimated: false,
  citizenship: ['MM'],
  languages: ['my', 'xx-unknown'],
  ethnicMinority: true,
  version: 4,
};
const identity: NonNullable<CaseDetail['sections']['identity']> = {
  givenName: 'Kanya',
  familyName: null,
  nameAsWritten: 'กัญญา',
  aliases: ['Kan'],
  birthDate: '2001-05-04',
  ethnicity: null,
  address: null,
  documents: [
    { id: '00000000-0000-4000-8000-000000000002', documentType: 'passport', number: 'MA1', issuingCountry: 'MM', expiresOn: null },
  ],
  contacts: [{ id: '00000000-0000-4000-8000-000000000003', kind: 'phone', value: '+66 1' }],
};

describe('the identity form', () => {
  it('reads the record and writes back the same identity, with the version it was read at', () => {
    const values = personFormValues({ person, sections: { identity } });
    expect(values.languages).toEqual(['my']);
    expect(values.ethnicMinority).toBe('yes');
    const checked = validate(personUpdateSchema, personUpdateCandidate(values, person.version));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.data).toMatchObject({
      version: 4,
      givenName: 'Kanya',
      familyName: null,
      nameAsWritten: 'กัญญา',
      aliases: ['Kan'],
      gender: 'Feminine',
      birthDate: '2001-05-04',
      estimatedAge: null,
      citizenship: ['MM'],
      ethnicMinority: true,
      documents: [{ documentType: 'passport', number: 'MA1', issuingCountry: 'MM', expiresOn: null }],
      contacts: [{ kind: 'phone', value: '+66 1' }],
    });
  });

  it('turns an estimated birth year back into an age, and sends the age only without a birth date', () => {
    const values = personFormValues(
      {
        person: { ...person, birthYear: 2010, birthYearEstimated: true, ethnicMinority: null },
        sections: { identity: { ...identity, birthDate: null } },
      },
      new Date(2026, 5, 1),
    );
    expect(values.estimatedAge).toBe(16);
    expect(values.ethnicMinority).toBe('unknown');
    expect(personUpdateCandidate(values, 1)).toMatchObject({ birthDate: null, estimatedAge: 16, ethnicMinority: null });
    expect(personUpdateCandidate({ ...values, birthDate: '2010-01-01' }, 1)).toMatchObject({ birthDate: '2010-01-01', estimatedAge: null });
  });

  it('names the missing choices so the schema can point at them', () => {
    const values = personFormValues({ person, sections: { identity } });
    const checked = validate(
      personUpdateSchema,
      personUpdateCandidate(
        { ...values, gender: null, documents: [{ documentType: null, number: ' ', issuingCountry: null, expiresOn: '' }] },
        1,
      ),
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.map((error) => error.path).sort()).toEqual(['documents.0.documentType', 'documents.0.number', 'gender']);
  });
});
