import type { FigureCellCase, FigureTable, Page, StatisticDefinitions } from '@seamless/contracts';
import { api } from '../../api/client';
import type { CellCasesRequest, FigureRequest } from './statisticsSearch';

export const statisticsApi = {
  definitions: () => api.get<StatisticDefinitions>('/api/statistics/definitions'),
  figures: (request: FigureRequest) => api.get<FigureTable>('/api/statistics/figures', { query: { ...request } }),
  cellCases: (request: CellCasesRequest) => api.get<Page<FigureCellCase>>('/api/statistics/figures/cases', { query: { ...request } }),
};
