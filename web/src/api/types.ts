import type { z } from 'zod';

/** What a request body looks like before the server's schema applies its defaults and trimming. */
export type RequestBody<Schema extends z.ZodType> = z.input<Schema>;

/** What the server answers for a contract schema that has no exported type of its own. */
export type ResponseBody<Schema extends z.ZodType> = z.output<Schema>;
