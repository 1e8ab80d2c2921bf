import { z } from 'zod';

/**
 * The body of a request that carries nothing: none at all (the check is handed null) or an empty
 * object. Anything else is refused, naming the field.
 */
export const noRequestBody = z.object({}).strict().nullish();
