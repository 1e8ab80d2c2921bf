import { Stack, Text, Textarea } from '@mantine/core';
import { type FieldError, type Partner, partnerStatusChangeSchema } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { ACTION_STATUS, type PartnerStatusAction } from './federationView';
import { useChangePartnerStatus } from './queries';

const SUBMIT_COLORS: Record<PartnerStatusAction, string | undefined> = { suspend: 'orange', revoke: 'red', reactivate: undefined };

function StatusForm({ partner, action, onDone }: { partner: Partner; action: PartnerStatusAction; onDone: () => void }) {
  const { t } = useTranslation();
  const { values, setField, draft } = useDraftForm<{ reason: string }>(
    { reason: '' },
    { form: 'partner-status', record: `${partner.id}:${action}` },
  );
  const { reason } = values;
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const change = useChangePartnerStatus();
  const errors = useFieldErrors(clientErrors, change.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(partnerStatusChangeSchema, { status: ACTION_STATUS[action], reason });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) change.mutate({ partnerId: partner.id, body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">{t(`federation.statusChange.${action}.body`)}</Text>
        <Textarea
          label={t('federation.statusChange.reason')}
          description={t('federation.statusChange.reasonHint')}
          value={reason}
          onChange={(event) => setField('reason', event.currentTarget.value)}
          error={errors.reason}
          required
          autosize
          minRows={2}
          maxLength={500}
        />
        <ProblemAlert error={change.error} />
        <FormFooter
          onCancel={onDone}
          submitting={change.isPending}
          submitLabel={t(`federation.statusChange.${action}.submit`)}
          color={SUBMIT_COLORS[action]}
        />
      </Stack>
    </form>
  );
}

/** Suspending, revoking or restoring trust in a partner, confirmed with the reason the audit keeps. */
export function PartnerStatusModal({
  target,
  onClose,
}: {
  target: { partner: Partner; action: PartnerStatusAction } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <GuardedModal
      opened={target !== null}
      onClose={onClose}
      title={target ? t(`federation.statusChange.${target.action}.title`, { name: target.partner.name }) : ''}
    >
      {target && <StatusForm key={`${target.partner.id}-${target.action}`} {...target} onDone={onClose} />}
    </GuardedModal>
  );
}
