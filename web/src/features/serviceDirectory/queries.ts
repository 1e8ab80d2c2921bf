import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ContactCreate,
  type ContactUpdate,
  directoryApi,
  type OrganisationCreate,
  type OrganisationUpdate,
  type SearchQuery,
  type ServiceCreate,
  type ServiceUpdate,
} from './api';

export const DIRECTORY_PAGE_SIZE = 20;

const directoryKeys = {
  all: ['directory'] as const,
  search: (query: SearchQuery) => [...directoryKeys.all, 'search', query] as const,
  organisation: (id: string) => [...directoryKeys.all, 'organisation', id] as const,
};

export function useDirectorySearch(query: SearchQuery) {
  return useQuery({ queryKey: directoryKeys.search(query), queryFn: () => directoryApi.search(query), placeholderData: keepPreviousData });
}

export function useDirectoryOrganisation(id: string) {
  return useQuery({ queryKey: directoryKeys.organisation(id), queryFn: () => directoryApi.organisation(id) });
}

/** Every change refreshes the whole directory: lists, cards and detail show the same entry. */
function useDirectoryMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }) });
}

export const useCreateOrganisation = () => useDirectoryMutation((body: OrganisationCreate) => directoryApi.create(body));
export const useUpdateOrganisation = () =>
  useDirectoryMutation(({ id, body }: { id: string; body: OrganisationUpdate }) => directoryApi.update(id, body));
export const useAddService = () =>
  useDirectoryMutation(({ id, body }: { id: string; body: ServiceCreate }) => directoryApi.addService(id, body));
export const useUpdateService = () =>
  useDirectoryMutation(({ id, serviceId, body }: { id: string; serviceId: string; body: ServiceUpdate }) =>
    directoryApi.updateService(id, serviceId, body),
  );
export const useAddContact = () =>
  useDirectoryMutation(({ id, body }: { id: string; body: ContactCreate }) => directoryApi.addContact(id, body));
export const useUpdateContact = () =>
  useDirectoryMutation(({ id, contactId, body }: { id: string; contactId: string; body: ContactUpdate }) =>
    directoryApi.updateContact(id, contactId, body),
  );
export const useRemoveContact = () =>
  useDirectoryMutation(({ id, contactId }: { id: string; contactId: string }) => directoryApi.removeContact(id, contactId));
export const useVerifyContact = () =>
  useDirectoryMutation(({ id, contactId }: { id: string; contactId: string }) => directoryApi.verifyContact(id, contactId));
