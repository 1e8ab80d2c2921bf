import { Alert, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Repatriation } from '@seamless/contracts';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor, RouterButton } from '../../components/RouterLinks';
import { useCountryName } from '../countries/useCountries';
import { MeetingsCard } from './Meetings';
import { useRepatriation } from './queries';
import { RepatriationActions } from './RepatriationActions';
import { RepatriationProgress } from './RepatriationProgress';
import {
  FollowUpReportsCard,
  IdentificationCard,
  PacketsCard,
  PersonCard,
  RequestCard,
  SignaturesCard,
  StepRecords,
} from './RepatriationRecord';
import { RepatriationStatusBadge } from './RepatriationStatusBadge';

function RepatriationView({ repatriation }: { repatriation: Repatriation }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('repatriation.detail.title', { reference: repatriation.sendingCaseReference })}
          </Title>
          <Text c="dimmed">
            {t(`repatriation.detail.with.${repatriation.side}`, {
              partner: repatriation.partner.name,
              country: countryName(repatriation.partner.country),
            })}
            {' · '}
            {t('repatriation.detail.agency', { agency: repatriation.agency.name })}
          </Text>
        </div>
        <Group gap="xs">
          <RepatriationStatusBadge status={repatriation.status} />
          {repatriation.caseId && (
            <RouterButton size="xs" variant="light" to="/cases/$caseId" params={{ caseId: repatriation.caseId }}>
              {t('repatriation.detail.openCase')}
            </RouterButton>
          )}
        </Group>
      </Group>
      <Card withBorder padding="lg">
        <Stack gap="md">
          <RepatriationProgress repatriation={repatriation} />
          <Text size="xs" c="dimmed">
            {t('repatriation.detail.packetsHint')}
          </Text>
          <RepatriationActions repatriation={repatriation} />
        </Stack>
      </Card>
      {repatriation.reverified !== null && (
        <Alert color="gray" variant="light" title={t('repatriation.reverification.title')}>
          {t(repatriation.reverified ? 'repatriation.reverification.reverified' : 'repatriation.reverification.kept')}
        </Alert>
      )}
      <RequestCard repatriation={repatriation} />
      {(repatriation.person || repatriation.identification) && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {repatriation.person && <PersonCard person={repatriation.person} />}
          {repatriation.identification && <IdentificationCard identification={repatriation.identification} />}
        </SimpleGrid>
      )}
      <StepRecords repatriation={repatriation} />
      <SignaturesCard repatriation={repatriation} />
      <MeetingsCard repatriation={repatriation} />
      <FollowUpReportsCard repatriation={repatriation} />
      <PacketsCard repatriation={repatriation} />
    </Stack>
  );
}

/** One repatriation as this side holds it: where it stands, what was sent and answered, and what to do next. */
export function RepatriationPage() {
  const { t } = useTranslation();
  const { repatriationId } = useParams({ from: '/signed-in/repatriations/$repatriationId' });
  const repatriation = useRepatriation(repatriationId);
  return (
    <Stack gap="xs">
      <RouterAnchor to="/repatriations" size="sm">
        {t('repatriation.detail.back')}
      </RouterAnchor>
      <QueryState query={repatriation}>{(data) => <RepatriationView repatriation={data} />}</QueryState>
    </Stack>
  );
}
