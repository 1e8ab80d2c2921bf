import { Alert, Badge, Button, Card, Group, SegmentedControl, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { Delivery } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { FormattedNumber } from '../../components/FormattedNumber';
import { PagedTable } from '../../components/PagedTable';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { isConflict } from '../caseRecord/problems';
import { useCountryName } from '../countries/useCountries';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import { DELIVERY_DIRECTIONS, type DeliveryDirection, STATUSES_BY_DIRECTION } from './federationSearch';
import { deliveryStatusOf, isUndelivered, rejectionInError } from './federationView';
import { useDeliveries, useDownloadPacket, useRetryDelivery } from './queries';

const PAGE_SIZE = 25;

/** The outbox's last failure as recorded, with the partner's reason in words when its answer named one. */
function LastError({ lastError }: { lastError: string | null }) {
  const { t } = useTranslation();
  if (!lastError) return null;
  const reason = rejectionInError(lastError);
  return (
    <Stack gap={0} maw={260}>
      {reason && <Text size="sm">{t(`federation.rejection.${reason}`)}</Text>}
      <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {lastError}
      </Text>
    </Stack>
  );
}

interface DeliveriesCardProps {
  direction: DeliveryDirection;
  status: string | undefined;
  page: number;
  onFilter: (filter: { direction: DeliveryDirection; status: string | undefined; page: number }) => void;
}

/** The delivery monitor: each packet sent or received, where it stands, and a way out for those stuck. */
export function DeliveriesCard({ direction, status, page, onFilter }: DeliveriesCardProps) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const deliveries = useDeliveries({ direction, status, page, pageSize: PAGE_SIZE });
  const retry = useRetryDelivery();
  const download = useDownloadPacket();

  const row = (delivery: Delivery) => (
    <Table.Tr key={delivery.packetId}>
      <Table.Td>
        <FormattedDate value={delivery.createdAt} withTime />
      </Table.Td>
      <Table.Td>{t(`federation.packetKind.${delivery.kind}`)}</Table.Td>
      <Table.Td>
        {delivery.partner.name}
        <Text size="xs" c="dimmed">
          {countryName(delivery.partner.country)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace" title={delivery.threadId}>
          {delivery.threadId.slice(0, 8)}
        </Text>
      </Table.Td>
      <Table.Td>
        <FormattedNumber value={delivery.sequence} />
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <DeliveryStatusBadge status={delivery.status} />
          {delivery.via === 'file' && (
            <Badge variant="outline" color="gray">
              {t('federation.via.file')}
            </Badge>
          )}
        </Group>
        {delivery.settledAt && (
          <Text size="xs" c="dimmed">
            <FormattedDate value={delivery.settledAt} withTime />
          </Text>
        )}
      </Table.Td>
      <Table.Td>{direction === 'outgoing' ? delivery.attempts : null}</Table.Td>
      <Table.Td>{delivery.status === 'pending' && <FormattedDate value={delivery.nextAttemptAt} withTime />}</Table.Td>
      <Table.Td>
        <LastError lastError={delivery.lastError} />
      </Table.Td>
      <Table.Td>
        {isUndelivered(delivery) && (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-sm"
              variant="light"
              loading={retry.isPending && retry.variables === delivery.packetId}
              onClick={() => retry.mutate(delivery.packetId)}
            >
              {t('federation.deliveries.retry')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              loading={download.isPending && download.variables === delivery.packetId}
              onClick={() => download.mutate(delivery.packetId)}
            >
              {t('federation.deliveries.download')}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
        <Title order={2} size="h4">
          {t('federation.deliveries.title')}
        </Title>
        <Button variant="default" size="xs" loading={deliveries.isFetching} onClick={() => deliveries.refetch()}>
          {t('federation.deliveries.refresh')}
        </Button>
      </Group>
      <Stack>
        <Group wrap="wrap" align="flex-end">
          <SegmentedControl
            value={direction}
            onChange={(value) => onFilter({ direction: value === 'incoming' ? 'incoming' : 'outgoing', status: undefined, page: 1 })}
            data={DELIVERY_DIRECTIONS.map((value) => ({ value, label: t(`federation.direction.${value}`) }))}
          />
          <Select
            aria-label={t('common.status')}
            placeholder={t('federation.deliveries.allStatuses')}
            data={STATUSES_BY_DIRECTION[direction].map((value) => {
              const known = deliveryStatusOf(value);
              return { value, label: known ? t(`federation.deliveryStatus.${known}`) : value };
            })}
            value={status ?? null}
            onChange={(value) => onFilter({ direction, status: value ?? undefined, page: 1 })}
            clearable
            w={240}
          />
        </Group>
        {isConflict(retry.error) ? (
          <Alert color="orange" variant="light" role="alert">
            {t('federation.deliveries.alreadySettled')}
          </Alert>
        ) : (
          <ProblemAlert error={retry.error ?? download.error} />
        )}
        <QueryState query={deliveries}>
          {(result) => (
            <PagedTable
              result={result}
              columns={[
                t('federation.deliveries.columns.created'),
                t('federation.deliveries.columns.kind'),
                t('federation.deliveries.columns.partner'),
                t('federation.deliveries.columns.thread'),
                t('federation.deliveries.columns.sequence'),
                t('common.status'),
                t('federation.deliveries.columns.attempts'),
                t('federation.deliveries.columns.nextAttempt'),
                t('federation.deliveries.columns.lastError'),
                <VisuallyHidden key="actions">{t('common.actions')}</VisuallyHidden>,
              ]}
              renderRow={row}
              empty={t('federation.deliveries.empty')}
              page={page}
              pageSize={PAGE_SIZE}
              onPageChange={(next) => onFilter({ direction, status, page: next })}
              minWidth={1200}
            />
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}
