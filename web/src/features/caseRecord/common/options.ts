/**
 * Select options for a long vocabulary (languages, industries, roles), labelled in the reader's
 * language and sorted as that language sorts, so a value is found where the reader looks for it.
 */
export function sortedOptions<Value extends string>(values: readonly Value[], label: (value: Value) => string, locale: string) {
  const collator = new Intl.Collator(locale);
  return values.map((value) => ({ value, label: label(value) })).sort((a, b) => collator.compare(a.label, b.label));
}

/** Today as `YYYY-MM-DD` in the user's own time zone (a date field's value, not a UTC instant). */
export function todayIso(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());
