import type { FieldError } from '@seamless/contracts';
import { TOTAL_INPUT } from './reportedFigures';

/** The choices above the numbers, each shown with its own message. */
export type ChoiceField = 'sourceAgencyId' | 'statistic' | 'period' | 'by' | 'source' | 'file';

/** Where a problem shows: a choice, an input (by its id), all the numbers (`cells`), or the form as a whole. */
export type ErrorPlace = ChoiceField | 'cells' | 'form' | string;

/** Why, in words this app holds in every language; `null` leaves the wording to the code or the server. */
export type ErrorReason = 'agency' | 'period' | 'by' | 'source' | 'noNumbers' | 'cellKeys' | 'unknownValue' | 'count';

/** The error as the server or the form's check gave it (with its limit, if any), and where the form shows it. */
export interface PlacedError extends FieldError {
  place: ErrorPlace;
  reason: ErrorReason | null;
}

/** The server names a body's fields as `body.cells.2.keys` and an address's as `query.from`; the form has one set of fields. */
const segmentsOf = (path: string) =>
  path
    .replace(/^(body|query)(\.|$)/, '')
    .split('.')
    .filter(Boolean);

function place(error: FieldError, inputs: readonly string[]): Pick<PlacedError, 'place' | 'reason'> {
  const [field, index, part] = segmentsOf(error.path);
  switch (field) {
    case 'sourceAgencyId':
      return { place: 'sourceAgencyId', reason: 'agency' };
    case 'statistic':
      return { place: 'statistic', reason: null };
    case 'from':
    case 'to':
      return { place: 'period', reason: 'period' };
    case 'by':
      return { place: 'by', reason: 'by' };
    case 'source':
      return { place: 'source', reason: error.code === 'too_small' || error.code === 'invalid_type' ? 'source' : null };
    case 'file':
      return { place: 'file', reason: null };
    case TOTAL_INPUT:
      return { place: TOTAL_INPUT, reason: 'count' };
    case 'cells': {
      if (index === undefined) return { place: 'cells', reason: error.code === 'custom' ? 'noNumbers' : null };
      const input = inputs[Number(index)] ?? 'cells';
      if (part !== 'keys') return { place: input, reason: 'count' };
      // The schema's issues are about the line's shape; the server's own check is that each value is one the figures know.
      return { place: input, reason: error.code === 'validation_failed' ? 'unknownValue' : 'cellKeys' };
    }
    default:
      return { place: 'form', reason: null };
  }
}

/**
 * Each problem of the form's check or the server's answer beside the field it is about: the
 * n-th cell's problem beside the input the n-th cell came from. The first problem of a place wins.
 */
export function placeErrors(errors: readonly FieldError[], inputs: readonly string[]): Map<ErrorPlace, PlacedError> {
  const placed = new Map<ErrorPlace, PlacedError>();
  for (const error of errors) {
    const where = place(error, inputs);
    if (!placed.has(where.place)) placed.set(where.place, { ...error, ...where });
  }
  return placed;
}
