import type { FieldError } from '@seamless/contracts';

export interface LoginForm {
  username: string;
  password: string;
}

/**
 * The bounds of the contracts' `loginRequestSchema` (a trimmed username of 1–100 characters, a
 * password of 1–200), checked by hand: the schema would bring zod into the sign-in page, the first
 * thing a phone downloads. The errors are the ones `validate` makes of zod's issues (code, bound and
 * message), so the catalogue words them as before; loginForm.test.ts holds the two to the same answers.
 */
const BOUNDS: Record<keyof LoginForm, { minimum: number; maximum: number }> = {
  username: { minimum: 1, maximum: 100 },
  password: { minimum: 1, maximum: 200 },
};

/** The request to send, or the fields that are out of bounds. */
export function checkLoginForm(values: LoginForm): { ok: true; data: LoginForm } | { ok: false; errors: FieldError[] } {
  const data = { username: values.username.trim(), password: values.password };
  const errors: FieldError[] = [];
  for (const path of ['username', 'password'] as const) {
    const { length } = data[path];
    const { minimum, maximum } = BOUNDS[path];
    if (length < minimum)
      errors.push({
        path,
        code: 'too_small',
        origin: 'string',
        minimum,
        message: `Too small: expected string to have >=${minimum} characters`,
      });
    else if (length > maximum)
      errors.push({
        path,
        code: 'too_big',
        origin: 'string',
        maximum,
        message: `Too big: expected string to have <=${maximum} characters`,
      });
  }
  return errors.length === 0 ? { ok: true, data } : { ok: false, errors };
}
