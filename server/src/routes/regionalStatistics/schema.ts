import { regionalFileQuerySchema, regionalQuerySchema, regionalReportSchema, releaseSharingSchema } from '@seamless/contracts';
import { z } from 'zod';

const tags = ['statistics'];

export const regionalReportRouteSchema = { tags, querystring: regionalQuerySchema, response: { 200: regionalReportSchema } };
/** The regional report as a workbook to chart. */
export const regionalFileRouteSchema = { tags, querystring: regionalFileQuerySchema };
/** Where a released report stands with each partner it was sent to. */
export const releaseSharingRouteSchema = {
  tags,
  params: z.object({ id: z.string().uuid() }).strict(),
  response: { 200: releaseSharingSchema },
};
