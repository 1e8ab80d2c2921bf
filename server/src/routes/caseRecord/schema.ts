import {
  attachmentSchema,
  caseCommentInputSchema,
  caseCommentSchema,
  caseTimelineEntrySchema,
  pageOf,
  pageQuerySchema,
  perpetratorInputSchema,
  perpetratorSchema,
  RECORD_SECTIONS,
  traffickingEventInputSchema,
  traffickingEventSchema,
} from '@seamless/contracts';
import { z } from 'zod';
import { caseIdParams } from '../cases/schema.js';

const tags = ['cases'];
const pageQuery = pageQuerySchema.pick({ page: true, pageSize: true }).strict();
const itemsOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
const uuid = z.string().uuid();

export const eventListSchema = { tags, params: caseIdParams, response: { 200: itemsOf(traffickingEventSchema) } };
export const eventCreateSchema = {
  tags,
  params: caseIdParams,
  body: traffickingEventInputSchema,
  response: { 201: traffickingEventSchema },
};
export const eventDeleteSchema = { tags, params: z.object({ id: uuid, eventId: uuid }).strict() };

export const perpetratorListSchema = { tags, params: caseIdParams, response: { 200: itemsOf(perpetratorSchema) } };
export const perpetratorCreateSchema = { tags, params: caseIdParams, body: perpetratorInputSchema, response: { 201: perpetratorSchema } };
export const perpetratorDeleteSchema = { tags, params: z.object({ id: uuid, perpetratorId: uuid }).strict() };

export const commentListSchema = { tags, params: caseIdParams, querystring: pageQuery, response: { 200: pageOf(caseCommentSchema) } };
export const commentCreateSchema = { tags, params: caseIdParams, body: caseCommentInputSchema, response: { 201: caseCommentSchema } };

export const attachmentListSchema = { tags, params: caseIdParams, response: { 200: itemsOf(attachmentSchema) } };
/** The multipart body (field `file` plus `section`) is read as a stream, so only its text fields have a schema. */
export const attachmentUploadSchema = {
  tags,
  params: caseIdParams,
  consumes: ['multipart/form-data'],
  response: { 201: attachmentSchema },
};
export const attachmentFieldsSchema = z.object({ section: z.enum(RECORD_SECTIONS).default('general') }).strict();
export const attachmentDownloadSchema = { tags, params: z.object({ id: uuid, attachmentId: uuid }).strict() };

export const timelineSchema = { tags, params: caseIdParams, querystring: pageQuery, response: { 200: pageOf(caseTimelineEntrySchema) } };
