import { helpContactSchema, passwordResetRequestSchema } from '@seamless/contracts';

const tags = ['help'];

export const helpContactRouteSchema = { tags, response: { 200: helpContactSchema } };
export const passwordResetRequestRouteSchema = { tags, body: passwordResetRequestSchema };
