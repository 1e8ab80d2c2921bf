import { Button, Group, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  type CaseDetail,
  type FieldError,
  FOLLOW_UP_SITUATIONS,
  FOLLOW_UP_VISIT_MODES,
  type FollowUp,
  type FollowUpSituation,
  type FollowUpVisit,
  type FollowUpVisitMode,
  followUpVisitRecordSchema,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { FormattedDate } from '../../components/FormattedDate';
import { GuardedModal } from '../../components/GuardedModal';
import { PhoneActionBar } from '../../components/PhoneActionBar';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { formatDate } from '../../lib/dates';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../lib/drafts/formGuard';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { usePhoneLayout } from '../../lib/usePhoneLayout';
import { validate } from '../../lib/validation';
import { formatScore } from '../assessments/assessmentView';
import { AgencySelect } from '../caseRecord/common/AgencySelect';
import { todayIso } from '../caseRecord/common/options';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { useCaseAssessments, useRecordVisit } from './queries';

interface VisitValues {
  actualOn: string;
  mode: FollowUpVisitMode;
  visitingAgencyId: string | null;
  visitorName: string;
  situation: FollowUpSituation | null;
  findings: string;
  nextSteps: string;
  assessmentId: string | null;
}

function VisitForm({
  detail,
  followUp,
  visit,
  onDone,
}: {
  detail: CaseDetail;
  followUp: FollowUp;
  visit: FollowUpVisit | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { values, setField, draft } = useDraftForm<VisitValues>(
    {
      actualOn: todayIso(),
      mode: followUp.defaultMode,
      visitingAgencyId: null,
      visitorName: '',
      situation: null,
      findings: '',
      nextSteps: '',
      assessmentId: null,
    },
    { form: 'follow-up-visit', record: `${detail.id}:${visit?.id ?? 'new'}` },
  );
  const cancel = useGuardedCancel(onDone);
  const assessments = useCaseAssessments(detail.id);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const record = useRecordVisit(detail.id);
  const errors = useRecordFieldErrors(clientErrors, record.error, {
    actualOn: t('followUp.error.actualOn'),
    visitingAgencyId: t('followUp.error.visitingAgency'),
    visitId: t('followUp.error.visit'),
    assessmentId: t('followUp.error.assessment'),
  });
  const partner = values.mode === 'partner_visit';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(followUpVisitRecordSchema, {
      ...(visit ? { visitId: visit.id } : {}),
      actualOn: values.actualOn,
      mode: values.mode,
      visitingAgencyId: partner ? values.visitingAgencyId : null,
      visitorName: values.visitorName,
      situation: values.situation ?? undefined,
      findings: values.findings,
      nextSteps: values.nextSteps,
      assessmentId: values.assessmentId,
    });
    const agencyMissing: FieldError[] =
      partner && !values.visitingAgencyId
        ? [{ path: 'visitingAgencyId', code: 'required', message: t('followUp.error.visitingAgency') }]
        : [];
    const problems = [...(checked.ok ? [] : checked.errors), ...agencyMissing];
    setClientErrors(problems);
    if (checked.ok && problems.length === 0) record.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
  };

  const formActions = (
    <>
      <Button variant="default" onClick={cancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={record.isPending}>
        {t('followUp.visit.save')}
      </Button>
    </>
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">
          {visit?.scheduledOn ? (
            <>
              {t('followUp.visit.planned')}: <FormattedDate value={visit.scheduledOn} />
            </>
          ) : (
            t('followUp.visit.unscheduledHint')
          )}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput
            label={t('followUp.visit.actualOn')}
            value={values.actualOn}
            max={todayIso()}
            onChange={(value) => setField('actualOn', value)}
            error={errors.actualOn}
            required
          />
          <Select
            label={t('followUp.visit.mode')}
            data={FOLLOW_UP_VISIT_MODES.map((mode) => ({ value: mode, label: t(`followUp.mode.${mode}`) }))}
            value={values.mode}
            onChange={(value) => setField('mode', oneOf(value, FOLLOW_UP_VISIT_MODES) ?? values.mode)}
            error={errors.mode}
            allowDeselect={false}
            required
          />
        </SimpleGrid>
        {partner && (
          <AgencySelect
            label={t('followUp.visit.visitingAgency')}
            value={values.visitingAgencyId}
            onChange={(value) => setField('visitingAgencyId', value)}
            error={errors.visitingAgencyId}
            required
          />
        )}
        <TextInput
          label={t('followUp.visit.visitorName')}
          description={t('followUp.visit.visitorNameHint')}
          value={values.visitorName}
          onChange={(event) => setField('visitorName', event.currentTarget.value)}
          error={errors.visitorName}
          required
        />
        <Radio.Group
          label={t('followUp.visit.situation')}
          value={values.situation}
          onChange={(value) => setField('situation', oneOf(value, FOLLOW_UP_SITUATIONS) ?? null)}
          error={errors.situation}
          required
        >
          <Group mt="xs">
            {FOLLOW_UP_SITUATIONS.map((situation) => (
              <Radio key={situation} value={situation} label={t(`followUp.situation.${situation}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('followUp.visit.findings')}
          value={values.findings}
          onChange={(event) => setField('findings', event.currentTarget.value)}
          error={errors.findings}
          autosize
          minRows={3}
        />
        <Textarea
          label={t('followUp.visit.nextSteps')}
          value={values.nextSteps}
          onChange={(event) => setField('nextSteps', event.currentTarget.value)}
          error={errors.nextSteps}
          autosize
          minRows={2}
        />
        {!!assessments.data?.items.length && (
          <Select
            label={t('followUp.visit.assessment')}
            description={t('followUp.visit.assessmentHint')}
            data={assessments.data.items.map((assessment) => ({
              value: assessment.id,
              // The overall score is left out where the reader does not see every domain it averages.
              label: [
                formatDate(assessment.assessedOn, locale),
                assessment.assessorName,
                assessment.overallScore === null ? null : formatScore(assessment.overallScore, locale),
              ]
                .filter(Boolean)
                .join(' · '),
            }))}
            value={values.assessmentId}
            onChange={(value) => setField('assessmentId', value)}
            error={errors.assessmentId}
            clearable
          />
        )}
        <ProblemAlert error={record.error} />
        <PhoneActionBar label={t('common.formActions')} desktop={<Group justify="flex-end">{formActions}</Group>}>
          {formActions}
        </PhoneActionBar>
      </Stack>
    </form>
  );
}

/** Records a planned visit (`visit`) or, without one, a visit made outside the plan. */
export function RecordVisitModal(props: {
  detail: CaseDetail;
  followUp: FollowUp;
  visit: FollowUpVisit | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // A visit is written on the doorstep: on a phone the form takes the whole screen.
  const phone = usePhoneLayout();
  return (
    <GuardedModal
      opened={props.opened}
      onClose={props.onClose}
      title={t(props.visit ? 'followUp.visit.recordTitle' : 'followUp.visit.unscheduledTitle')}
      size="lg"
      fullScreen={phone}
    >
      {props.opened && <VisitForm detail={props.detail} followUp={props.followUp} visit={props.visit} onDone={props.onClose} />}
    </GuardedModal>
  );
}
