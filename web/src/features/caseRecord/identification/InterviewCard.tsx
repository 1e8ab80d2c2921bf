import { Badge, Button, Card, DataList, Divider, Group, List, Stack, Text, Title } from '@mantine/core';
import { type CaseDetail, INDICATOR_ELEMENTS, type Interview, PROCEDURE_KEYS } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { FormattedDate } from '../../../components/FormattedDate';
import { oneOf } from '../../../lib/oneOf';
import { Field } from '../common/Field';
import { indicatorLabel, languageLabel, procedureLabel, stepLabel } from '../common/labels';
import { InterpreterRequests } from './InterpreterRequests';

interface InterviewCardProps {
  detail: CaseDetail;
  interview: Interview;
  onEdit: () => void;
}

/** One identification interview, recorded once and read by every agency working on the case. */
export function InterviewCard({ detail, interview, onEdit }: InterviewCardProps) {
  const { t } = useTranslation();
  const procedure = oneOf(interview.procedure, PROCEDURE_KEYS);
  const canAct = detail.abilities.identify;

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3} size="h5">
            {t('caseRecord.interview.heading')} <FormattedDate value={interview.conductedOn} />
          </Title>
          <Badge color={interview.status === 'completed' ? 'teal' : 'yellow'} variant="light">
            {t(`caseRecord.interview.status.${interview.status}`)}
          </Badge>
          {interview.childAtTime && (
            <Badge color="pink" variant="light">
              {t('caseRecord.interview.childAtTime')}
            </Badge>
          )}
        </Group>
        {canAct && (
          <Button size="xs" variant="light" onClick={onEdit}>
            {t('caseRecord.interview.edit')}
          </Button>
        )}
      </Group>
      <DataList>
        <Field label={t('caseRecord.interview.procedure')}>{procedureLabel(t, interview.procedure)}</Field>
        <Field label={t('caseRecord.interview.conductedBy')}>
          {interview.conductedByName} ({interview.agencyName})
        </Field>
        <Field label={t('caseRecord.interview.place')}>{interview.place}</Field>
        <Field label={t('caseRecord.interview.language')}>{interview.language && languageLabel(t, interview.language)}</Field>
        <Field label={t('caseRecord.interview.participants')}>
          {interview.participantAgencies.map((agency) => agency.name).join(', ')}
        </Field>
        <Field label={t('caseRecord.interview.steps')}>
          {interview.stepsCompleted.length > 0 && (
            <List size="sm" spacing={2}>
              {interview.stepsCompleted.map((step) => (
                <List.Item key={step}>{procedure ? stepLabel(t, procedure, step) : step}</List.Item>
              ))}
            </List>
          )}
        </Field>
      </DataList>
      <Stack gap="xs" mt="md">
        {INDICATOR_ELEMENTS.map((element) => (
          <Group key={element} gap={6} align="flex-start">
            <Text size="sm" fw={600} w={90}>
              {t(`identification.element.${element}`)}
            </Text>
            {interview.indicators[element].length === 0 ? (
              <Text size="sm" c="dimmed">
                {element === 'means' && interview.childAtTime
                  ? t('caseRecord.identification.elementWaived')
                  : t('caseRecord.interview.noIndicators')}
              </Text>
            ) : (
              interview.indicators[element].map((indicator) => (
                <Badge key={indicator} variant="light" color="indigo" size="sm" style={{ textTransform: 'none' }}>
                  {indicatorLabel(t, indicator)}
                </Badge>
              ))
            )}
          </Group>
        ))}
      </Stack>
      {interview.account !== undefined && interview.account !== null && (
        <>
          <Divider my="md" />
          <Text size="sm" fw={600}>
            {t('caseRecord.interview.account')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {interview.account}
          </Text>
        </>
      )}
      <Divider my="md" />
      <InterpreterRequests caseId={detail.id} interviewId={interview.id} requests={interview.interpreterRequests} canAct={canAct} />
    </Card>
  );
}
