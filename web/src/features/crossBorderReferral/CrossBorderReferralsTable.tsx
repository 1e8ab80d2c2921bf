import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { CrossBorderReferralSummary } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { ActionLabel } from '../../components/ActionLabel';
import { FormattedDate } from '../../components/FormattedDate';
import { RouterButton } from '../../components/RouterLinks';
import { useCountryName } from '../countries/useCountries';
import { CrossBorderReferralStatusBadge } from './CrossBorderReferralStatusBadge';

/** Referrals abroad in a list, each opening its own page; the sending country's case reference names them on both sides. */
export function CrossBorderReferralsTable({ items, showSide }: { items: CrossBorderReferralSummary[]; showSide: boolean }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('crossBorderReferral.list.columns.reference')}</Table.Th>
            <Table.Th>{t('crossBorderReferral.list.columns.partner')}</Table.Th>
            {showSide && <Table.Th>{t('crossBorderReferral.list.columns.side')}</Table.Th>}
            <Table.Th>{t('crossBorderReferral.list.columns.service')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th>{t('crossBorderReferral.list.columns.sentAt')}</Table.Th>
            <Table.Th>{t('crossBorderReferral.list.columns.updatedAt')}</Table.Th>
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
              {showSide && <Table.Td>{t(`crossBorderReferral.side.${item.side}`)}</Table.Td>}
              <Table.Td>
                {t(`serviceDirectory.areas.${item.serviceArea}`)}
                <Text size="xs" c={item.urgency === 'routine' ? 'dimmed' : 'red'}>
                  {t(`referrals.urgency.${item.urgency}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <CrossBorderReferralStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                <FormattedDate value={item.sentAt} />
              </Table.Td>
              <Table.Td>
                <FormattedDate value={item.updatedAt} withTime />
              </Table.Td>
              <Table.Td>
                <RouterButton size="compact-sm" variant="subtle" to="/cross-border-referrals/$referralId" params={{ referralId: item.id }}>
                  <ActionLabel
                    label={t('crossBorderReferral.list.open')}
                    subject={t('crossBorderReferral.list.subject', {
                      reference: item.sendingCaseReference,
                      service: t(`serviceDirectory.areas.${item.serviceArea}`),
                    })}
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
