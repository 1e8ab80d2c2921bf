import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { RepatriationSummary } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { ActionLabel } from '../../components/ActionLabel';
import { FormattedDate } from '../../components/FormattedDate';
import { RouterButton } from '../../components/RouterLinks';
import { useCountryName } from '../countries/useCountries';
import { RepatriationStatusBadge } from './RepatriationStatusBadge';

/** Repatriations in a list, each opening its own page; the sending country's case reference names them on both sides. */
export function RepatriationsTable({ items, showSide }: { items: RepatriationSummary[]; showSide: boolean }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('repatriation.list.columns.reference')}</Table.Th>
            <Table.Th>{t('repatriation.list.columns.partner')}</Table.Th>
            {showSide && <Table.Th>{t('repatriation.list.columns.side')}</Table.Th>}
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th>{t('repatriation.list.columns.requestedAt')}</Table.Th>
            <Table.Th>{t('repatriation.list.columns.updatedAt')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Text size="sm" fw={700} ff="monospace">
                  {item.sendingCaseReference}
                </Text>
              </Table.Td>
              <Table.Td>
                {item.partner.name}
                <Text size="xs" c="dimmed">
                  {countryName(item.partner.country)}
                </Text>
              </Table.Td>
              {showSide && <Table.Td>{t(`repatriation.side.${item.side}`)}</Table.Td>}
              <Table.Td>
                <RepatriationStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                <FormattedDate value={item.requestedAt} />
              </Table.Td>
              <Table.Td>
                <FormattedDate value={item.updatedAt} withTime />
              </Table.Td>
              <Table.Td>
                <RouterButton size="compact-sm" variant="subtle" to="/repatriations/$repatriationId" params={{ repatriationId: item.id }}>
                  <ActionLabel
                    label={t('repatriation.list.open')}
                    subject={t('repatriation.list.subject', { reference: item.sendingCaseReference })}
                  />
                </RouterButton>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
