import { Alert, Button, Card, DataList, Group, Stack, Text, Title } from '@mantine/core';
import { type CaseDetail, type Interview, procedureForCountry } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../../components/FormattedDate';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { QueryState } from '../../../components/QueryState';
import { Field } from '../common/Field';
import { procedureLabel } from '../common/labels';
import { todayIso } from '../common/options';
import { useIdentification } from '../queries';
import { DecisionCard } from './DecisionCard';
import { InterviewCard } from './InterviewCard';
import { InterviewFormModal } from './InterviewFormModal';
import {
  existingInterviewValues,
  type InterviewFormValues,
  latestPrescreening,
  newInterviewValues,
  suggestedIndicators,
} from './interviewForm';
import { PrescreeningCard } from './PrescreeningCard';

type InterviewTarget = { interview: Interview | null; initial: InterviewFormValues };

/** Pre-screening, the interview recorded once, and the status decisions it supports. */
export function IdentificationTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const identification = useIdentification(detail.id);
  const procedure = procedureForCountry(detail.countryCode);
  const [target, setTarget] = useState<InterviewTarget | null>(null);
  const [interpreterError, setInterpreterError] = useState<unknown>(null);

  return (
    <QueryState query={identification}>
      {(record) => {
        const interviews = [...record.interviews].sort((a, b) => b.conductedOn.localeCompare(a.conductedOn));
        const openNew = () =>
          setTarget({
            interview: null,
            initial: newInterviewValues(procedure.key, todayIso(), suggestedIndicators(latestPrescreening(record.prescreenings))),
          });
        return (
          <Stack gap="lg">
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="md">
                {t('caseRecord.identification.title')}
              </Title>
              <DataList>
                <Field label={t('caseRecord.identification.procedure')}>{procedureLabel(t, procedure.key)}</Field>
                <Field label={t('caseRecord.identification.status')}>{t(`traffickingStatus.${detail.traffickingStatus}`)}</Field>
                <Field label={t('caseRecord.identification.dueOn')}>
                  {detail.identificationDueOn && <FormattedDate value={detail.identificationDueOn} />}
                </Field>
                <Field label={t('caseRecord.identification.reflectionEndsOn')}>
                  {detail.reflectionPeriodEndsOn && <FormattedDate value={detail.reflectionPeriodEndsOn} />}
                </Field>
              </DataList>
              {detail.child && (
                <Alert color="blue" variant="light" mt="md" title={t('caseRecord.identification.childTitle')}>
                  {t('identification.childRule')}
                </Alert>
              )}
            </Card>
            <PrescreeningCard detail={detail} prescreenings={record.prescreenings} />
            <Card withBorder padding="lg">
              <Group justify="space-between" mb="md">
                <Title order={2} size="h4">
                  {t('caseRecord.interview.title')}
                </Title>
                {detail.abilities.identify && <Button onClick={openNew}>{t('caseRecord.interview.new')}</Button>}
              </Group>
              <Text size="sm" c="dimmed" mb="md">
                {t('caseRecord.interview.recordedOnce')}
              </Text>
              {interpreterError !== null && (
                <Stack gap={4} mb="md">
                  <Text size="sm" c="red">
                    {t('caseRecord.interview.interpreterFailed')}
                  </Text>
                  <ProblemAlert error={interpreterError} />
                </Stack>
              )}
              <Stack>
                {interviews.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('caseRecord.interview.empty')}
                  </Text>
                ) : (
                  interviews.map((interview) => (
                    <InterviewCard
                      key={interview.id}
                      detail={detail}
                      interview={interview}
                      onEdit={() => setTarget({ interview, initial: existingInterviewValues(interview, procedure.key) })}
                    />
                  ))
                )}
              </Stack>
            </Card>
            <DecisionCard detail={detail} record={record} />
            <InterviewFormModal
              detail={detail}
              target={target}
              onClose={(outcome) => {
                setTarget(null);
                setInterpreterError(outcome?.interpreterError ?? null);
              }}
            />
          </Stack>
        );
      }}
    </QueryState>
  );
}
