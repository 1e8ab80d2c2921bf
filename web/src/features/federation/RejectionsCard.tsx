import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { QueryState } from '../../components/QueryState';
import { useCountryName } from '../countries/useCountries';
import { useRejections } from './queries';

/** Packets turned away before anything in them was applied: the trail an administrator checks after an alert. */
export function RejectionsCard() {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const rejections = useRejections();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        {t('federation.rejections.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('federation.rejections.hint')}
      </Text>
      <QueryState query={rejections}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('federation.rejections.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('federation.rejections.columns.receivedAt')}</Table.Th>
                    <Table.Th>{t('federation.rejections.columns.reason')}</Table.Th>
                    <Table.Th>{t('federation.rejections.columns.partner')}</Table.Th>
                    <Table.Th>{t('federation.rejections.columns.packet')}</Table.Th>
                    <Table.Th>{t('federation.rejections.columns.via')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((rejection) => (
                    <Table.Tr key={rejection.id}>
                      <Table.Td>
                        <FormattedDate value={rejection.receivedAt} withTime />
                      </Table.Td>
                      <Table.Td>{t(`federation.rejection.${rejection.reason}`)}</Table.Td>
                      <Table.Td>
                        {rejection.partner ? (
                          <>
                            {rejection.partner.name}
                            <Text size="xs" c="dimmed">
                              {countryName(rejection.partner.country)}
                            </Text>
                          </>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('federation.rejections.unknownSender')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                          {rejection.packetId}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`federation.via.${rejection.via}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Card>
  );
}
