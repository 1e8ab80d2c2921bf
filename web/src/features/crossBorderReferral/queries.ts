import type { CrossBorderReferralInput, CrossBorderReferralStatus, RepatriationSide } from '@seamless/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isConflict } from '../caseRecord/problems';
import { caseRecordKeys } from '../caseRecord/queries';
import { type CrossBorderReferralStep, crossBorderReferralApi } from './api';

const REFERRALS_KEY = ['cross-border-referrals'] as const;

const referralKeys = {
  list: (side: RepatriationSide | null, status: CrossBorderReferralStatus | null) => [...REFERRALS_KEY, 'list', side, status] as const,
  detail: (id: string) => [...REFERRALS_KEY, 'detail', id] as const,
};

export function useCrossBorderReferrals(side: RepatriationSide | null, status: CrossBorderReferralStatus | null) {
  return useQuery({ queryKey: referralKeys.list(side, status), queryFn: () => crossBorderReferralApi.list(side, status) });
}

export function useCrossBorderReferral(id: string) {
  return useQuery({ queryKey: referralKeys.detail(id), queryFn: () => crossBorderReferralApi.detail(id) });
}

export function useCaseCrossBorderReferrals(caseId: string) {
  return useQuery({
    queryKey: caseRecordKeys.part(caseId, 'cross-border-referrals'),
    queryFn: () => crossBorderReferralApi.ofCase(caseId),
  });
}

/** A referral or a step changes the referral, its lists, the case's timeline and the notices: all are read again. */
function useCrossBorderReferralMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // A step refused as out of order means the page is behind: read the referral again.
    onError: (error) => (isConflict(error) ? queryClient.invalidateQueries({ queryKey: REFERRALS_KEY }) : undefined),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: REFERRALS_KEY }),
        queryClient.invalidateQueries({ queryKey: caseRecordKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
  });
}

export const useReferAcrossBorder = (caseId: string) =>
  useCrossBorderReferralMutation((body: CrossBorderReferralInput) => crossBorderReferralApi.refer(caseId, body));

export const useCrossBorderReferralStep = (id: string) =>
  useCrossBorderReferralMutation((step: CrossBorderReferralStep) => crossBorderReferralApi.step(id, step));
