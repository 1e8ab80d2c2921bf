import { Table } from '@mantine/core';
import type { CaseSummary } from '@seamless/contracts';
import { RouterAnchor } from '../../components/RouterLinks';
import { CaseFlags } from './CaseBadges';

/** A case in a list: its reference, opening the case, and the flags that ask for attention. */
export function CaseReferenceCell({ summary }: { summary: CaseSummary }) {
  return (
    <Table.Td style={{ whiteSpace: 'nowrap' }}>
      <RouterAnchor to="/cases/$caseId" params={{ caseId: summary.id }} fw={700} size="sm">
        {summary.reference}
      </RouterAnchor>
      <CaseFlags summary={summary} />
    </Table.Td>
  );
}
