import { Button, Group, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import {
  externalReferralInputSchema,
  type FieldError,
  REFERRAL_DIRECTIONS,
  type ReferralDirection,
  SERVICE_AREAS,
  type ServiceArea,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { validate } from '../../lib/validation';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { useRecordExternalReferral } from './queries';

type Draft = {
  direction: ReferralDirection;
  organisation: string;
  caseWorker: string;
  serviceArea: ServiceArea | null;
  referredOn: string;
  reason: string;
  details: string;
};

const EMPTY: Draft = {
  direction: 'incoming',
  organisation: '',
  caseWorker: '',
  serviceArea: null,
  referredOn: '',
  reason: '',
  details: '',
};

function ExternalReferralForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { values, setField, draft } = useDraftForm<Draft>(EMPTY, { form: 'external-referral', record: caseId });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const record = useRecordExternalReferral(caseId);
  const errors = useRecordFieldErrors(clientErrors, record.error);
  const set = <Key extends keyof Draft>(key: Key, value: Draft[Key]) => {
    record.reset();
    setField(key, value);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(externalReferralInputSchema, {
      direction: values.direction,
      organisation: values.organisation,
      caseWorker: values.caseWorker.trim() || null,
      serviceArea: values.serviceArea,
      referredOn: values.referredOn,
      reason: values.reason,
      details: values.details.trim() || null,
    });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) record.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <SegmentedControl
          value={values.direction}
          onChange={(value) => set('direction', oneOf(value, REFERRAL_DIRECTIONS) ?? 'incoming')}
          data={REFERRAL_DIRECTIONS.map((value) => ({ value, label: t(`referrals.external.${value}`) }))}
        />
        <TextInput
          label={t('referrals.external.organisation')}
          value={values.organisation}
          onChange={(event) => set('organisation', event.currentTarget.value)}
          error={errors.organisation}
          maxLength={200}
          required
        />
        <TextInput
          label={t('referrals.external.caseWorker')}
          value={values.caseWorker}
          onChange={(event) => set('caseWorker', event.currentTarget.value)}
          error={errors.caseWorker}
          maxLength={200}
        />
        <Group grow wrap="wrap" align="flex-start">
          <Select
            label={t('referrals.dialog.serviceArea')}
            data={SERVICE_AREAS.map((area) => ({ value: area, label: t(`serviceDirectory.areas.${area}`) }))}
            value={values.serviceArea}
            onChange={(value) => set('serviceArea', oneOf(value, SERVICE_AREAS) ?? null)}
            error={errors.serviceArea}
            clearable
            miw={160}
          />
          <DateInput
            label={t('referrals.external.referredOn')}
            value={values.referredOn}
            onChange={(value) => set('referredOn', value)}
            error={errors.referredOn}
            required
            miw={140}
          />
        </Group>
        <TextInput
          label={t('referrals.dialog.reason')}
          value={values.reason}
          onChange={(event) => set('reason', event.currentTarget.value)}
          error={errors.reason}
          maxLength={500}
          required
        />
        <Textarea
          label={t('referrals.dialog.details')}
          value={values.details}
          onChange={(event) => set('details', event.currentTarget.value)}
          error={errors.details}
          autosize
          minRows={2}
          maxLength={4000}
        />
        <ProblemAlert error={record.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {t('referrals.external.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A referral with an organisation that is not on the platform, kept with the case (HTCDS referral fields). */
export function ExternalReferralDialog({ caseId, opened, onClose }: { caseId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={opened} onClose={onClose} size="lg" title={t('referrals.external.title')}>
      {opened && <ExternalReferralForm caseId={caseId} onDone={onClose} />}
    </GuardedModal>
  );
}
