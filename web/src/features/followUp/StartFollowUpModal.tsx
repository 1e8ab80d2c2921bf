import { Alert, Button, Group, List, Loader, Select, Stack, Text } from '@mantine/core';
import type { CaseDetail, FollowUpPolicy } from '@seamless/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { FormattedDate } from '../../components/FormattedDate';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../lib/drafts/formGuard';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { todayIso } from '../caseRecord/common/options';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { useFollowUpPreview, useStartFollowUp } from './queries';

export const policyLabel = (policy: FollowUpPolicy) => (policy.agencyName ? `${policy.name} — ${policy.agencyName}` : policy.name);

/** The start day and policy, then the dates it plans shown before anything is saved. */
export function StartFields({
  caseId,
  policies,
  startOn,
  policyId,
  onStartOn,
  onPolicy,
  errors,
}: {
  caseId: string;
  policies: FollowUpPolicy[];
  startOn: string;
  policyId: string | null;
  onStartOn: (value: string) => void;
  onPolicy: (value: string | null) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const preview = useFollowUpPreview(caseId, startOn, policyId);
  return (
    <Stack gap="sm">
      <DateInput
        label={t('followUp.start.startOn')}
        description={t('followUp.start.startOnHint')}
        value={startOn}
        onChange={onStartOn}
        error={errors.startOn}
        required
      />
      <Select
        label={t('followUp.start.policy')}
        description={t('followUp.start.policyHint')}
        data={policies.map((policy) => ({ value: policy.id, label: policyLabel(policy) }))}
        value={policyId}
        onChange={onPolicy}
        error={errors.policyId}
        clearable
      />
      {preview.isLoading && <Loader size="sm" aria-label={t('followUp.start.previewLoading')} />}
      {preview.data && (
        <Alert
          variant="light"
          color="blue"
          title={t('followUp.start.preview', { count: preview.data.dates.length, policy: preview.data.policy.name })}
        >
          <List size="sm" spacing={2}>
            {preview.data.dates.map((date, index) => (
              <List.Item key={date}>
                {t('followUp.visit.number', { number: index + 1 })}: <FormattedDate value={date} />
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {preview.error && <ProblemAlert error={preview.error} />}
    </Stack>
  );
}

function StartForm({ detail, policies, onDone }: { detail: CaseDetail; policies: FollowUpPolicy[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { values, setField, draft } = useDraftForm<{ startOn: string; policyId: string | null }>(
    { startOn: todayIso(), policyId: null },
    { form: 'follow-up-start', record: detail.id },
  );
  const { startOn, policyId } = values;
  const cancel = useGuardedCancel(onDone);
  const start = useStartFollowUp(detail.id);
  const errors = useRecordFieldErrors([], start.error, { policyId: t('followUp.error.policy') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({ startOn, ...(policyId ? { policyId } : {}) }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">{t('followUp.start.intro')}</Text>
        <StartFields
          caseId={detail.id}
          policies={policies}
          startOn={startOn}
          policyId={policyId}
          onStartOn={(value) => setField('startOn', value)}
          onPolicy={(value) => setField('policyId', value)}
          errors={errors}
        />
        <ProblemAlert error={start.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={start.isPending}>
            {t('followUp.start.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function StartFollowUpModal(props: { detail: CaseDetail; policies: FollowUpPolicy[]; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={props.opened} onClose={props.onClose} title={t('followUp.start.title')} size="lg">
      {props.opened && <StartForm detail={props.detail} policies={props.policies} onDone={props.onClose} />}
    </GuardedModal>
  );
}
