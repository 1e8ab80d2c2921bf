import { Button, Group } from '@mantine/core';
import type { Repatriation, RepatriationAction } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuardedModal } from '../../components/GuardedModal';
import { FollowUpReportForm, OpenCaseForm, SignHandoverForm } from './HandoverForms';
import { ScheduleMeetingForm } from './Meetings';
import { AssessFamilyForm, DecideForm, PlanHandoverForm, VerifyForm, WithdrawForm } from './StepForms';

function ActionForm({ repatriation, action, onClose }: { repatriation: Repatriation; action: RepatriationAction; onClose: () => void }) {
  const props = { repatriation, onDone: onClose, onCancel: onClose };
  switch (action) {
    case 'verify':
      return <VerifyForm {...props} />;
    case 'assess_family':
      return <AssessFamilyForm {...props} />;
    case 'decide':
      return <DecideForm {...props} />;
    case 'plan_handover':
      return <PlanHandoverForm {...props} />;
    case 'sign_handover':
      return <SignHandoverForm {...props} />;
    case 'open_case':
      return <OpenCaseForm repatriation={repatriation} onCancel={onClose} />;
    case 'report_follow_up':
      return repatriation.caseId ? <FollowUpReportForm {...props} caseId={repatriation.caseId} /> : null;
    case 'withdraw':
      return <WithdrawForm {...props} />;
    case 'schedule_meeting':
      return <ScheduleMeetingForm {...props} />;
    // What was agreed belongs to one meeting: it is recorded from that meeting's card.
    case 'record_meeting':
      return null;
  }
}

/**
 * Exactly the steps the server says this side may take now, each a button opening its form;
 * recording what a meeting agreed is offered on that meeting.
 */
export function RepatriationActions({ repatriation }: { repatriation: Repatriation }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<RepatriationAction | null>(null);
  const forward = repatriation.actions.filter((candidate) => candidate !== 'withdraw' && candidate !== 'record_meeting');
  const withdrawable = repatriation.actions.includes('withdraw');
  // The open form stays when its step takes the action away (opening the case shows the new case's link).
  return (
    <>
      {(forward.length > 0 || withdrawable) && (
        <Group gap="xs" wrap="wrap">
          {forward.map((candidate, index) => (
            <Button key={candidate} variant={index === 0 ? 'filled' : 'light'} onClick={() => setAction(candidate)}>
              {t(`repatriation.action.${candidate}.button`)}
            </Button>
          ))}
          {withdrawable && (
            <Button variant="outline" color="red" onClick={() => setAction('withdraw')}>
              {t('repatriation.action.withdraw.button')}
            </Button>
          )}
        </Group>
      )}
      <GuardedModal
        opened={action !== null}
        onClose={() => setAction(null)}
        size="lg"
        title={action ? t(`repatriation.action.${action}.title`) : ''}
      >
        {action && <ActionForm key={action} repatriation={repatriation} action={action} onClose={() => setAction(null)} />}
      </GuardedModal>
    </>
  );
}
