import { use, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MeContext } from '../../features/auth/MeContext';
import { useFormValues } from '../useFormValues';
import { useLeaveGuard } from '../useLeaveGuard';
import type { DraftPlace } from './draftStore';
import { useFormGuardHost } from './formGuard';
import { sameValues } from './sameValues';
import { useDraftStore } from './useDraftStore';
import { withoutSecrets } from './withoutSecrets';

/** Long enough not to encrypt on every key stroke, short enough that a reload right after typing loses nothing. */
const SAVE_DELAY_MS = 400;
const NO_SECRETS: readonly never[] = [];

export interface DraftOptions {
  /** Which form, e.g. "intake" or "interview". */
  form: string;
  /** Which record the form is about: a case id, "caseId:interviewId", or "new". */
  record: string;
}

export interface DraftFormOptions<Values> extends DraftOptions {
  /**
   * Fields never written to the device (passwords, keys, codes): a restored draft leaves them as
   * the form opened. A constant list, declared outside the component.
   */
  secret?: readonly (keyof Values)[];
}

/**
 * Form values (as useFormValues) that are never lost: kept encrypted on this device as they are
 * typed, restored after a reload or an accidental close, guarded against leaving the page or
 * closing the dialog around them, and cleared once saved (`draft.clear()` on success).
 * Render `<DraftNotice draft={draft} />` in the form.
 */
export function useDraftForm<Values extends object>(
  initial: Values | (() => Values),
  { form, record, secret = NO_SECRETS }: DraftFormOptions<Values>,
) {
  const userId = use(MeContext)?.id ?? null;
  const store = useDraftStore(userId ?? '');
  const [baseline, setBaseline] = useState(initial);
  const { values, setField, setValues } = useFormValues(baseline);
  const [restoredAt, setRestoredAt] = useState<Date | null>(null);
  const [loaded, setLoaded] = useState(false);
  const place = useMemo<DraftPlace | null>(() => (userId ? { userId, form, record } : null), [userId, form, record]);

  const dirty = !sameValues(values, baseline);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The draft is read once per place; input typed before it arrives is newer and wins.
  useEffect(() => {
    if (!store || !place) return;
    let live = true;
    void store.load<Values>(place).then((draft) => {
      if (!live) return;
      if (draft && sameValues(valuesRef.current, baseline)) {
        setValues({ ...baseline, ...withoutSecrets(draft.value, secret) });
        setRestoredAt(draft.savedAt);
      }
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [store, place, baseline, setValues, secret]);

  useEffect(() => {
    if (!store || !place || !loaded) return;
    timer.current = setTimeout(() => {
      const kept = withoutSecrets(values, secret);
      if (sameValues(kept, withoutSecrets(baseline, secret))) store.remove(place);
      else void store.save(place, kept);
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [store, place, loaded, values, baseline, secret]);

  const forget = useCallback(() => {
    clearTimeout(timer.current);
    dirtyRef.current = false;
    setRestoredAt(null);
    if (store && place) store.remove(place);
  }, [store, place]);

  /**
   * The form was saved: what is on screen is now the record, nothing to keep or guard. A form that
   * starts over after saving (add another entry) passes the values it starts over with.
   */
  const clear = useCallback(
    (next?: Values) => {
      forget();
      setBaseline(next ?? valuesRef.current);
      if (next) setValues(next);
    },
    [forget, setValues],
  );

  /** A save's onSuccess that clears the draft first: `{ onSuccess: draft.clearing(onDone) }`. */
  const clearing = useCallback(
    <Args extends unknown[]>(then: (...args: Args) => void) =>
      (...args: Args) => {
        clear();
        then(...args);
      },
    [clear],
  );

  /** Back to the form as it was opened, and no draft left. */
  const discard = useCallback(() => {
    forget();
    setValues(baseline);
  }, [forget, setValues, baseline]);

  const host = useFormGuardHost();
  useEffect(() => {
    host?.register({ isDirty: () => dirtyRef.current, discard });
    return () => host?.register(null);
  }, [host, discard]);

  // A dialog asks before closing itself; this guard covers navigation and the tab.
  const leave = useLeaveGuard(() => dirtyRef.current);

  return { values, setField, setValues, draft: { restoredAt, dirty, clear, clearing, discard, leave } };
}
