import { Badge, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { PersonMergeRequest } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormattedDate } from '../../components/FormattedDate';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { TablePager } from '../../components/TablePager';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { RelinkageQueue } from '../relinkage/RelinkageQueue';
import { MERGE_REQUEST_PAGE_SIZE, type MergeRequestFilter } from './api';
import { useDecideMergeRequest, useMergeRequests } from './queries';

const STATUS_COLOUR = { pending: 'yellow', merged: 'teal', declined: 'gray' } as const;

/** One request: two records by pseudonym only, who asked, and the owner's decision. */
function MergeRequestCard({ request }: { request: PersonMergeRequest }) {
  const { t } = useTranslation();
  const decide = useDecideMergeRequest();
  const [asked, setAsked] = useState<'merge' | 'decline' | null>(null);
  const send = (decision: 'merge' | 'decline') => {
    setAsked(decision);
    decide.mutate({ id: request.id, decision });
  };
  return (
    <Card withBorder padding="md" component="article" aria-label={t(`mergeRequests.kind.${request.kind}`)}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light">{t(`mergeRequests.kind.${request.kind}`)}</Badge>
            <Badge color={STATUS_COLOUR[request.status]} variant="light">
              {t(`mergeRequests.status.${request.status}`)}
            </Badge>
          </Group>
          <Text size="sm">
            {t(`mergeRequests.summary.${request.kind}`, { merged: request.merged.pseudonym, survivor: request.survivor.pseudonym })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('mergeRequests.requested', { agency: request.requestingAgencyName })} <FormattedDate value={request.requestedAt} withTime />
          </Text>
          {request.decidedAt && (
            <Text size="xs" c="dimmed">
              {t('mergeRequests.decided', { agency: request.decidedByAgencyName ?? '' })}{' '}
              <FormattedDate value={request.decidedAt} withTime />
            </Text>
          )}
        </Stack>
        {request.status === 'pending' && request.mayDecide && (
          <Group gap="xs">
            <ConfirmButton
              size="xs"
              color="orange"
              loading={decide.isPending && asked === 'merge'}
              confirmTitle={t('confirm.mergeRecords.title', { merged: request.merged.pseudonym, survivor: request.survivor.pseudonym })}
              confirmMessage={t('confirm.mergeRecords.text')}
              confirmLabel={t('confirm.mergeRecords.action')}
              onConfirm={() => send('merge')}
            >
              {t('mergeRequests.merge')}
            </ConfirmButton>
            <ConfirmButton
              size="xs"
              variant="default"
              loading={decide.isPending && asked === 'decline'}
              confirmTitle={t('confirm.mergeDecline.title')}
              confirmMessage={t('confirm.mergeDecline.text')}
              confirmLabel={t('confirm.mergeDecline.action')}
              onConfirm={() => send('decline')}
            >
              {t('mergeRequests.decline')}
            </ConfirmButton>
          </Group>
        )}
      </Group>
      {request.status === 'pending' && !request.mayDecide && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('mergeRequests.waiting')}
        </Text>
      )}
      {decide.error ? (
        <Stack gap={4} mt="xs">
          <ProblemAlert error={decide.error} />
        </Stack>
      ) : null}
    </Card>
  );
}

/**
 * Records that may be one person, raised when another agency linked a case to a record it may
 * not see, or asked to merge records whose cases it does not all hold. The agencies holding her
 * record decide; a merge needs her identity shared with the asking agency, with her consent.
 */
export function MergeRequestsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<MergeRequestFilter>('pending');
  const [page, setPage] = useState(1);
  const requests = useMergeRequests(filter, page);
  const me = useMe();
  // The re-linkage queue names persons: shown to those who decide merges and read identity.
  const decidesPairs = hasPermission(me, 'case:update') && hasPermission(me, 'section:identity') && !me.pseudonymMode;
  return (
    <Stack>
      <PageHeader title={t('mergeRequests.title')} description={t('mergeRequests.description')} />
      {decidesPairs && <RelinkageQueue />}
      <Title order={2} size="h3">
        {t('mergeRequests.requestsTitle')}
      </Title>
      <SegmentedControl
        w="fit-content"
        value={filter}
        onChange={(value) => {
          setFilter(value as MergeRequestFilter);
          setPage(1);
        }}
        data={[
          { value: 'pending', label: t('mergeRequests.filter.pending') },
          { value: 'all', label: t('mergeRequests.filter.all') },
        ]}
      />
      <QueryState query={requests}>
        {(result) =>
          result.items.length === 0 ? (
            <Text c="dimmed">{t('mergeRequests.empty')}</Text>
          ) : (
            <Stack gap="sm">
              {result.items.map((request) => (
                <MergeRequestCard key={request.id} request={request} />
              ))}
              <TablePager page={page} pageSize={MERGE_REQUEST_PAGE_SIZE} total={result.total} onPageChange={setPage} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
