import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  type CaseDetail,
  FOLLOW_UP_CLOSURE_REASONS,
  type FollowUpClosureReason,
  type FollowUpPolicy,
  type FollowUpVisit,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { FormattedDate } from '../../components/FormattedDate';
import { ProblemAlert } from '../../components/ProblemAlert';
import { oneOf } from '../../lib/oneOf';
import { todayIso } from '../caseRecord/common/options';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { useCloseFollowUp, useReopenFollowUp, useRescheduleVisit } from './queries';
import { StartFields } from './StartFollowUpModal';

function Actions({ onCancel, submitLabel, pending }: { onCancel: () => void; submitLabel: string; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </Group>
  );
}

function RescheduleForm({ caseId, visit, onDone }: { caseId: string; visit: FollowUpVisit; onDone: () => void }) {
  const { t } = useTranslation();
  const [scheduledOn, setScheduledOn] = useState(visit.scheduledOn ?? todayIso());
  const [reason, setReason] = useState('');
  const reschedule = useRescheduleVisit(caseId);
  const errors = useRecordFieldErrors([], reschedule.error, { scheduledOn: t('followUp.error.scheduledOn') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reschedule.mutate({ visitId: visit.id, body: { scheduledOn, reason, version: visit.version } }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {t('followUp.visit.planned')}: <FormattedDate value={visit.scheduledOn} />
        </Text>
        <DateInput
          label={t('followUp.reschedule.scheduledOn')}
          value={scheduledOn}
          onChange={setScheduledOn}
          error={errors.scheduledOn}
          required
        />
        <TextInput
          label={t('followUp.reschedule.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          required
        />
        <ProblemAlert error={reschedule.error} />
        <Actions onCancel={onDone} submitLabel={t('followUp.reschedule.submit')} pending={reschedule.isPending} />
      </Stack>
    </form>
  );
}

export function RescheduleModal(props: { caseId: string; visit: FollowUpVisit | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!props.visit} onClose={props.onClose} title={t('followUp.reschedule.title')}>
      {props.visit && <RescheduleForm caseId={props.caseId} visit={props.visit} onDone={props.onClose} />}
    </Modal>
  );
}

function CloseForm({ detail, mayCloseCase, onDone }: { detail: CaseDetail; mayCloseCase: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<FollowUpClosureReason | null>(null);
  const [note, setNote] = useState('');
  const [closeCase, setCloseCase] = useState(false);
  const close = useCloseFollowUp(detail.id);
  const errors = useRecordFieldErrors([], close.error, { note: t('followUp.error.note') });
  const [reasonMissing, setReasonMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setReasonMissing(!reason);
    if (reason) close.mutate({ reason, note, closeCase }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label={t('followUp.close.reason')}
          data={FOLLOW_UP_CLOSURE_REASONS.map((value) => ({ value, label: t(`followUp.closureReason.${value}`) }))}
          value={reason}
          onChange={(value) => setReason(oneOf(value, FOLLOW_UP_CLOSURE_REASONS) ?? null)}
          error={reasonMissing ? t('followUp.error.reason') : errors.reason}
          required
        />
        <Textarea
          label={t('followUp.close.note')}
          description={t('followUp.close.noteHint')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.note}
          required={reason === 'other'}
          autosize
          minRows={2}
        />
        {mayCloseCase && (
          <Checkbox
            label={t('followUp.close.closeCase')}
            description={t('followUp.close.closeCaseHint')}
            checked={closeCase}
            onChange={(event) => setCloseCase(event.currentTarget.checked)}
          />
        )}
        <Text size="sm" c="dimmed">
          {t('followUp.close.cancelsVisits')}
        </Text>
        <ProblemAlert error={close.error} />
        <Actions onCancel={onDone} submitLabel={t('followUp.close.submit')} pending={close.isPending} />
      </Stack>
    </form>
  );
}

export function CloseFollowUpModal(props: { detail: CaseDetail; mayCloseCase: boolean; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('followUp.close.title')}>
      {props.opened && <CloseForm detail={props.detail} mayCloseCase={props.mayCloseCase} onDone={props.onClose} />}
    </Modal>
  );
}

function ReopenForm({ detail, policies, onDone }: { detail: CaseDetail; policies: FollowUpPolicy[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [restart, setRestart] = useState(true);
  const [startOn, setStartOn] = useState(todayIso());
  const [policyId, setPolicyId] = useState<string | null>(null);
  const reopen = useReopenFollowUp(detail.id);
  const errors = useRecordFieldErrors([], reopen.error, { 'restart.policyId': t('followUp.error.policy') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reopen.mutate({ reason, ...(restart ? { restart: { startOn, ...(policyId ? { policyId } : {}) } } : {}) }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Textarea
          label={t('followUp.reopen.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          required
          autosize
          minRows={2}
        />
        <Checkbox label={t('followUp.reopen.restart')} checked={restart} onChange={(event) => setRestart(event.currentTarget.checked)} />
        {restart && (
          <StartFields
            caseId={detail.id}
            policies={policies}
            startOn={startOn}
            policyId={policyId}
            onStartOn={setStartOn}
            onPolicy={setPolicyId}
            errors={{ startOn: errors['restart.startOn'] ?? '', policyId: errors['restart.policyId'] ?? '' }}
          />
        )}
        <ProblemAlert error={reopen.error} />
        <Actions onCancel={onDone} submitLabel={t('followUp.reopen.submit')} pending={reopen.isPending} />
      </Stack>
    </form>
  );
}

export function ReopenFollowUpModal(props: { detail: CaseDetail; policies: FollowUpPolicy[]; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('followUp.reopen.title')} size="lg">
      {props.opened && <ReopenForm detail={props.detail} policies={props.policies} onDone={props.onClose} />}
    </Modal>
  );
}
