import type { QueryClient } from '@tanstack/react-query';
import { retryDelay, type TransientFailure, transientFailure } from './retryPolicy';

/** A request is waiting to be tried again: why, and when the next try goes out. */
export interface ConnectionTrouble {
  reason: TransientFailure;
  retryAt: number;
}

/**
 * Follows the query and mutation caches and reports the latest failure that will be tried again,
 * and null as soon as nothing is waiting any more, so one banner can tell the user what happens.
 */
export function watchConnection(client: QueryClient, onChange: (trouble: ConnectionTrouble | null) => void, now = () => Date.now()) {
  let current: ConnectionTrouble | null = null;
  const publish = (next: ConnectionTrouble | null) => {
    if (next === current) return;
    current = next;
    onChange(next);
  };
  const stillWaiting = () =>
    client
      .getQueryCache()
      .getAll()
      .some((query) => query.state.fetchStatus === 'fetching' && transientFailure(query.state.fetchFailureReason) !== null) ||
    client
      .getMutationCache()
      .getAll()
      .some((mutation) => mutation.state.status === 'pending' && transientFailure(mutation.state.failureReason) !== null);

  // TanStack Query announces a failure only when it will try again, counting this failure in.
  const onRetry = (failureCount: number, error: unknown) => {
    const reason = transientFailure(error);
    if (reason) publish({ reason, retryAt: now() + retryDelay(failureCount - 1, error) });
    else settle();
  };
  const settle = () => {
    if (current && !stillWaiting()) publish(null);
  };

  const stopQueries = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    if (event.action.type === 'failed') onRetry(event.action.failureCount, event.action.error);
    else settle();
  });
  const stopMutations = client.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    if (event.action.type === 'failed') onRetry(event.action.failureCount, event.action.error);
    else settle();
  });
  // A read may be waiting already when the banner starts watching: the first page's route loader
  // asks for its data before anything is drawn.
  const waiting = client
    .getQueryCache()
    .getAll()
    .find((query) => query.state.fetchStatus === 'fetching' && transientFailure(query.state.fetchFailureReason) !== null);
  if (waiting) onRetry(waiting.state.fetchFailureCount, waiting.state.fetchFailureReason);
  return () => {
    stopQueries();
    stopMutations();
  };
}
