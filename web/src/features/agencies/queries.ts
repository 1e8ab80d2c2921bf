import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type AgencyCreate, type AgencyListQuery, type AgencyUpdate, agencyApi } from './api';

export const AGENCY_PAGE_SIZE = 25;

/** The server's largest page: enough for every agency of an instance in one pick-list. */
const ALL_AGENCIES_PAGE_SIZE = 200;

const agencyKeys = {
  all: ['agencies'] as const,
  list: (query: AgencyListQuery) => [...agencyKeys.all, 'list', query] as const,
};

export function useAgencies(query: AgencyListQuery) {
  return useQuery({
    queryKey: agencyKeys.list(query),
    queryFn: () => agencyApi.list(query),
    placeholderData: keepPreviousData,
  });
}

/** Agencies as select options, sorted by name, for parent-agency and agency pickers. */
export function useAgencyOptions() {
  const { data } = useAgencies({ page: 1, pageSize: ALL_AGENCIES_PAGE_SIZE });
  return useMemo(
    () =>
      (data?.items ?? [])
        .map((agency) => ({ value: agency.id, label: agency.acronym ? `${agency.name} (${agency.acronym})` : agency.name }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [data],
  );
}

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AgencyCreate) => agencyApi.create(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agencyKeys.all }),
  });
}

export function useUpdateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AgencyUpdate }) => agencyApi.update(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agencyKeys.all }),
  });
}
