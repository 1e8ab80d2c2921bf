/*
 * A spreadsheet program opening a CSV runs any cell starting with = + - @ (or a tab or carriage
 * return before one) as a formula, so a crafted name could reach the spreadsheet of whoever
 * opens an export. The writer puts a single quote in front of such text; the reader takes it
 * away again. Text already starting with quotes before one of these characters gets one more,
 * so every value comes back exactly as it was written.
 */
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export const guardFormula = (text: string): string => (NEEDS_GUARD.test(text) ? `'${text}` : text);

export const unguardFormula = (text: string): string => (GUARDED.test(text) ? text.slice(1) : text);
