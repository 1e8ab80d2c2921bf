import type { TFunction } from 'i18next';
import { ApiProblem, NetworkError } from '../api/problem';

/** One sentence a user can act on, whatever went wrong. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiProblem) return t(`problem.${error.code}`);
  if (error instanceof NetworkError) return t(error.write ? 'connection.lostWrite' : 'error.network');
  return t('error.unexpected');
}

/** The server's request id, so a user can quote it to their administrator. */
export function errorReference(error: unknown): string | undefined {
  return error instanceof ApiProblem ? error.requestId : undefined;
}
