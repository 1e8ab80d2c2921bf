import { useSyncExternalStore } from 'react';

/**
 * Whether the tour was asked for again from the user menu. The menu and the tour sit in different
 * parts of the shell, so the request passes through this one flag rather than through props.
 */
let requested = false;
const listeners = new Set<() => void>();

function set(value: boolean) {
  requested = value;
  for (const listener of listeners) listener();
}

export const openTour = () => set(true);
export const closeTour = () => set(false);

export function useTourRequested(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => requested,
  );
}
