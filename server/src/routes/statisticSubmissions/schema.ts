import {
  reconciliationRecordsQuerySchema,
  reconciliationRecordsSchema,
  reconciliationSchema,
  statisticSubmissionListSchema,
  statisticSubmissionRequestSchema,
  statisticSubmissionSchema,
  statisticSubmissionTemplateQuerySchema,
  statisticSubmissionUploadQuerySchema,
} from '@seamless/contracts';
import { z } from 'zod';

const tags = ['statistics'];
const params = z.object({ id: z.string().uuid() }).strict();

export const submissionListRouteSchema = { tags, response: { 200: statisticSubmissionListSchema } };
export const submissionCreateRouteSchema = { tags, body: statisticSubmissionRequestSchema, response: { 201: statisticSubmissionSchema } };
/** The multipart body (field `file`) is read as a stream, so only the query has a schema. */
export const submissionUploadRouteSchema = {
  tags,
  querystring: statisticSubmissionUploadQuerySchema,
  response: { 201: statisticSubmissionSchema },
};
/** The workbook to fill in for one figure: its header and the combinations of its breakdowns. */
export const submissionTemplateRouteSchema = {
  tags,
  querystring: statisticSubmissionTemplateQuerySchema,
};
export const reconciliationRouteSchema = { tags, params, response: { 200: reconciliationSchema } };
export const reconciliationRecordsRouteSchema = {
  tags,
  params,
  querystring: reconciliationRecordsQuerySchema,
  response: { 200: reconciliationRecordsSchema },
};
