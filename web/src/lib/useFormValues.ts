import { useCallback, useState } from 'react';

/** Controlled form values with a typed per-field setter. */
export function useFormValues<Values extends object>(initial: Values | (() => Values)) {
  const [values, setValues] = useState(initial);
  const setField = useCallback(<Key extends keyof Values>(key: Key, value: Values[Key]) => {
    setValues((current) => ({ ...current, [key]: value }));
  }, []);
  return { values, setField, setValues };
}
