import { Stack } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { QueryState } from '../../../components/QueryState';
import { useConsents, useShares } from '../queries';
import { ConsentsCard } from './ConsentsCard';
import { SharesCard } from './SharesCard';

export function ConsentTab({ detail }: { detail: CaseDetail }) {
  const consents = useConsents(detail.id);
  const shares = useShares(detail.id, detail.abilities.share);
  return (
    <QueryState query={consents}>
      {({ items }) => (
        <Stack gap="lg">
          <ConsentsCard detail={detail} consents={items} />
          {detail.abilities.share && (
            <QueryState query={shares}>{(data) => <SharesCard detail={detail} consents={items} shares={data.items} />}</QueryState>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
