/**
 * Implausible input is refused at the field that holds it (issue 10 §3): dates that are not on
 * the calendar or outside the range a case record can hold, country codes outside ISO 3166-1,
 * and names or notes hiding control or direction-override characters.
 */
import { DATE_RANGE, latestToday } from '@seamless/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type ApiResponse, startTestApp, type TestApp } from '../../test/harness.js';
import { openTestCase } from '../routes/caseRecord/testSupport.js';

let t: TestApp;
let socialworker: ApiClient;
let caseId: string;

beforeAll(async () => {
  t = await startTestApp();
  socialworker = await t.login('th.socialworker');
  caseId = (await openTestCase(socialworker)).id;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const addDays = (isoDay: string, days: number) => new Date(Date.parse(isoDay) + days * 86_400_000).toISOString().slice(0, 10);
const addYears = (isoDay: string, years: number) => `${Number(isoDay.slice(0, 4)) + years}${isoDay.slice(4)}`;

/** "status path" of a refusal, or the status alone for an acceptance. */
function outcome(response: ApiResponse): string {
  if (response.status < 400) return String(response.status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return `${response.status} ${(response.body.errors ?? []).map((error: { path: string }) => error.path).join(',')}`;
}

const person = (fields: Record<string, unknown>) => ({ person: { givenName: 'Mya', gender: 'Feminine', ...fields } });
const openCase = async (fields: Record<string, unknown>) => outcome(await socialworker.post('/api/cases', person(fields)));

describe('dates', () => {
  it('accepts birth dates from 1900-01-01 to today only, and only real calendar days', async () => {
    expect(await openCase({ birthDate: '1800-01-01' })).toBe('400 person.birthDate');
    expect(await openCase({ birthDate: '1899-12-31' })).toBe('400 person.birthDate');
    expect(await openCase({ birthDate: '9999-12-31' })).toBe('400 person.birthDate');
    expect(await openCase({ birthDate: addDays(latestToday(), 1) })).toBe('400 person.birthDate');
    expect(await openCase({ birthDate: '2001-02-29' })).toBe('400 person.birthDate');
    expect(await openCase({ birthDate: '2000-13-01' })).toBe('400 person.birthDate');
    expect(await openCase({ birthDate: '1900-01-01' })).toBe('201');
    expect(await openCase({ birthDate: '2000-02-29' })).toBe('201');
    expect(await openCase({ birthDate: new Date().toISOString().slice(0, 10) })).toBe('201');
  });

  it('refuses an impossible birth date in a match search', async () => {
    const search = (birthdate: string) => socialworker.post('/api/persons/matches', { name: 'Mya', birthdate });
    expect(outcome(await search('2020-02-30'))).toBe('400 birthdate');
    expect(outcome(await search('1800-01-01'))).toBe('400 birthdate');
    expect(outcome(await search('2020-02-29'))).toBe('200');
  });

  it(`keeps other dates between ${DATE_RANGE.earliest} and ${DATE_RANGE.yearsAhead} years ahead`, async () => {
    const task = (dueOn: string) => socialworker.post(`/api/cases/${caseId}/tasks`, { title: 'Call the shelter', dueOn });
    expect(outcome(await task('2020-02-30'))).toBe('400 dueOn');
    expect(outcome(await task('1899-12-31'))).toBe('400 dueOn');
    expect(outcome(await task(addYears(latestToday(), DATE_RANGE.yearsAhead + 1)))).toBe('400 dueOn');
    expect(outcome(await task('9999-12-31'))).toBe('400 dueOn');
    expect(outcome(await task(addYears(latestToday(), 1)))).toBe('201');
    expect(await openCase({ documents: [{ documentType: 'passport', number: 'AA1', expiresOn: '2031-02-31' }] })).toBe(
      '400 person.documents.0.expiresOn',
    );
  });
});

describe('country codes', () => {
  it('accepts ISO 3166-1 alpha-2 codes only', async () => {
    expect(await openCase({ citizenship: ['MM', 'ZZ'] })).toBe('400 person.citizenship.1');
    expect(await openCase({ citizenship: ['XK'] })).toBe('400 person.citizenship.0');
    expect(await openCase({ documents: [{ documentType: 'passport', number: 'AA1', issuingCountry: 'EU' }] })).toBe(
      '400 person.documents.0.issuingCountry',
    );
    expect(outcome(await socialworker.post('/api/persons/matches', { name: 'Mya', citizenship: 'ZZ' }))).toBe('400 citizenship');
    expect(outcome(await socialworker.get('/api/cases?nationality=QQ'))).toMatch(/^400 query\.nationality/);
    expect(await openCase({ citizenship: ['MM', 'KH', 'LA'] })).toBe('201');
  });
});

describe('names and free text', () => {
  it('refuses direction overrides, control characters and invisible-only names', async () => {
    expect(await openCase({ givenName: 'Mya\u202eetihW' })).toBe('400 person.givenName');
    expect(await openCase({ familyName: '\u2067Aung\u2069' })).toBe('400 person.familyName');
    expect(await openCase({ givenName: '\u200b\u200b' })).toBe('400 person.givenName');
    expect(await openCase({ givenName: 'Mya\u0007' })).toBe('400 person.givenName');
    expect(await openCase({ aliases: ['Ma Mya', 'Mya\u0085'] })).toBe('400 person.aliases.1');
    // Half a surrogate pair is no character; a whole pair (an emoji) is one.
    expect(await openCase({ givenName: 'Mya\ud800x' })).toBe('400 person.givenName');
    expect(await openCase({ familyName: '\udc00Aung' })).toBe('400 person.familyName');
    expect(await openCase({ givenName: 'Mya \ud83c\udf38' })).toBe('201');
  });

  it('keeps the invisible joiners that Khmer, Burmese and emoji need inside words', async () => {
    expect(await openCase({ givenName: 'សុខ\u200bជា', nameAsWritten: 'မြ\u200cမြ' })).toBe('201');
  });

  it('refuses overrides in any route’s free text, naming the field, and lets tabs and line breaks through', async () => {
    const comment = (body: string) => socialworker.post(`/api/cases/${caseId}/comments`, { body, section: 'general' });
    expect(outcome(await comment('Met her at the \u202eshelter'))).toBe('400 body');
    expect(outcome(await socialworker.get('/api/cases?q=%E2%80%AEMya'))).toBe('400 query.q');
    expect(outcome(await comment('First visit:\n\tall well.\r\n'))).toBe('201');
  });
});
