import { Card, DataList, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../../components/FormattedDate';
import { useProvinces } from '../../forms/useProvinces';
import { Field } from '../common/Field';

/** How the case came in; the caller's own words only with the identity section. */
export function IntakeCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { intake } = detail;
  const provinces = useProvinces();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('caseRecord.intake.title')}
      </Title>
      <DataList>
        <Field label={t('caseRecord.intake.openedAt')}>
          <FormattedDate value={detail.openedAt} withTime />
        </Field>
        <Field label={t('caseRecord.intake.channel')}>{intake.channel && t(`vocab.intakeChannel.${intake.channel}`)}</Field>
        <Field label={t('caseRecord.intake.byAgency')}>{intake.byAgencyName}</Field>
        <Field label={t('caseRecord.intake.location')}>{intake.location && (provinces?.name(intake.location) ?? intake.location)}</Field>
        <Field label={t('caseRecord.intake.identificationDueOn')}>
          {detail.identificationDueOn && <FormattedDate value={detail.identificationDueOn} />}
        </Field>
        <Field label={t('caseRecord.intake.reflectionPeriodEndsOn')}>
          {detail.reflectionPeriodEndsOn && <FormattedDate value={detail.reflectionPeriodEndsOn} />}
        </Field>
        {intake.narrative !== undefined && (
          <Field label={t('caseRecord.intake.narrative')}>
            {intake.narrative && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {intake.narrative}
              </Text>
            )}
          </Field>
        )}
      </DataList>
    </Card>
  );
}
