import {
  DIRECTORY_EXPORT_FORMATS,
  directoryContactInputSchema,
  directoryContactSchema,
  directoryContactUpdateSchema,
  directoryOrganisationInputSchema,
  directoryOrganisationPageSchema,
  directoryOrganisationSchema,
  directoryOrganisationUpdateSchema,
  directorySearchSchema,
  directoryServiceInputSchema,
  directoryServiceSchema,
  directoryServiceUpdateSchema,
  SUPPORTED_LOCALES,
  unverifiedContactSchema,
} from '@seamless/contracts';
import { z } from 'zod';

const tags = ['directory'];
const organisationParams = z.object({ id: z.string().uuid() }).strict();
const serviceParams = z.object({ id: z.string().uuid(), serviceId: z.string().uuid() }).strict();
const contactParams = z.object({ id: z.string().uuid(), contactId: z.string().uuid() }).strict();

export const directorySearchRouteSchema = { tags, querystring: directorySearchSchema, response: { 200: directoryOrganisationPageSchema } };
export const organisationReadRouteSchema = { tags, params: organisationParams, response: { 200: directoryOrganisationSchema } };
export const organisationCreateRouteSchema = {
  tags,
  body: directoryOrganisationInputSchema,
  response: { 201: directoryOrganisationSchema },
};
export const organisationUpdateRouteSchema = {
  tags,
  params: organisationParams,
  body: directoryOrganisationUpdateSchema,
  response: { 200: directoryOrganisationSchema },
};
export const serviceCreateRouteSchema = {
  tags,
  params: organisationParams,
  body: directoryServiceInputSchema,
  response: { 201: directoryServiceSchema },
};
export const serviceUpdateRouteSchema = {
  tags,
  params: serviceParams,
  body: directoryServiceUpdateSchema,
  response: { 200: directoryServiceSchema },
};
export const contactCreateRouteSchema = {
  tags,
  params: organisationParams,
  body: directoryContactInputSchema,
  response: { 201: directoryContactSchema },
};
export const contactUpdateRouteSchema = {
  tags,
  params: contactParams,
  body: directoryContactUpdateSchema,
  response: { 200: directoryContactSchema },
};
export const contactDeleteRouteSchema = { tags, params: contactParams };
export const contactVerifyRouteSchema = { tags, params: contactParams, response: { 200: directoryContactSchema } };
export const unverifiedContactsRouteSchema = { tags, response: { 200: z.object({ items: z.array(unverifiedContactSchema) }) } };
export const directoryExportRouteSchema = {
  tags,
  querystring: directorySearchSchema
    .omit({ page: true, pageSize: true })
    .extend({ format: z.enum(DIRECTORY_EXPORT_FORMATS), locale: z.enum(SUPPORTED_LOCALES).optional() }),
};
