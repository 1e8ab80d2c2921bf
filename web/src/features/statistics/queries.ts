import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { statisticsApi } from './api';
import type { CellCasesRequest, FigureRequest } from './statisticsSearch';

const STATISTICS_KEY = ['statistics'] as const;

/** Definitions change with a release, not during a visit. */
export const useStatisticDefinitions = () =>
  useQuery({ queryKey: [...STATISTICS_KEY, 'definitions'], queryFn: statisticsApi.definitions, staleTime: 60 * 60 * 1000 });

/** The previous figure stays on screen while the next choice loads, so the chart does not flash empty. */
export const useFigureTable = (request: FigureRequest, enabled = true) =>
  useQuery({
    queryKey: [...STATISTICS_KEY, 'figures', request],
    queryFn: () => statisticsApi.figures(request),
    placeholderData: keepPreviousData,
    enabled,
  });

/** The cases behind one cell, a page at a time; the page on screen stays while the next loads. */
export const useCellCases = (request: CellCasesRequest) =>
  useQuery({
    queryKey: [...STATISTICS_KEY, 'cellCases', request],
    queryFn: () => statisticsApi.cellCases(request),
    placeholderData: keepPreviousData,
  });
