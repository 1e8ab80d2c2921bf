import { Alert, Radio, Stack, Text, Textarea } from '@mantine/core';
import type { CrossBorderReferral, FieldError } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { DateInput } from '../../components/DateInput';
import { FormFooter } from '../../components/FormFooter';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { todayIso } from '../caseRecord/common/options';
import { consentRefusalOf, isConflict } from '../caseRecord/problems';
import { type AnswerDecision, checkAnswer, checkOutcome, checkWithdrawal } from './crossBorderReferralView';
import { useCrossBorderReferralStep } from './queries';
import { useCrossBorderReferralFieldErrors } from './useCrossBorderReferralFieldErrors';

export interface StepFormProps {
  referral: CrossBorderReferral;
  onDone: (updated: CrossBorderReferral) => void;
  onCancel: () => void;
}

/**
 * The step's mutation with the form's field messages. A step that no longer fits (the other side
 * or a colleague moved the referral on) says so, and the page, read again, shows where it stands;
 * a consent that lapsed says why nothing more is done on it.
 */
function useStepForm(referralId: string) {
  const { t } = useTranslation();
  const step = useCrossBorderReferralStep(referralId);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const errors = useCrossBorderReferralFieldErrors(clientErrors, step.error);
  const refusal = consentRefusalOf(step.error);
  const onFields = step.error instanceof ApiProblem && !refusal && step.error.errors.length > 0;
  const problem = isConflict(step.error) ? (
    <Alert color="orange" variant="light" role="alert">
      {t('crossBorderReferral.action.outOfStep')}
    </Alert>
  ) : refusal ? (
    <Alert color="orange" variant="light" role="alert">
      {t(`crossBorderReferral.consentRefusal.${refusal}`)}
    </Alert>
  ) : (
    !onFields && <ProblemAlert error={step.error} />
  );
  return { step, errors, setClientErrors, problem };
}

/** The receiving agency accepts the referral, or declines it saying why. */
export function AnswerForm({ referral, onDone, onCancel }: StepFormProps) {
  const { t } = useTranslation();
  const { step, errors, setClientErrors, problem } = useStepForm(referral.id);
  const { values, setField, draft } = useDraftForm<{ decision: AnswerDecision | null; note: string }>(
    { decision: null, note: '' },
    { form: 'cross-border-answer', record: referral.id },
  );
  const { decision, note } = values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAnswer(decision, note);
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'answer', body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Radio.Group
          label={t('crossBorderReferral.answer.decision')}
          value={decision}
          onChange={(value) => setField('decision', value === 'accept' || value === 'decline' ? value : null)}
          error={errors.decision}
          required
        >
          <Stack gap="xs" mt="xs">
            <Radio value="accept" label={t('crossBorderReferral.answer.choices.accept')} />
            <Radio value="decline" label={t('crossBorderReferral.answer.choices.decline')} />
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('crossBorderReferral.answer.note')}
          description={t('crossBorderReferral.answer.noteHint')}
          value={note}
          onChange={(event) => setField('note', event.currentTarget.value)}
          error={errors.note}
          autosize
          minRows={2}
          maxLength={1000}
          required={decision === 'decline'}
        />
        {problem}
        <FormFooter onCancel={onCancel} submitting={step.isPending} submitLabel={t('crossBorderReferral.action.answer.submit')} />
      </Stack>
    </form>
  );
}

/** The receiving agency says what was done and when: the referral is then completed on both sides. */
export function OutcomeForm({ referral, onDone, onCancel }: StepFormProps) {
  const { t } = useTranslation();
  const { step, errors, setClientErrors, problem } = useStepForm(referral.id);
  const { values, setField, draft } = useDraftForm<{ completedOn: string; outcome: string }>(
    { completedOn: todayIso(), outcome: '' },
    { form: 'cross-border-outcome', record: referral.id },
  );
  const { completedOn, outcome } = values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkOutcome(completedOn, outcome);
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'report_outcome', body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <DateInput
          label={t('crossBorderReferral.outcome.completedOn')}
          value={completedOn}
          onChange={(value) => setField('completedOn', value)}
          error={errors.completedOn}
          required
        />
        <Textarea
          label={t('crossBorderReferral.outcome.outcome')}
          description={t('crossBorderReferral.outcome.outcomeHint')}
          value={outcome}
          onChange={(event) => setField('outcome', event.currentTarget.value)}
          error={errors.outcome}
          autosize
          minRows={4}
          maxLength={4000}
          required
        />
        {problem}
        <FormFooter onCancel={onCancel} submitting={step.isPending} submitLabel={t('crossBorderReferral.action.report_outcome.submit')} />
      </Stack>
    </form>
  );
}

/** The sending agency takes the referral back while it is open; the modal around it is the confirmation. */
export function WithdrawForm({ referral, onDone, onCancel }: StepFormProps) {
  const { t } = useTranslation();
  const { step, errors, setClientErrors, problem } = useStepForm(referral.id);
  const { values, setField, draft } = useDraftForm<{ reason: string }>(
    { reason: '' },
    { form: 'cross-border-withdraw', record: referral.id },
  );
  const { reason } = values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkWithdrawal(reason);
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'withdraw', body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">{t('crossBorderReferral.action.withdraw.body', { partner: referral.partner.name })}</Text>
        <Textarea
          label={t('crossBorderReferral.action.withdraw.reason')}
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
          submitLabel={t('crossBorderReferral.action.withdraw.submit')}
          color="red"
        />
      </Stack>
    </form>
  );
}
