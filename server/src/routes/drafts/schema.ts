import { draftKeySchema } from '@seamless/contracts';

export const draftKeyRouteSchema = { tags: ['auth'], response: { 200: draftKeySchema } };
