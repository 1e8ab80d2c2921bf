import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../http/problem.js';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane (argon2id is the library's default algorithm). */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the time of a real check when the account does not exist, so timing does not reveal it. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('no-such-account-placeholder');
  await verifyPassword(await dummyHash, password);
}

export function assertPasswordAcceptable(password: string, username: string, path = 'newPassword'): void {
  const lower = password.toLowerCase();
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const tooWeak = password.length < 12 || lower.includes(username.toLowerCase()) || (classes < 3 && password.length < 16);
  if (tooWeak) {
    throw new AppError(422, 'password_too_weak', 'Use at least 12 characters mixing letters, digits and symbols, not your username.', [
      { path, code: 'password_too_weak', message: 'too weak' },
    ]);
  }
}
