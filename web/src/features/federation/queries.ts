import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type DeliveryQuery, federationApi, type PartnerRegistrationBody, type PartnerStatusBody } from './api';

const FEDERATION_KEY = ['federation', 'admin'] as const;

export function useFederationOverview() {
  return useQuery({ queryKey: [...FEDERATION_KEY, 'overview'], queryFn: federationApi.overview });
}

/** The previous page stays on screen while the next filter loads, so the monitor does not flash empty. */
export function useDeliveries(query: DeliveryQuery) {
  return useQuery({
    queryKey: [...FEDERATION_KEY, 'deliveries', query],
    queryFn: () => federationApi.deliveries(query),
    placeholderData: keepPreviousData,
  });
}

export function useRejections() {
  return useQuery({ queryKey: [...FEDERATION_KEY, 'rejections'], queryFn: federationApi.rejections });
}

/**
 * Any change to trust or to a packet moves the partners' counts and the monitor: both are read
 * again, after a refusal too (a packet settled meanwhile, a partner registered by a colleague).
 */
function useFederationMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: FEDERATION_KEY }) });
}

export const useRegisterPartner = () => useFederationMutation((body: PartnerRegistrationBody) => federationApi.register(body));
export const useChangePartnerStatus = () =>
  useFederationMutation(({ partnerId, body }: { partnerId: string; body: PartnerStatusBody }) =>
    federationApi.changeStatus(partnerId, body),
  );
export const useRotateKeys = () => useFederationMutation(() => federationApi.rotateKeys());
export const useRetryDelivery = () => useFederationMutation((packetId: string) => federationApi.retry(packetId));
export const useImportFile = () => useFederationMutation((content: string) => federationApi.importFile(content));
export const useDownloadPacket = () => useMutation({ mutationFn: federationApi.downloadPacket });
