import { Button, Checkbox, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
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
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../lib/drafts/formGuard';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { todayIso } from '../caseRecord/common/options';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { useCloseFollowUp, useReopenFollowUp, useRescheduleVisit } from './queries';
import { StartFields } from './StartFollowUpModal';

function Actions({ onCancel, submitLabel, pending }: { onCancel: () => void; submitLabel: string; pending: boolean }) {
  const { t } = useTranslation();
  const cancel = useGuardedCancel(onCancel);
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={cancel}>
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
  const { values, setField, draft } = useDraftForm<{ scheduledOn: string; reason: string }>(
    { scheduledOn: visit.scheduledOn ?? todayIso(), reason: '' },
    { form: 'follow-up-reschedule', record: `${caseId}:${visit.id}` },
  );
  const { scheduledOn, reason } = values;
  const reschedule = useRescheduleVisit(caseId);
  const errors = useRecordFieldErrors([], reschedule.error, { scheduledOn: t('followUp.error.scheduledOn') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reschedule.mutate({ visitId: visit.id, body: { scheduledOn, reason, version: visit.version } }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">
          {t('followUp.visit.planned')}: <FormattedDate value={visit.scheduledOn} />
        </Text>
        <DateInput
          label={t('followUp.reschedule.scheduledOn')}
          value={scheduledOn}
          onChange={(value) => setField('scheduledOn', value)}
          error={errors.scheduledOn}
          required
        />
        <TextInput
          label={t('followUp.reschedule.reason')}
          value={reason}
          onChange={(event) => setField('reason', event.currentTarget.value)}
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
    <GuardedModal opened={!!props.visit} onClose={props.onClose} title={t('followUp.reschedule.title')}>
      {props.visit && <RescheduleForm caseId={props.caseId} visit={props.visit} onDone={props.onClose} />}
    </GuardedModal>
  );
}

function CloseForm({ detail, mayCloseCase, onDone }: { detail: CaseDetail; mayCloseCase: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const { values, setField, draft } = useDraftForm<{ reason: FollowUpClosureReason | null; note: string; closeCase: boolean }>(
    { reason: null, note: '', closeCase: false },
    { form: 'follow-up-close', record: detail.id },
  );
  const { reason, note, closeCase } = values;
  const close = useCloseFollowUp(detail.id);
  const errors = useRecordFieldErrors([], close.error, { note: t('followUp.error.note') });
  const [reasonMissing, setReasonMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setReasonMissing(!reason);
    if (reason) close.mutate({ reason, note, closeCase }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Select
          label={t('followUp.close.reason')}
          data={FOLLOW_UP_CLOSURE_REASONS.map((value) => ({ value, label: t(`followUp.closureReason.${value}`) }))}
          value={reason}
          onChange={(value) => setField('reason', oneOf(value, FOLLOW_UP_CLOSURE_REASONS) ?? null)}
          error={reasonMissing ? t('followUp.error.reason') : errors.reason}
          required
        />
        <Textarea
          label={t('followUp.close.note')}
          description={t('followUp.close.noteHint')}
          value={note}
          onChange={(event) => setField('note', event.currentTarget.value)}
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
            onChange={(event) => setField('closeCase', event.currentTarget.checked)}
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
    <GuardedModal opened={props.opened} onClose={props.onClose} title={t('followUp.close.title')}>
      {props.opened && <CloseForm detail={props.detail} mayCloseCase={props.mayCloseCase} onDone={props.onClose} />}
    </GuardedModal>
  );
}

function ReopenForm({ detail, policies, onDone }: { detail: CaseDetail; policies: FollowUpPolicy[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { values, setField, draft } = useDraftForm<{ reason: string; restart: boolean; startOn: string; policyId: string | null }>(
    { reason: '', restart: true, startOn: todayIso(), policyId: null },
    { form: 'follow-up-reopen', record: detail.id },
  );
  const { reason, restart, startOn, policyId } = values;
  const reopen = useReopenFollowUp(detail.id);
  const errors = useRecordFieldErrors([], reopen.error, { 'restart.policyId': t('followUp.error.policy') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reopen.mutate(
      { reason, ...(restart ? { restart: { startOn, ...(policyId ? { policyId } : {}) } } : {}) },
      { onSuccess: draft.clearing(onDone) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Textarea
          label={t('followUp.reopen.reason')}
          value={reason}
          onChange={(event) => setField('reason', event.currentTarget.value)}
          error={errors.reason}
          required
          autosize
          minRows={2}
        />
        <Checkbox
          label={t('followUp.reopen.restart')}
          checked={restart}
          onChange={(event) => setField('restart', event.currentTarget.checked)}
        />
        {restart && (
          <StartFields
            caseId={detail.id}
            policies={policies}
            startOn={startOn}
            policyId={policyId}
            onStartOn={(value) => setField('startOn', value)}
            onPolicy={(value) => setField('policyId', value)}
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
    <GuardedModal opened={props.opened} onClose={props.onClose} title={t('followUp.reopen.title')} size="lg">
      {props.opened && <ReopenForm detail={props.detail} policies={props.policies} onDone={props.onClose} />}
    </GuardedModal>
  );
}
