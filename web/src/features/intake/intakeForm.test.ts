import { describe, expect, it } from 'vitest';
import { ageOn, birthDateErrors, checkIntake, emptyIntake, explainServerError, type IntakeValues } from './intakeForm';

const TODAY = '2026-03-15';

function filled(overrides: Partial<IntakeValues> = {}): IntakeValues {
  return {
    ...emptyIntake(),
    channel: 'hotline_call',
    givenName: 'Somsri',
    familyName: 'Jaidee',
    nameAsWritten: 'สมศรี ใจดี',
    gender: 'Feminine',
    birthDate: '2009-06-01',
    citizenship: ['TH'],
    exploitationTypes: ['ForcedLabour'],
    ...overrides,
  };
}

const paths = (check: ReturnType<typeof checkIntake>) => (check.ok ? [] : check.errors.map((error) => `${error.path}:${error.code}`));

describe('checkIntake', () => {
  it('builds the request the server takes from a complete intake', () => {
    const check = checkIntake(filled({ assignToAgencyId: '8f14e45f-ceea-467a-9af1-6f2a3c5b1d20' }), 'th', null, TODAY);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.body.person).toMatchObject({
      givenName: 'Somsri',
      nameAsWritten: 'สมศรี ใจดี',
      birthDate: '2009-06-01',
      estimatedAge: null,
      citizenship: ['TH'],
      documents: [],
    });
    expect(check.body.intake).toMatchObject({ channel: 'hotline_call', urgency: 'routine', location: null, anonymous: false });
    expect(check.body.victimContext?.exploitationTypes).toEqual(['ForcedLabour']);
    expect(check.body.assignToAgencyId).toBe('8f14e45f-ceea-467a-9af1-6f2a3c5b1d20');
    expect(check.body.locale).toBe('th');
    expect(check.body.existingPersonId).toBeUndefined();
  });

  it('refuses an age outside 0–120 as typed, with the bound, rather than changing it', () => {
    for (const [estimatedAge, expected] of [
      [150, { code: 'too_big', maximum: 120 }],
      [-3, { code: 'too_small', minimum: 0 }],
      ['-3', { code: 'too_small', minimum: 0 }],
    ] as const) {
      const check = checkIntake(filled({ birthDate: '', estimatedAge }), 'en', null, TODAY);
      expect(check.ok, String(estimatedAge)).toBe(false);
      if (check.ok) continue;
      expect(check.errors).toEqual([expect.objectContaining({ path: 'person.estimatedAge', origin: 'number', ...expected })]);
    }
  });

  it('reports blank required answers as missing, on the paths the server uses', () => {
    const check = checkIntake(emptyIntake(), 'en', null, TODAY);
    expect(paths(check)).toEqual(
      expect.arrayContaining(['person.givenName:invalid_type', 'person.gender:invalid_type', 'intake.channel:invalid_type']),
    );
  });

  it('refuses a birth date in the future and a birth date given with an age, like the server', () => {
    expect(paths(checkIntake(filled({ birthDate: '2026-03-16' }), 'en', null, TODAY))).toEqual(['person.birthDate:birth_date_future']);
    expect(paths(checkIntake(filled({ estimatedAge: 17 }), 'en', null, TODAY))).toEqual(['person.estimatedAge:birth_date_and_age']);
    expect(checkIntake(filled({ birthDate: '', estimatedAge: 17 }), 'en', null, TODAY).ok).toBe(true);
    expect(checkIntake(filled({ birthDate: TODAY }), 'en', null, TODAY).ok).toBe(true);
  });

  it('leaves out untouched document and contact rows but checks started ones', () => {
    const check = checkIntake(
      filled({
        documents: [
          { key: 'a', documentType: null, number: '', issuingCountry: null },
          { key: 'b', documentType: 'passport', number: '  ', issuingCountry: 'MM' },
        ],
        contacts: [{ key: 'c', kind: 'phone', value: '' }],
      }),
      'en',
      null,
      TODAY,
    );
    expect(paths(check)).toEqual(['person.documents.0.number:invalid_type', 'person.contacts.0.value:invalid_type']);
  });

  it('joins the chosen person when the worker confirmed a match', () => {
    const check = checkIntake(filled(), 'en', '8f14e45f-ceea-467a-9af1-6f2a3c5b1d20', TODAY);
    expect(check.ok && check.body.existingPersonId).toBe('8f14e45f-ceea-467a-9af1-6f2a3c5b1d20');
  });
});

describe('birthDateErrors', () => {
  it('says nothing while the birth date is plausible', () => {
    expect(birthDateErrors({ birthDate: '2000-01-01', estimatedAge: '' }, TODAY)).toEqual([]);
  });
});

describe('explainServerError', () => {
  it('re-states the server’s English refusals as codes the catalogue explains', () => {
    expect(explainServerError({ path: 'person.estimatedAge', code: 'validation_failed', message: 'x' }).code).toBe('birth_date_and_age');
    expect(explainServerError({ path: 'assignToAgencyId', code: 'invalid_reference', message: 'x' }).code).toBe('agency_unavailable');
    expect(explainServerError({ path: 'person.givenName', code: 'too_small', message: 'x' }).code).toBe('too_small');
  });
});

describe('ageOn', () => {
  it('counts full years only', () => {
    expect(ageOn('2008-03-16', TODAY)).toBe(17);
    expect(ageOn('2008-03-15', TODAY)).toBe(18);
  });
});
