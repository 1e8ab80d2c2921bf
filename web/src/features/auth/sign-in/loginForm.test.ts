import { loginRequestSchema } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../lib/validation';
import { checkLoginForm } from './loginForm';

describe('checkLoginForm', () => {
  const cases = [
    { username: 'th.socialworker', password: 'Seamless-demo-2026' },
    { username: '  th.socialworker  ', password: ' spaced ' },
    { username: '', password: '' },
    { username: '   ', password: 'x' },
    { username: 'a', password: '' },
    { username: 'u'.repeat(100), password: 'p'.repeat(200) },
    { username: 'u'.repeat(101), password: 'p'.repeat(201) },
    { username: ` ${'u'.repeat(100)} `, password: 'p' },
    { username: 'ผู้ใช้', password: 'รหัสผ่าน' },
  ];

  it.each(cases)('answers as loginRequestSchema does for %j', (values) => {
    expect(checkLoginForm(values)).toEqual(validate(loginRequestSchema, values));
  });

  it('names the empty fields with the bound the catalogue words as "required"', () => {
    const checked = checkLoginForm({ username: ' ', password: '' });
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.errors.map(({ path, code, minimum }) => [path, code, minimum])).toEqual([
        ['username', 'too_small', 1],
        ['password', 'too_small', 1],
      ]);
  });
});
