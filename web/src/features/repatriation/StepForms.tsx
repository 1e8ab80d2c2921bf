import { Alert, Checkbox, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  FAMILY_ASSESSMENT_OUTCOMES,
  type FamilyAssessmentOutcome,
  type FieldError,
  familyAssessmentInputSchema,
  handoverPlanInputSchema,
  REPATRIATION_CHANNELS,
  type Repatriation,
  type RepatriationChannel,
  repatriationDecisionInputSchema,
  repatriationWithdrawInputSchema,
  VERIFICATION_OUTCOMES,
  verificationInputSchema,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { FormFooter } from '../../components/FormFooter';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { validate } from '../../lib/validation';
import { blankToNull, todayIso } from '../caseRecord/common/options';
import { consentRefusalOf, isConflict } from '../caseRecord/problems';
import { useRepatriationStep } from './queries';
import { useRepatriationFieldErrors } from './useRepatriationFieldErrors';

export interface StepFormProps {
  repatriation: Repatriation;
  onDone: (updated: Repatriation) => void;
  onCancel: () => void;
}

/**
 * The step's mutation with the form's field messages. A consent refusal stays on the consent
 * field; a step that no longer fits (the other side or a colleague moved the repatriation on) says
 * so, and the page, read again, shows where it stands.
 */
export function useStepForm(repatriationId: string) {
  const { t } = useTranslation();
  const step = useRepatriationStep(repatriationId);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const errors = useRepatriationFieldErrors(clientErrors, step.error);
  const problem = isConflict(step.error) ? (
    <Alert color="orange" variant="light" role="alert">
      {t('repatriation.action.outOfStep')}
    </Alert>
  ) : consentRefusalOf(step.error) ? null : (
    <ProblemAlert error={step.error} />
  );
  return { step, errors, setClientErrors, problem };
}

export function VerifyForm({ repatriation, onDone, onCancel }: StepFormProps) {
  const { t } = useTranslation();
  const { step, errors, setClientErrors, problem } = useStepForm(repatriation.id);
  const { values, setField, draft } = useDraftForm<{
    outcome: (typeof VERIFICATION_OUTCOMES)[number] | null;
    method: string;
    verifiedOn: string;
    notes: string;
  }>({ outcome: null, method: '', verifiedOn: todayIso(), notes: '' }, { form: 'repatriation-verify', record: repatriation.id });
  const { outcome, method, verifiedOn, notes } = values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(verificationInputSchema, { outcome: outcome ?? undefined, method, verifiedOn, notes: blankToNull(notes) });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'verify', body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Radio.Group
          label={t('repatriation.verification.outcome')}
          value={outcome}
          onChange={(value) => setField('outcome', oneOf(value, VERIFICATION_OUTCOMES) ?? null)}
          error={errors.outcome}
          required
        >
          <Stack gap="xs" mt="xs">
            {VERIFICATION_OUTCOMES.map((value) => (
              <Radio key={value} value={value} label={t(`repatriation.verification.outcomes.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('repatriation.verification.method')}
          description={t('repatriation.verification.methodHint')}
          value={method}
          onChange={(event) => setField('method', event.currentTarget.value)}
          error={errors.method}
          autosize
          minRows={2}
          maxLength={500}
          required
        />
        <DateInput
          label={t('repatriation.verification.verifiedOn')}
          value={verifiedOn}
          onChange={(value) => setField('verifiedOn', value)}
          error={errors.verifiedOn}
          required
        />
        <Textarea
          label={t('repatriation.verification.notes')}
          value={notes}
          onChange={(event) => setField('notes', event.currentTarget.value)}
          error={errors.notes}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {problem}
        <FormFooter onCancel={onCancel} submitting={step.isPending} submitLabel={t('repatriation.action.verify.submit')} />
      </Stack>
    </form>
  );
}

export function AssessFamilyForm({ repatriation, onDone, onCancel }: StepFormProps) {
  const { t } = useTranslation();
  const { step, errors, setClientErrors, problem } = useStepForm(repatriation.id);
  const { values, setField, draft } = useDraftForm<{
    outcome: FamilyAssessmentOutcome | null;
    familyTraced: boolean;
    assessedOn: string;
    summary: string;
  }>({ outcome: null, familyTraced: false, assessedOn: todayIso(), summary: '' }, { form: 'repatriation-family', record: repatriation.id });
  const { outcome, familyTraced, assessedOn, summary } = values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(familyAssessmentInputSchema, { outcome: outcome ?? undefined, familyTraced, assessedOn, summary });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'assess_family', body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Checkbox
          label={t('repatriation.family.familyTraced')}
          checked={familyTraced}
          onChange={(event) => setField('familyTraced', event.currentTarget.checked)}
        />
        <Select
          label={t('repatriation.family.outcome')}
          data={FAMILY_ASSESSMENT_OUTCOMES.map((value) => ({ value, label: t(`repatriation.family.outcomes.${value}`) }))}
          value={outcome}
          onChange={(value) => setField('outcome', oneOf(value, FAMILY_ASSESSMENT_OUTCOMES) ?? null)}
          error={errors.outcome}
          allowDeselect={false}
          required
        />
        <DateInput
          label={t('repatriation.family.assessedOn')}
          value={assessedOn}
          onChange={(value) => setField('assessedOn', value)}
          error={errors.assessedOn}
          required
        />
        <Textarea
          label={t('repatriation.family.summary')}
          description={t('repatriation.family.summaryHint')}
          value={summary}
          onChange={(event) => setField('summary', event.currentTarget.value)}
          error={errors.summary}
          autosize
          minRows={4}
          maxLength={4000}
          required
        />
        {problem}
        <FormFooter onCancel={onCancel} submitting={step.isPending} submitLabel={t('repatriation.action.assess_family.submit')} />
      </Stack>
    </form>
  );
}

export function DecideForm({ repatriation, onDone, onCancel }: StepFormProps) {
  const { t } = useTranslation();
  const { step, errors, setClientErrors, problem } = useStepForm(repatriation.id);
  const { values, setField, draft } = useDraftForm<{ decision: 'accept' | 'decline' | null; reason: string }>(
    { decision: null, reason: '' },
    { form: 'repatriation-decision', record: repatriation.id },
  );
  const { decision, reason } = values;
  const notSafe = repatriation.familyAssessment?.outcome === 'not_safe';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(repatriationDecisionInputSchema, { decision: decision ?? undefined, reason });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'decide', body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Radio.Group
          label={t('repatriation.decision.decision')}
          value={decision}
          onChange={(value) => setField('decision', value === 'accept' || value === 'decline' ? value : null)}
          error={errors.decision}
          required
        >
          <Stack gap="xs" mt="xs">
            <Radio value="accept" label={t('repatriation.decision.decisions.accept')} />
            <Radio value="decline" label={t('repatriation.decision.decisions.decline')} />
          </Stack>
        </Radio.Group>
        {notSafe && decision === 'accept' && (
          <Alert color="orange" variant="light">
            {t('repatriation.decision.notSafeWarning')}
          </Alert>
        )}
        <Textarea
          label={t('repatriation.decision.reason')}
          value={reason}
          onChange={(event) => setField('reason', event.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
          maxLength={1000}
          required
        />
        {problem}
        <FormFooter
          onCancel={onCancel}
          submitting={step.isPending}
          submitLabel={t('repatriation.action.decide.submit')}
          color={decision === 'decline' ? 'red' : undefined}
        />
      </Stack>
    </form>
  );
}

export function PlanHandoverForm({ repatriation, onDone, onCancel }: StepFormProps) {
  const { t } = useTranslation();
  const { step, errors, setClientErrors, problem } = useStepForm(repatriation.id);
  // A plan not yet signed may be proposed again: the form starts from the one on record.
  const { plan } = repatriation;
  const { values, setField, draft } = useDraftForm<{
    date: string;
    channel: RepatriationChannel | null;
    handoverPoint: string;
    notes: string;
  }>(
    {
      date: plan?.date ?? repatriation.proposedDate ?? '',
      channel: plan?.channel ?? null,
      handoverPoint: plan?.handoverPoint ?? '',
      notes: plan?.notes ?? '',
    },
    { form: 'repatriation-plan', record: repatriation.id },
  );
  const { date, channel, handoverPoint, notes } = values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(handoverPlanInputSchema, { date, channel: channel ?? undefined, handoverPoint, notes: blankToNull(notes) });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'plan_handover', body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <DateInput
          label={t('repatriation.plan.date')}
          value={date}
          onChange={(value) => setField('date', value)}
          error={errors.date}
          required
        />
        <Select
          label={t('repatriation.plan.channel')}
          data={REPATRIATION_CHANNELS.map((value) => ({ value, label: t(`repatriation.plan.channels.${value}`) }))}
          value={channel}
          onChange={(value) => setField('channel', oneOf(value, REPATRIATION_CHANNELS) ?? null)}
          error={errors.channel}
          allowDeselect={false}
          required
        />
        <TextInput
          label={t('repatriation.plan.handoverPoint')}
          description={t('repatriation.plan.handoverPointHint')}
          value={handoverPoint}
          onChange={(event) => setField('handoverPoint', event.currentTarget.value)}
          error={errors.handoverPoint}
          maxLength={300}
          required
        />
        <Textarea
          label={t('repatriation.plan.notes')}
          value={notes}
          onChange={(event) => setField('notes', event.currentTarget.value)}
          error={errors.notes}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {problem}
        <FormFooter onCancel={onCancel} submitting={step.isPending} submitLabel={t('repatriation.action.plan_handover.submit')} />
      </Stack>
    </form>
  );
}

export function WithdrawForm({ repatriation, onDone, onCancel }: StepFormProps) {
  const { t } = useTranslation();
  const { step, errors, setClientErrors, problem } = useStepForm(repatriation.id);
  const { values, setField, draft } = useDraftForm<{ reason: string }>(
    { reason: '' },
    { form: 'repatriation-withdraw', record: repatriation.id },
  );
  const { reason } = values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(repatriationWithdrawInputSchema, { reason });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'withdraw', body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">{t('repatriation.action.withdraw.body', { partner: repatriation.partner.name })}</Text>
        <Textarea
          label={t('repatriation.action.withdraw.reason')}
          value={reason}
          onChange={(event) => setField('reason', event.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
          maxLength={1000}
          required
        />
        {problem}
        <FormFooter onCancel={onCancel} submitting={step.isPending} submitLabel={t('repatriation.action.withdraw.submit')} color="red" />
      </Stack>
    </form>
  );
}
