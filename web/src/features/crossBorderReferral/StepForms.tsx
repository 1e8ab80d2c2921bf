import { Alert, Radio, Stack, Text, Textarea } from '@mantine/core';
import type { CrossBorderReferral, FieldError } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { DateInput } from '../../components/DateInput';
import { FormFooter } from '../../components/FormFooter';
import { ProblemAlert } from '../../components/ProblemAlert';
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
  const [decision, setDecision] = useState<AnswerDecision | null>(null);
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAnswer(decision, note);
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'answer', body: checked.data }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Radio.Group
          label={t('crossBorderReferral.answer.decision')}
          value={decision}
          onChange={(value) => setDecision(value === 'accept' || value === 'decline' ? value : null)}
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
          onChange={(event) => setNote(event.currentTarget.value)}
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
  const [completedOn, setCompletedOn] = useState(todayIso());
  const [outcome, setOutcome] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkOutcome(completedOn, outcome);
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'report_outcome', body: checked.data }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DateInput
          label={t('crossBorderReferral.outcome.completedOn')}
          value={completedOn}
          onChange={setCompletedOn}
          error={errors.completedOn}
          required
        />
        <Textarea
          label={t('crossBorderReferral.outcome.outcome')}
          description={t('crossBorderReferral.outcome.outcomeHint')}
          value={outcome}
          onChange={(event) => setOutcome(event.currentTarget.value)}
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
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkWithdrawal(reason);
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'withdraw', body: checked.data }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('crossBorderReferral.action.withdraw.body', { partner: referral.partner.name })}</Text>
        <Textarea
          label={t('crossBorderReferral.action.withdraw.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
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
