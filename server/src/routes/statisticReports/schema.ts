import {
  reportApprovalSchema,
  reportReleaseSchema,
  reportRequestSchema,
  SUPPORTED_LOCALES,
  statisticReportSchema,
  statisticReportSummarySchema,
} from '@seamless/contracts';
import { z } from 'zod';

const tags = ['statistics'];
const params = z.object({ id: z.string().uuid() }).strict();

export const reportListRouteSchema = { tags, response: { 200: z.object({ items: z.array(statisticReportSummarySchema) }) } };
export const reportGenerateRouteSchema = { tags, body: reportRequestSchema, response: { 201: statisticReportSchema } };
export const reportRouteSchema = { tags, params, response: { 200: statisticReportSchema } };
export const reportApproveRouteSchema = { tags, params, body: reportApprovalSchema, response: { 200: statisticReportSchema } };
export const reportReleaseRouteSchema = { tags, params, body: reportReleaseSchema, response: { 200: statisticReportSchema } };
/** The report as a file: a PDF to print and sign, or a workbook to chart; in its own language unless another is asked for. */
export const reportFileRouteSchema = {
  tags,
  params,
  querystring: z.object({ format: z.enum(['pdf', 'xlsx']), locale: z.enum(SUPPORTED_LOCALES).optional() }).strict(),
};
