import { Alert, Card, DataList, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../components/FormattedDate';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { useCountryName } from '../countries/useCountries';
import { CaseStatusBadge, TraffickingStatusBadge } from './CaseBadges';
import { useCase } from './queries';

function Field({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{empty ? <Text c="dimmed">{t('common.notRecorded')}</Text> : children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function CaseSummaryCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('cases.summary')}
      </Title>
      <DataList>
        <Field label={t('cases.fields.name')}>{detail.displayName}</Field>
        <Field label={t('cases.fields.gender')}>{t(`gender.${detail.gender}`)}</Field>
        <Field label={t('cases.fields.ageAtIntake')}>{detail.ageAtIntake}</Field>
        <Field label={t('cases.fields.citizenship')}>{detail.citizenship.map(countryName).join(', ')}</Field>
        <Field label={t('cases.fields.ownerAgency')}>{detail.ownerAgencyName}</Field>
        <Field label={t('cases.fields.openedAt')}>
          <FormattedDate value={detail.openedAt} />
        </Field>
        <Field label={t('cases.fields.updatedAt')}>
          <FormattedDate value={detail.updatedAt} withTime />
        </Field>
      </DataList>
    </Card>
  );
}

function IdentityCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const identity = detail.sections.identity;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('cases.identity.title')}
      </Title>
      {identity ? (
        <DataList>
          <Field label={t('cases.identity.givenName')}>{identity.givenName}</Field>
          <Field label={t('cases.identity.familyName')}>{identity.familyName}</Field>
          <Field label={t('cases.identity.nameAsWritten')}>{identity.nameAsWritten}</Field>
          <Field label={t('cases.identity.birthDate')}>{identity.birthDate && <FormattedDate value={identity.birthDate} />}</Field>
          <Field label={t('cases.identity.documentNumber')}>{identity.documentNumber}</Field>
          <Field label={t('cases.identity.phone')}>{identity.phone}</Field>
        </DataList>
      ) : (
        <Alert variant="light" color="gray">
          {detail.abilities.readIdentity ? t('common.notRecorded') : t('cases.identity.restricted')}
        </Alert>
      )}
    </Card>
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { caseId } = useParams({ from: '/signed-in/cases/$caseId' });
  const detail = useCase(caseId);
  return (
    <Stack>
      <RouterAnchor to="/cases" search={{}} size="sm">
        {t('cases.backToList')}
      </RouterAnchor>
      <QueryState query={detail}>
        {(data) => (
          <>
            <PageHeader
              title={t('cases.caseTitle', { reference: data.reference })}
              actions={
                <Group gap="xs">
                  <CaseStatusBadge status={data.status} />
                  <TraffickingStatusBadge status={data.traffickingStatus} />
                </Group>
              }
            />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <CaseSummaryCard detail={data} />
              <IdentityCard detail={data} />
            </SimpleGrid>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
