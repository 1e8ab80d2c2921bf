import { Button } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/MeContext';
import { MutationProblem } from './common/MutationProblem';
import { useCaseDetail, useUpdateCase } from './queries';

/** Whether this user may make an unassigned case her own. */
export function canTakeCase(detail: CaseDetail): boolean {
  return detail.abilities.update && detail.ownerUserId === null;
}

/** Makes an unassigned case the user's own; a failed take (someone took it first) is said beside the button. */
export function TakeCaseButton({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const refetch = useCaseDetail(detail.id).refetch;
  const update = useUpdateCase(detail.id);
  if (!canTakeCase(detail)) return null;
  return (
    <>
      <Button onClick={() => update.mutate({ version: detail.version, ownerUserId: me.id })} loading={update.isPending}>
        {t('caseRecord.header.take')}
      </Button>
      <MutationProblem mutation={update} onReload={() => refetch()} />
    </>
  );
}
