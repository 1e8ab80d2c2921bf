import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { REFERRAL_BOXES, REFERRAL_STATUSES, type ReferralBox, type ReferralStatus } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TablePager } from '../../components/TablePager';
import { oneOf } from '../../lib/oneOf';
import { useReferralInbox } from './queries';
import { ReferralCard } from './ReferralCard';
import { inboxOrder } from './referralView';

const PAGE_SIZE = 25;

/**
 * Referrals to the user's agency (to accept or decline, by pseudonym until accepted) and from it
 * (to follow the answers). Waiting ones come first, overdue ones flagged.
 */
export function ReferralsInboxPage() {
  const { t } = useTranslation();
  const [box, setBox] = useState<ReferralBox>('incoming');
  const [status, setStatus] = useState<ReferralStatus | null>('pending');
  const [page, setPage] = useState(1);
  const inbox = useReferralInbox(box, status, page, PAGE_SIZE);
  return (
    <Stack>
      <PageHeader title={t('referrals.inbox.title')} description={t('referrals.inbox.description')} />
      <Group wrap="wrap" align="flex-end">
        <SegmentedControl
          value={box}
          onChange={(value) => {
            setBox(oneOf(value, REFERRAL_BOXES) ?? 'incoming');
            setPage(1);
          }}
          data={REFERRAL_BOXES.map((value) => ({ value, label: t(`referrals.inbox.${value}`) }))}
        />
        <Select
          aria-label={t('referrals.inbox.status')}
          placeholder={t('referrals.inbox.allStatuses')}
          data={REFERRAL_STATUSES.map((value) => ({ value, label: t(`referrals.status.${value}`) }))}
          value={status}
          onChange={(value) => {
            setStatus(oneOf(value, REFERRAL_STATUSES) ?? null);
            setPage(1);
          }}
          clearable
          w={200}
        />
      </Group>
      <QueryState query={inbox}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('referrals.inbox.empty')}</Text>
          ) : (
            <>
              <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
                {inboxOrder(data.items).map((referral) => (
                  <ReferralCard key={referral.id} referral={referral} showCase />
                ))}
              </Stack>
              <TablePager page={page} pageSize={PAGE_SIZE} total={data.total} onPageChange={setPage} />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
