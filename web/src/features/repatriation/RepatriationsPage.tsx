import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { REPATRIATION_STATUSES, type RepatriationSide, type RepatriationStatus } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { oneOf } from '../../lib/oneOf';
import { useRepatriations } from './queries';
import { RepatriationsTable } from './RepatriationsTable';

/**
 * Repatriations with partner countries: the incoming queue (people this country is asked to take
 * home) and the outgoing requests, each leading to its page.
 */
export function RepatriationsPage() {
  const { t } = useTranslation();
  const [side, setSide] = useState<RepatriationSide>('receiving');
  const [status, setStatus] = useState<RepatriationStatus | null>(null);
  const repatriations = useRepatriations(side, status);
  return (
    <Stack>
      <PageHeader title={t('repatriation.list.title')} description={t('repatriation.list.description')} />
      <Group wrap="wrap" align="flex-end">
        <SegmentedControl
          value={side}
          onChange={(value) => setSide(value === 'sending' ? 'sending' : 'receiving')}
          data={[
            { value: 'receiving', label: t('repatriation.list.receiving') },
            { value: 'sending', label: t('repatriation.list.sending') },
          ]}
        />
        <Select
          aria-label={t('common.status')}
          placeholder={t('repatriation.list.allStatuses')}
          data={REPATRIATION_STATUSES.map((value) => ({ value, label: t(`repatriation.status.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(oneOf(value, REPATRIATION_STATUSES) ?? null)}
          clearable
          w={240}
        />
      </Group>
      <QueryState query={repatriations}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">{t(`repatriation.list.empty.${side}`)}</Text>
          ) : (
            <RepatriationsTable items={items} showSide={false} />
          )
        }
      </QueryState>
    </Stack>
  );
}
