import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../locales/en';
import { placeErrors } from './problemFields';
import { errorMessages } from './useErrorMessages';

const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } }));

describe('the reconciliation form’s error messages', () => {
  it('say the limit a refusal names, in plain words', () => {
    const placed = placeErrors([{ path: 'body.source', code: 'too_big', origin: 'string', maximum: 200, message: 'Too big' }], []);
    expect(errorMessages(i18n.t, placed).source).toBe('Enter at most 200 characters: shorten the text.');
  });

  it('keep the form’s own wording where it has one, and the server’s words for a code nobody words', () => {
    const placed = placeErrors(
      [
        { path: 'body.from', code: 'invalid_format', message: 'Invalid' },
        { path: 'body.elsewhere', code: 'something_new', message: 'The server says so.' },
      ],
      [],
    );
    const messages = errorMessages(i18n.t, placed);
    expect(messages.period).toBe(en.reconciliation.errors.period);
    expect(messages.form).toBe('The server says so.');
  });
});
