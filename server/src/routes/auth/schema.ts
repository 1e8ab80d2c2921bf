import {
  loginRequestSchema,
  loginResponseSchema,
  meSchema,
  passwordChangeSchema,
  preferencesSchema,
  recoveryCodesSchema,
  secondFactorRequestSchema,
  sessionSchema,
  totpEnrolmentSchema,
} from '@seamless/contracts';
import { z } from 'zod';

export const loginSchema = { tags: ['auth'], body: loginRequestSchema, response: { 200: loginResponseSchema } };
export const secondFactorSchema = { tags: ['auth'], body: secondFactorRequestSchema, response: { 200: loginResponseSchema } };
export const meRouteSchema = { tags: ['auth'], response: { 200: meSchema } };
export const preferencesRouteSchema = { tags: ['auth'], body: preferencesSchema, response: { 200: meSchema } };
export const passwordRouteSchema = { tags: ['auth'], body: passwordChangeSchema };
export const sessionsRouteSchema = { tags: ['auth'], response: { 200: z.object({ items: z.array(sessionSchema) }) } };
export const sessionRevokeSchema = { tags: ['auth'], params: z.object({ id: z.string().uuid() }).strict() };
export const enrolSchema = { tags: ['auth'], response: { 200: totpEnrolmentSchema } };
export const confirmSchema = { tags: ['auth'], body: secondFactorRequestSchema, response: { 200: recoveryCodesSchema } };
export const disableSchema = { tags: ['auth'], body: secondFactorRequestSchema };
