import { useBlocker } from '@tanstack/react-router';

/**
 * Holds navigation while a form has unsaved changes: inside the app the caller shows a
 * LeaveDialog for the answer; closing or reloading the tab gets the browser's own question.
 * Signing out is never held: it is how a user leaves a shared computer.
 */
export function useLeaveGuard(isDirty: () => boolean) {
  return useBlocker({
    shouldBlockFn: ({ next }) => isDirty() && next.pathname !== '/sign-in',
    enableBeforeUnload: isDirty,
    withResolver: true,
  });
}

export type LeaveGuard = ReturnType<typeof useLeaveGuard>;
