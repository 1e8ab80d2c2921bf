import type { ReferralBox, ReferralStatus, ServiceArea } from '@seamless/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseRecordKeys } from '../caseRecord/queries';
import { type ExternalReferralBody, type ReferralBody, referralsApi, type TransferBody } from './api';

const INBOX_KEY = ['referrals'] as const;

export function useCaseReferrals(caseId: string) {
  return useQuery({ queryKey: caseRecordKeys.part(caseId, 'referrals'), queryFn: () => referralsApi.ofCase(caseId) });
}

export function useReferralInbox(box: ReferralBox, status: ReferralStatus | null, page: number, pageSize = 25) {
  return useQuery({
    queryKey: [...INBOX_KEY, box, status, page, pageSize],
    queryFn: () => referralsApi.inbox(box, status, page, pageSize),
    placeholderData: keepPreviousData,
  });
}

export function useDirectoryServices(serviceArea: ServiceArea | null) {
  return useQuery({
    queryKey: ['directory', 'organisations', 'byArea', serviceArea],
    queryFn: () => referralsApi.directory(serviceArea!),
    enabled: !!serviceArea,
    retry: false,
    staleTime: 5 * 60 * 1000,
  });
}

/** A referral changes the case (timeline, access, owner), the inbox and the notices: all read again. */
function useReferralMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseRecordKeys.all }),
        queryClient.invalidateQueries({ queryKey: INBOX_KEY }),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
  });
}

export const useSendReferral = (caseId: string) => useReferralMutation((body: ReferralBody) => referralsApi.send(caseId, body));
export const useOfferTransfer = (caseId: string) => useReferralMutation((body: TransferBody) => referralsApi.transfer(caseId, body));
export const useRecordExternalReferral = (caseId: string) =>
  useReferralMutation((body: ExternalReferralBody) => referralsApi.recordExternal(caseId, body));

export type ReferralStep =
  | { action: 'accept' | 'withdraw'; referralId: string }
  | { action: 'decline'; referralId: string; reason: string }
  | { action: 'complete'; referralId: string; outcome: string | null }
  | { action: 'close'; referralId: string; outcome: string };

export const useReferralStep = () =>
  useReferralMutation((step: ReferralStep) => {
    switch (step.action) {
      case 'accept':
        return referralsApi.accept(step.referralId);
      case 'withdraw':
        return referralsApi.withdraw(step.referralId);
      case 'decline':
        return referralsApi.decline(step.referralId, step.reason);
      case 'complete':
        return referralsApi.complete(step.referralId, step.outcome);
      case 'close':
        return referralsApi.close(step.referralId, step.outcome);
    }
  });
