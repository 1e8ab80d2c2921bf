import { Badge, Card, Group, Progress, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { matchLikelihoodOf, type RelinkageCandidate, type RelinkageRecord, type RelinkageStatus } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { TablePager } from '../../components/TablePager';
import { CaseStatusBadge } from '../cases/CaseBadges';
import { LIKELIHOOD_BAND_COLOURS, MatchReasonLists } from '../matching/MatchReasonLists';
import { RELINKAGE_PAGE_SIZE } from './api';
import { useDecideRelinkage, useRelinkageCandidates } from './queries';

/** One record of the pair: her names where the reader may read them, her pseudonym otherwise, and the cases the reader may open. */
function RecordSummary({ record }: { record: RelinkageRecord }) {
  const { t } = useTranslation();
  const [primary, ...others] = record.names;
  return (
    <Stack gap={2}>
      <Text fw={700} size="sm">
        {primary ?? record.pseudonym}
      </Text>
      {others.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('caseload.matches.alsoKnownAs', { names: others.join(', ') })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {record.identityShown ? record.pseudonym : t('mergeRequests.relinkage.identityClosed', { pseudonym: record.pseudonym })}
      </Text>
      {record.cases.map((kase) => (
        <Group key={kase.id} gap={6}>
          <RouterAnchor to="/cases/$caseId" params={{ caseId: kase.id }} size="xs">
            {kase.reference}
          </RouterAnchor>
          <CaseStatusBadge status={kase.status} />
        </Group>
      ))}
    </Stack>
  );
}

function PairCard({ pair }: { pair: RelinkageCandidate }) {
  const { t } = useTranslation();
  const decide = useDecideRelinkage();
  const likelihood = matchLikelihoodOf(pair.likelihood);
  const [left, right] = pair.records;
  const names = { left: left.names[0] ?? left.pseudonym, right: right.names[0] ?? right.pseudonym };
  return (
    <Card withBorder padding="md" component="article" aria-label={t('mergeRequests.relinkage.pair', names)}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <RecordSummary record={left} />
          <RecordSummary record={right} />
        </SimpleGrid>
        <Progress value={Math.round(pair.likelihood * 100)} size="sm" color={LIKELIHOOD_BAND_COLOURS[likelihood]} aria-hidden="true" />
        <Text size="xs" fw={600}>
          {t(`matching.likelihood.${likelihood}`, { score: pair.likelihood })}
        </Text>
        {pair.reasonsWithheld ? (
          <Text size="xs" c="dimmed">
            {t('mergeRequests.relinkage.reasonsWithheld')}
          </Text>
        ) : (
          <MatchReasonLists reasons={pair.reasons} />
        )}
        {pair.status === 'pending' ? (
          pair.mayDecide && (
            <Group gap="xs">
              <ConfirmButton
                size="xs"
                color="orange"
                loading={decide.isPending && decide.variables?.decision === 'same_person'}
                confirmTitle={t('mergeRequests.relinkage.confirmSame.title', names)}
                confirmMessage={t('mergeRequests.relinkage.confirmSame.text')}
                confirmLabel={t('mergeRequests.relinkage.confirmSame.action')}
                onConfirm={() => decide.mutate({ id: pair.id, decision: 'same_person' })}
              >
                {t('mergeRequests.relinkage.same')}
              </ConfirmButton>
              <ConfirmButton
                size="xs"
                variant="default"
                loading={decide.isPending && decide.variables?.decision === 'not_same_person'}
                confirmTitle={t('mergeRequests.relinkage.confirmNotSame.title', names)}
                confirmMessage={t('mergeRequests.relinkage.confirmNotSame.text')}
                confirmLabel={t('mergeRequests.relinkage.confirmNotSame.action')}
                onConfirm={() => decide.mutate({ id: pair.id, decision: 'not_same_person' })}
              >
                {t('mergeRequests.relinkage.notSame')}
              </ConfirmButton>
            </Group>
          )
        ) : (
          <Badge variant="light" color={pair.status === 'same_person' ? 'teal' : 'gray'} w="fit-content">
            {t(`mergeRequests.relinkage.status.${pair.status}`)}
          </Badge>
        )}
        {decide.error ? <ProblemAlert error={decide.error} /> : null}
      </Stack>
    </Card>
  );
}

/**
 * The pairs the re-linkage job found when it re-checked the register with the current matching
 * rules: records of the reader's agency that may be one person with another record. Nothing was
 * merged; the agencies holding either record decide, and "not the same person" is remembered.
 */
export function RelinkageQueue() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RelinkageStatus>('pending');
  const [page, setPage] = useState(1);
  const pairs = useRelinkageCandidates(status, page);
  return (
    <Stack component="section" aria-labelledby="relinkage-title">
      <Title order={2} size="h3" id="relinkage-title">
        {t('mergeRequests.relinkage.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('mergeRequests.relinkage.description')}
      </Text>
      <SegmentedControl
        w="fit-content"
        value={status}
        onChange={(value) => {
          setStatus(value as RelinkageStatus);
          setPage(1);
        }}
        data={[
          { value: 'pending', label: t('mergeRequests.relinkage.status.pending') },
          { value: 'same_person', label: t('mergeRequests.relinkage.status.same_person') },
          { value: 'not_same_person', label: t('mergeRequests.relinkage.status.not_same_person') },
        ]}
      />
      <QueryState query={pairs}>
        {(result) =>
          result.items.length === 0 ? (
            <Text c="dimmed">{t('mergeRequests.relinkage.empty')}</Text>
          ) : (
            <Stack gap="sm">
              {result.items.map((pair) => (
                <PairCard key={pair.id} pair={pair} />
              ))}
              <TablePager page={page} pageSize={RELINKAGE_PAGE_SIZE} total={result.total} onPageChange={setPage} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
