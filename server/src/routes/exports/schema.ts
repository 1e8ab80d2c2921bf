import { htcdsExportQuerySchema } from '@seamless/contracts';

/** The file streams out as CSV or XLSX, so only the query has a schema. */
export const htcdsExportSchema = { tags: ['exports'], querystring: htcdsExportQuerySchema };
