import {
  htcdsImportQuerySchema,
  htcdsImportRecordSchema,
  htcdsImportRecordsQuerySchema,
  htcdsImportReportSchema,
  htcdsKeptValuesSchema,
  pageOf,
} from '@seamless/contracts';
import { z } from 'zod';

const tags = ['imports'];
const importIdParams = z.object({ id: z.string().uuid() }).strict();

/** The multipart body (field `file`) is read as a stream, so only the query has a schema. */
export const importCreateSchema = {
  tags,
  querystring: htcdsImportQuerySchema,
  response: { 200: htcdsImportReportSchema, 202: htcdsImportReportSchema },
};
export const importConfirmSchema = {
  tags,
  params: importIdParams,
  response: { 200: htcdsImportReportSchema, 202: htcdsImportReportSchema },
};
export const importReadSchema = { tags, params: importIdParams, response: { 200: htcdsImportReportSchema } };
export const importListSchema = { tags, response: { 200: z.object({ items: z.array(htcdsImportReportSchema) }) } };
export const importRecordsSchema = {
  tags,
  params: importIdParams,
  querystring: htcdsImportRecordsQuerySchema,
  response: { 200: pageOf(htcdsImportRecordSchema) },
};

export const keptValuesReadSchema = {
  tags,
  params: importIdParams,
  response: { 200: htcdsKeptValuesSchema },
};
