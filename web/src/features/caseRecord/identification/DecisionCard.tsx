import { Alert, Button, Card, Group, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import {
  type CaseDetail,
  elementsMet,
  type FieldError,
  type IdentificationRecord,
  procedureForCountry,
  statusDecisionInputSchema,
  type TraffickingStatus,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/DateInput';
import { useLocale } from '../../../i18n/useLocale';
import { formatDate } from '../../../lib/dates';
import { DraftNotice } from '../../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../../lib/drafts/useDraftForm';
import { validate } from '../../../lib/validation';
import { TraffickingStatusBadge } from '../../cases/CaseBadges';
import { AgencySelect } from '../common/AgencySelect';
import { MutationProblem } from '../common/MutationProblem';
import { todayIso } from '../common/options';
import { useRecordFieldErrors } from '../common/useRecordFieldErrors';
import { statusRefusalOf } from '../problems';
import { useAgencyDirectory, useCaseDetail, useDecideStatus } from '../queries';
import { competentFunctions, decidingAgencies, decisionInterviews, nextStatuses } from '../statusDecision';
import { DecisionHistory } from './DecisionHistory';

interface DecisionValues {
  toStatus: TraffickingStatus | null;
  decidingAgencyId: string | null;
  decidedByName: string;
  decidedOn: string;
  reasons: string;
  interviewId: string | null;
}

interface DecisionFormProps {
  detail: CaseDetail;
  record: IdentificationRecord;
  onRecorded: (status: TraffickingStatus) => void;
}

function DecisionForm({ detail, record, onRecorded }: DecisionFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const refetch = useCaseDetail(detail.id).refetch;
  const directory = useAgencyDirectory();
  const options = nextStatuses(detail.traffickingStatus);
  const procedure = procedureForCountry(detail.countryCode);
  const completedInterviews = decisionInterviews(record.interviews);
  const { values, setField, draft } = useDraftForm<DecisionValues>(
    {
      toStatus: options.length === 1 ? (options[0] ?? null) : null,
      decidingAgencyId: null,
      decidedByName: '',
      decidedOn: todayIso(),
      reasons: '',
      interviewId: null,
    },
    { form: 'status-decision', record: detail.id },
  );
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const decide = useDecideStatus(detail.id);
  const errors = useRecordFieldErrors(clientErrors, decide.error);
  const refusal = statusRefusalOf(decide.error);

  const agencies = decidingAgencies(directory.data?.items ?? [], competentFunctions(procedure, values.toStatus), detail.countryCode);
  // Until one is chosen, the decision rests on the latest completed interview (as the server would choose).
  const interview = completedInterviews.find((item) => item.id === values.interviewId) ?? completedInterviews[0] ?? null;
  const assessment = interview ? elementsMet(interview.indicators, interview.childAtTime) : null;

  if (options.length === 0) {
    return (
      <Alert color="gray" variant="light">
        {detail.traffickingStatus === 'Identified' ? t('identification.identifiedLocked') : t('caseRecord.decision.noneAllowed')}
      </Alert>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(statusDecisionInputSchema, {
      toStatus: values.toStatus ?? undefined,
      decidingAgencyId: values.decidingAgencyId ?? undefined,
      decidedByName: values.decidedByName,
      decidedOn: values.decidedOn,
      reasons: values.reasons,
      interviewId: interview?.id ?? null,
      caseVersion: detail.version,
    });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (!checked.ok) return;
    const toStatus = checked.data.toStatus;
    decide.mutate(checked.data, {
      onSuccess: () => {
        onRecorded(toStatus);
        // The next decision starts from the same decider, date and interview; the status and reasons are new.
        draft.clear({ ...values, toStatus: null, reasons: '' });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Radio.Group
          label={t('caseRecord.decision.toStatus')}
          description={t('caseRecord.decision.toStatusHint', { status: t(`traffickingStatus.${detail.traffickingStatus}`) })}
          value={values.toStatus}
          onChange={(value) => setField('toStatus', options.find((status) => status === value) ?? null)}
          error={errors.toStatus}
          required
        >
          <Group mt="xs">
            {options.map((status) => (
              <Radio key={status} value={status} label={t(`traffickingStatus.${status}`)} />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <AgencySelect
            label={t('caseRecord.decision.decidingAgency')}
            description={t('caseRecord.decision.decidingAgencyHint')}
            agencies={agencies}
            value={values.decidingAgencyId}
            onChange={(value) => setField('decidingAgencyId', value)}
            error={errors.decidingAgencyId}
            required
          />
          <TextInput
            label={t('caseRecord.decision.decidedBy')}
            description={t('caseRecord.decision.decidedByHint')}
            value={values.decidedByName}
            onChange={(event) => setField('decidedByName', event.currentTarget.value)}
            error={errors.decidedByName}
            required
          />
          <DateInput
            label={t('caseRecord.decision.decidedOn')}
            value={values.decidedOn}
            max={todayIso()}
            onChange={(value) => setField('decidedOn', value)}
            error={errors.decidedOn}
            required
          />
          <Select
            label={t('caseRecord.decision.interview')}
            description={t('caseRecord.decision.interviewHint')}
            data={completedInterviews.map((item) => ({
              value: item.id,
              label: t('caseRecord.decision.interviewOption', { date: formatDate(item.conductedOn, locale), by: item.conductedByName }),
            }))}
            value={interview?.id ?? null}
            onChange={(value) => setField('interviewId', value)}
            error={errors.interviewId}
            allowDeselect={false}
          />
        </SimpleGrid>
        {!interview && (
          <Text size="sm" c="orange">
            {t('caseRecord.decision.noCompletedInterview')}
          </Text>
        )}
        {assessment && (
          <Text size="sm" c={assessment.complete ? 'teal' : 'orange'}>
            {assessment.complete
              ? t('caseRecord.decision.elementsComplete')
              : t('caseRecord.decision.elementsMissing', {
                  elements: assessment.missing.map((element) => t(`identification.element.${element}`)).join(', '),
                })}
            {assessment.meansWaived && ` ${t('caseRecord.decision.meansWaived')}`}
          </Text>
        )}
        <Textarea
          label={t('caseRecord.decision.reasons')}
          description={t('caseRecord.decision.reasonsHint')}
          value={values.reasons}
          onChange={(event) => setField('reasons', event.currentTarget.value)}
          error={errors.reasons}
          autosize
          minRows={3}
          required
        />
        {refusal ? (
          <Alert color="red" variant="light" role="alert" title={t('caseRecord.decision.refusedTitle')}>
            {t(`identification.ruling.${refusal}`)}
          </Alert>
        ) : (
          <MutationProblem mutation={decide} onReload={() => refetch()} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={decide.isPending}>
            {t('caseRecord.decision.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Status decisions: who decided, when, on which interview, and the certificate where one is issued. */
export function DecisionCard({ detail, record }: { detail: CaseDetail; record: IdentificationRecord }) {
  const { t } = useTranslation();
  // Kept here, not in the form: after an identification there is no next step and the form gives way to a note.
  const [recorded, setRecorded] = useState<TraffickingStatus | null>(null);
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('caseRecord.decision.title')}
        </Title>
        <TraffickingStatusBadge status={detail.traffickingStatus} />
      </Group>
      <Stack gap="lg">
        {recorded && (
          <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setRecorded(null)}>
            {t('caseRecord.decision.recorded', { status: t(`traffickingStatus.${recorded}`) })}
          </Alert>
        )}
        {detail.abilities.identify && <DecisionForm detail={detail} record={record} onRecorded={setRecorded} />}
        <Title order={3} size="h5">
          {t('caseRecord.decision.history')}
        </Title>
        <DecisionHistory detail={detail} decisions={record.decisions} />
      </Stack>
    </Card>
  );
}
