import { figureQuerySchema, figureTableSchema, statisticDefinitionsSchema } from '@seamless/contracts';

export const statisticDefinitionsRouteSchema = {
  tags: ['statistics'],
  response: { 200: statisticDefinitionsSchema },
};

export const figureRouteSchema = {
  tags: ['statistics'],
  querystring: figureQuerySchema,
  response: { 200: figureTableSchema },
};
