import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import {
  CROSS_BORDER_REFERRAL_STATUSES,
  type CrossBorderReferralStatus,
  REPATRIATION_SIDES,
  type RepatriationSide,
} from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { oneOf } from '../../lib/oneOf';
import { CrossBorderReferralsTable } from './CrossBorderReferralsTable';
import { useCrossBorderReferrals } from './queries';

type SideFilter = RepatriationSide | 'all';

/**
 * Referrals across a border: the incoming queue (services partner countries ask this agency for)
 * and the referrals it sent, each leading to its page.
 */
export function CrossBorderReferralsPage() {
  const { t } = useTranslation();
  const [side, setSide] = useState<SideFilter>('receiving');
  const [status, setStatus] = useState<CrossBorderReferralStatus | null>(null);
  const referrals = useCrossBorderReferrals(side === 'all' ? null : side, status);
  return (
    <Stack>
      <PageHeader title={t('crossBorderReferral.list.title')} description={t('crossBorderReferral.list.description')} />
      <Group wrap="wrap" align="flex-end">
        <SegmentedControl
          value={side}
          onChange={(value) => setSide(oneOf(value, REPATRIATION_SIDES) ?? 'all')}
          data={[
            { value: 'receiving', label: t('crossBorderReferral.list.receiving') },
            { value: 'sending', label: t('crossBorderReferral.list.sending') },
            { value: 'all', label: t('crossBorderReferral.list.all') },
          ]}
        />
        <Select
          aria-label={t('common.status')}
          placeholder={t('crossBorderReferral.list.allStatuses')}
          data={CROSS_BORDER_REFERRAL_STATUSES.map((value) => ({ value, label: t(`crossBorderReferral.status.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(oneOf(value, CROSS_BORDER_REFERRAL_STATUSES) ?? null)}
          clearable
          w={240}
        />
      </Group>
      <QueryState query={referrals}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">{t(`crossBorderReferral.list.empty.${side}`)}</Text>
          ) : (
            <CrossBorderReferralsTable items={items} showSide={side === 'all'} />
          )
        }
      </QueryState>
    </Stack>
  );
}
