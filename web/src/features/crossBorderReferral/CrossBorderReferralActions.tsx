import { Button, Group } from '@mantine/core';
import type { CrossBorderReferral, CrossBorderReferralAction } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuardedModal } from '../../components/GuardedModal';
import { offeredSteps } from './crossBorderReferralView';
import { AnswerForm, OutcomeForm, WithdrawForm } from './StepForms';

const FORMS = { answer: AnswerForm, report_outcome: OutcomeForm, withdraw: WithdrawForm } as const;

/** Exactly the steps the server says this side may take now, each a button opening its form. */
export function CrossBorderReferralActions({ referral }: { referral: CrossBorderReferral }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<CrossBorderReferralAction | null>(null);
  const { forward, withdraw } = offeredSteps(referral.actions);
  const close = () => setAction(null);
  const Form = action ? FORMS[action] : null;
  return (
    <>
      {(forward.length > 0 || withdraw) && (
        <Group gap="xs" wrap="wrap">
          {forward.map((candidate, index) => (
            <Button key={candidate} variant={index === 0 ? 'filled' : 'light'} onClick={() => setAction(candidate)}>
              {t(`crossBorderReferral.action.${candidate}.button`)}
            </Button>
          ))}
          {withdraw && (
            <Button variant="outline" color="red" onClick={() => setAction('withdraw')}>
              {t('crossBorderReferral.action.withdraw.button')}
            </Button>
          )}
        </Group>
      )}
      <GuardedModal
        opened={action !== null}
        onClose={close}
        size="lg"
        title={action ? t(`crossBorderReferral.action.${action}.title`) : ''}
      >
        {Form && <Form key={action} referral={referral} onDone={close} onCancel={close} />}
      </GuardedModal>
    </>
  );
}
