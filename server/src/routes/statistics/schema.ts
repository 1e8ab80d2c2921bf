import {
  figureCellCaseSchema,
  figureCellCasesQuerySchema,
  figureQuerySchema,
  figureTableSchema,
  pageOf,
  statisticDefinitionsSchema,
} from '@seamless/contracts';

export const statisticDefinitionsRouteSchema = {
  tags: ['statistics'],
  response: { 200: statisticDefinitionsSchema },
};

export const figureRouteSchema = {
  tags: ['statistics'],
  querystring: figureQuerySchema,
  response: { 200: figureTableSchema },
};

export const figureCellCasesRouteSchema = {
  tags: ['statistics'],
  querystring: figureCellCasesQuerySchema,
  response: { 200: pageOf(figureCellCaseSchema) },
};
