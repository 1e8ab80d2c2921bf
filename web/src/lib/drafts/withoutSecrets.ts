/** The part of a form's values that may be kept on the device: everything but the named secrets. */
export function withoutSecrets<Values extends object>(values: Values, secret: readonly (keyof Values)[]): Partial<Values> {
  if (secret.length === 0) return values;
  const kept: Partial<Values> = { ...values };
  for (const key of secret) delete kept[key];
  return kept;
}
