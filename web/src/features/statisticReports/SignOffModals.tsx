import { Stack, Text, TextInput } from '@mantine/core';
import { type FieldError, reportApprovalSchema, type StatisticReport } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { useMe } from '../auth/MeContext';
import { useApproveReport, useReleaseReport } from './queries';

interface SignOffProps {
  report: StatisticReport;
  onDone: () => void;
}

function ApproveForm({ report, onDone }: SignOffProps) {
  const { t } = useTranslation();
  const me = useMe();
  const { values, setField, draft } = useDraftForm<{ signatoryName: string; signatoryPosition: string }>(
    { signatoryName: me.displayName, signatoryPosition: '' },
    { form: 'report-approval', record: report.id },
  );
  const { signatoryName, signatoryPosition } = values;
  // The version the approver opened: figures changed meanwhile make this a conflict, not a signature on other numbers.
  const [version] = useState(report.version);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const approve = useApproveReport();
  const errors = useFieldErrors(clientErrors, approve.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(reportApprovalSchema, { signatoryName, signatoryPosition, version });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) approve.mutate({ id: report.id, body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">{t('statisticReports.approve.body')}</Text>
        <TextInput
          label={t('statisticReports.approve.signatoryName')}
          value={signatoryName}
          onChange={(event) => setField('signatoryName', event.currentTarget.value)}
          error={errors.signatoryName}
          required
          maxLength={200}
          data-autofocus
        />
        <TextInput
          label={t('statisticReports.approve.signatoryPosition')}
          description={t('statisticReports.approve.signatoryPositionHint')}
          value={signatoryPosition}
          onChange={(event) => setField('signatoryPosition', event.currentTarget.value)}
          error={errors.signatoryPosition}
          required
          maxLength={200}
        />
        <ProblemAlert error={approve.error} />
        <FormFooter onCancel={onDone} submitting={approve.isPending} submitLabel={t('statisticReports.approve.submit')} />
      </Stack>
    </form>
  );
}

function ReleaseForm({ report, onDone }: SignOffProps) {
  const { t } = useTranslation();
  const release = useReleaseReport();
  const [version] = useState(report.version);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    release.mutate({ id: report.id, body: { version } }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('statisticReports.release.body')}</Text>
        <ProblemAlert error={release.error} />
        <FormFooter onCancel={onDone} submitting={release.isPending} submitLabel={t('statisticReports.release.submit')} color="orange" />
      </Stack>
    </form>
  );
}

export type SignOffStep = 'approve' | 'release';

/** Approving signs the figures with a name and position; releasing publishes them for good. */
export function SignOffModal({ report, step, onClose }: { report: StatisticReport; step: SignOffStep | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={step !== null} onClose={onClose} title={step ? t(`statisticReports.${step}.title`) : ''}>
      {step === 'approve' && <ApproveForm report={report} onDone={onClose} />}
      {step === 'release' && <ReleaseForm report={report} onDone={onClose} />}
    </GuardedModal>
  );
}
