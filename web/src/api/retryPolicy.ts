import { ApiProblem, NetworkError } from './problem';

/** Why a request may succeed if asked again later: the server asked us to slow down, or the line dropped. */
export type TransientFailure = 'busy' | 'offline';

export function transientFailure(error: unknown): TransientFailure | null {
  if (error instanceof ApiProblem && error.status === 429) return 'busy';
  if (error instanceof NetworkError) return 'offline';
  return null;
}

/** When the server gives no Retry-After, a pause long enough for a one-minute window to move on. */
const DEFAULT_BUSY_SECONDS = 5;
/** Never keep a worker waiting longer than this between two tries, whatever a proxy answers. */
const LONGEST_WAIT_MS = 60_000;
/** A slow or lost line gets several tries over about two minutes before the page shows the failure. */
const TRANSIENT_TRIES = 6;
const SERVER_ERROR_TRIES = 2;

/**
 * Reads are safe to repeat: a 429 or a lost connection is tried again for a while, a server error
 * twice, and any other 4xx never, since the same question gets the same answer.
 */
export function retryQuery(failureCount: number, error: unknown): boolean {
  if (transientFailure(error)) return failureCount < TRANSIENT_TRIES;
  if (error instanceof ApiProblem && error.status < 500) return false;
  return failureCount < SERVER_ERROR_TRIES;
}

/**
 * A 429 is answered before the server does anything, so a write that got one is sent once more.
 * A write lost on the way may have been carried out: it is reported, never repeated blindly.
 */
export function retryMutation(failureCount: number, error: unknown): boolean {
  return transientFailure(error) === 'busy' && failureCount < 1;
}

/** Milliseconds before the next try: what Retry-After asks for, otherwise doubling from one second. */
export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiProblem && error.status === 429) {
    return Math.min((error.retryAfterSeconds ?? DEFAULT_BUSY_SECONDS) * 1000, LONGEST_WAIT_MS);
  }
  return Math.min(1000 * 2 ** Math.max(failureCount - 1, 0), LONGEST_WAIT_MS / 2);
}
