import type { FigureTable, StatisticDefinitions } from '@seamless/contracts';
import { api } from '../../api/client';
import type { FigureRequest } from './statisticsSearch';

export const statisticsApi = {
  definitions: () => api.get<StatisticDefinitions>('/api/statistics/definitions'),
  figures: (request: FigureRequest) => api.get<FigureTable>('/api/statistics/figures', { query: { ...request } }),
};
