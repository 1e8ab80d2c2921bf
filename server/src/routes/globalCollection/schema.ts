import { globalCollectionQuerySchema } from '@seamless/contracts';

/** The file streams out as CSV or XLSX, so only the query has a schema. */
export const globalCollectionExportSchema = { tags: ['statistics'], querystring: globalCollectionQuerySchema };
