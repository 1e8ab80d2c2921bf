/** Narrows an untyped value (a URL parameter, a select's string) to one of a fixed vocabulary. */
export function oneOf<const Options extends readonly string[]>(value: unknown, options: Options): Options[number] | undefined {
  return typeof value === 'string' && options.includes(value) ? value : undefined;
}
