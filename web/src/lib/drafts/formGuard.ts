import { createContext, use } from 'react';

/** What a dialog needs to know of the form inside it before it closes. */
export type FormGuard = { isDirty: () => boolean; discard: () => void };

export type FormGuardHost = {
  /** The form inside registers itself (null when it goes). */
  register: (guard: FormGuard | null) => void;
  /** Closes now when nothing was typed, or after the user chose to discard what was. */
  requestClose: (close: () => void) => void;
};

export const FormGuardContext = createContext<FormGuardHost | null>(null);

/** The dialog around this form, if it is in one that asks before closing. */
export const useFormGuardHost = () => use(FormGuardContext);

/** A Cancel button's handler: inside a guarded dialog it asks first when something was typed, as Escape does. */
export function useGuardedCancel(cancel: () => void): () => void {
  const host = useFormGuardHost();
  return () => (host ? host.requestClose(cancel) : cancel());
}
