import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseRecordKeys } from '../caseRecord/queries';
import {
  type AdmissionBody,
  type DischargeBody,
  type FacilityBody,
  type FacilityUpdateBody,
  sheltersApi,
  type TransferBody,
  type UnitBody,
  type UnitUpdateBody,
} from './api';

const SHELTERS_KEY = ['shelters'] as const;

export const useShelters = () => useQuery({ queryKey: [...SHELTERS_KEY, 'list'], queryFn: sheltersApi.list });
export const useShelterResidents = (enabled: boolean) =>
  useQuery({ queryKey: [...SHELTERS_KEY, 'residents'], queryFn: sheltersApi.residents, enabled });
export const useShelter = (shelterId: string) =>
  useQuery({ queryKey: [...SHELTERS_KEY, 'detail', shelterId], queryFn: () => sheltersApi.get(shelterId) });

export function useCaseShelter(caseId: string) {
  return useQuery({ queryKey: caseRecordKeys.part(caseId, 'shelter'), queryFn: () => sheltersApi.caseShelter(caseId) });
}

/** A placement changes the case (tasks, timeline) and the beds counted, so both are read again. */
function usePlacementMutation<Variables>(mutationFn: (variables: Variables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseRecordKeys.all }),
        queryClient.invalidateQueries({ queryKey: SHELTERS_KEY }),
      ]),
  });
}

export const useAdmit = (caseId: string) => usePlacementMutation((body: AdmissionBody) => sheltersApi.admit(caseId, body));
export const useTransfer = (caseId: string) => usePlacementMutation((body: TransferBody) => sheltersApi.transfer(caseId, body));
export const useDischarge = (caseId: string) => usePlacementMutation((body: DischargeBody) => sheltersApi.discharge(caseId, body));

export type UnitSave = { unitId: null; body: UnitBody } | { unitId: string; body: UnitUpdateBody };

/** Adds a unit, or saves one she edited: either changes the beds every board counts. */
export function useSaveUnit(shelterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: UnitSave) =>
      save.unitId === null ? sheltersApi.addUnit(shelterId, save.body) : sheltersApi.updateUnit(shelterId, save.unitId, save.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SHELTERS_KEY }),
  });
}

export type FacilitySave = { id: null; body: FacilityBody } | { id: string; body: FacilityUpdateBody };

export function useSaveFacility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: FacilitySave) => (save.id === null ? sheltersApi.create(save.body) : sheltersApi.update(save.id, save.body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SHELTERS_KEY }),
  });
}
