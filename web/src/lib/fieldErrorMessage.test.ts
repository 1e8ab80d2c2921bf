import { personInputSchema } from '@seamless/contracts';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../locales/en';
import { fieldErrorMessage } from './fieldErrorMessage';
import { validate } from './validation';

const myanmarFiles = import.meta.glob<Record<string, unknown>>('../locales/my/*.json', { eager: true, import: 'default' });
const my = Object.assign({}, ...Object.values(myanmarFiles)) as typeof en;
const i18n = i18next.createInstance();

beforeAll(() =>
  i18n.init({ lng: 'en', resources: { en: { translation: en }, my: { translation: my } }, interpolation: { escapeValue: false } }),
);

/** The message for the first error the contract's own check finds at `path`. */
function messageFor(values: Record<string, unknown>, path: string): string | null {
  const checked = validate(personInputSchema, { givenName: 'Mya', gender: 'Feminine', ...values });
  if (checked.ok) throw new Error('expected a refusal');
  const error = checked.errors.find((candidate) => candidate.path === path);
  if (!error) throw new Error(`no error at ${path}: ${JSON.stringify(checked.errors)}`);
  return fieldErrorMessage(i18n.t, error);
}

describe('field error messages', () => {
  it('say what to enter, with the limit the check names', () => {
    expect(messageFor({ estimatedAge: 150 }, 'estimatedAge')).toBe('Enter 120 or less.');
    expect(messageFor({ estimatedAge: -3 }, 'estimatedAge')).toBe('Enter 0 or more.');
    expect(messageFor({ givenName: 'x'.repeat(201) }, 'givenName')).toBe('Enter at most 200 characters: shorten the text.');
    expect(messageFor({ givenName: '' }, 'givenName')).toBe('Fill in this field.');
    expect(messageFor({ gender: 'Other' }, 'gender')).toBe('Choose an option from the list.');
  });

  it('never read like developer text, in any language', async () => {
    for (const text of Object.values(en.validation)) expect(text).not.toMatch(/allowed values|Too short or too few/);
    await i18n.changeLanguage('my');
    expect(messageFor({ estimatedAge: 150 }, 'estimatedAge')).toBe('120 သို့မဟုတ် ထို့ထက်နည်း၍ ထည့်ပါ။');
    await i18n.changeLanguage('en');
  });

  it("leaves a record rule's own code to its form", () => {
    expect(fieldErrorMessage(i18n.t, { path: 'status', code: 'interpreter_pending', message: '' })).toBeNull();
  });
});
