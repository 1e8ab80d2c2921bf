import {
  agencyCreateSchema,
  agencySchema,
  agencyUpdateSchema,
  auditEventSchema,
  auditQuerySchema,
  auditVerifySchema,
  countrySchema,
  PERMISSIONS,
  pageOf,
  pageQuerySchema,
  roleCreateSchema,
  roleSchema,
  roleUpdateSchema,
  userCreateSchema,
  userGroupCreateSchema,
  userGroupSchema,
  userGroupUpdateSchema,
  userSchema,
  userUpdateSchema,
} from '@seamless/contracts';
import { z } from 'zod';

export const idParams = z.object({ id: z.string().uuid() }).strict();

export const countriesSchema = { tags: ['directory'], response: { 200: z.object({ items: z.array(countrySchema) }) } };

export const agencyListSchema = {
  tags: ['admin'],
  querystring: pageQuerySchema
    .extend({
      countryCode: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .optional(),
    })
    .strict(),
  response: { 200: pageOf(agencySchema) },
};
export const agencyGetSchema = { tags: ['admin'], params: idParams, response: { 200: agencySchema } };
export const agencyCreateRouteSchema = { tags: ['admin'], body: agencyCreateSchema, response: { 201: agencySchema } };
export const agencyUpdateRouteSchema = { tags: ['admin'], params: idParams, body: agencyUpdateSchema, response: { 200: agencySchema } };

export const userListSchema = {
  tags: ['admin'],
  querystring: pageQuerySchema
    .extend({
      agencyId: z.string().uuid().optional(),
      /** Only accounts whose holder asked for a new password. */
      resetRequested: z
        .enum(['true'])
        .transform(() => true)
        .optional(),
    })
    .strict(),
  response: { 200: pageOf(userSchema) },
};
export const userGetSchema = { tags: ['admin'], params: idParams, response: { 200: userSchema } };
export const userCreateRouteSchema = { tags: ['admin'], body: userCreateSchema, response: { 201: userSchema } };
export const userUpdateRouteSchema = { tags: ['admin'], params: idParams, body: userUpdateSchema, response: { 200: userSchema } };

export const roleListSchema = { tags: ['admin'], response: { 200: z.object({ items: z.array(roleSchema) }) } };
export const permissionListSchema = { tags: ['admin'], response: { 200: z.object({ items: z.array(z.enum(PERMISSIONS)) }) } };
export const roleCreateRouteSchema = { tags: ['admin'], body: roleCreateSchema, response: { 201: roleSchema } };
export const roleUpdateRouteSchema = { tags: ['admin'], params: idParams, body: roleUpdateSchema, response: { 200: roleSchema } };

export const groupListSchema = {
  tags: ['admin'],
  querystring: z.object({ agencyId: z.string().uuid().optional() }).strict(),
  response: { 200: z.object({ items: z.array(userGroupSchema) }) },
};
export const groupCreateRouteSchema = { tags: ['admin'], body: userGroupCreateSchema, response: { 201: userGroupSchema } };
export const groupUpdateRouteSchema = {
  tags: ['admin'],
  params: idParams,
  body: userGroupUpdateSchema,
  response: { 200: userGroupSchema },
};

export const auditListSchema = { tags: ['audit'], querystring: auditQuerySchema.strict(), response: { 200: pageOf(auditEventSchema) } };
export const auditVerifyRouteSchema = { tags: ['audit'], response: { 200: auditVerifySchema } };
