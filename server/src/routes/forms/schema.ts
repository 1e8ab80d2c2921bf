import {
  FORM_KINDS,
  formDefinitionSchema,
  localisedLabelsSchema,
  lookupListSchema,
  lookupValueSchema,
  snakeKey,
} from '@seamless/contracts';
import { z } from 'zod';

const countryCode = z.string().regex(/^[A-Z]{2}$/);
const formConfigurationSchema = z.object({
  id: z.string().uuid(),
  countryCode: z.string(),
  agencyId: z.string().uuid().nullable(),
  form: z.enum(FORM_KINDS),
  definition: formDefinitionSchema,
  version: z.number().int(),
  updatedAt: z.string(),
});
const storedLookupListSchema = lookupListSchema.and(
  z.object({ id: z.string().uuid(), countryCode: z.string(), version: z.number().int(), updatedAt: z.string() }),
);

export const activeFormSchema = {
  tags: ['forms'],
  params: z.object({ form: z.enum(FORM_KINDS) }).strict(),
  response: { 200: z.object({ definition: formDefinitionSchema.nullable(), lookups: z.array(lookupListSchema) }) },
};
export const formListSchema = {
  tags: ['admin'],
  querystring: z.object({ countryCode: countryCode.optional() }).strict(),
  response: { 200: z.object({ items: z.array(formConfigurationSchema) }) },
};
export const formPutSchema = {
  tags: ['admin'],
  params: z.object({ countryCode, form: z.enum(FORM_KINDS) }).strict(),
  body: z
    .object({ definition: formDefinitionSchema, agencyId: z.string().uuid().nullable().default(null), version: z.number().int().min(0) })
    .strict(),
  response: { 200: formConfigurationSchema },
};
export const lookupListsSchema = {
  tags: ['admin'],
  querystring: z.object({ countryCode: countryCode.optional() }).strict(),
  response: { 200: z.object({ items: z.array(storedLookupListSchema) }) },
};
export const lookupPutSchema = {
  tags: ['admin'],
  params: z
    .object({
      countryCode,
      listKey: snakeKey,
    })
    .strict(),
  body: z
    .object({ labels: localisedLabelsSchema, values: z.array(lookupValueSchema).min(1).max(5_000), version: z.number().int().min(0) })
    .strict(),
  response: { 200: storedLookupListSchema },
};
