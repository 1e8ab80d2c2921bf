import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  type CaseSection,
  type FieldError,
  REFERRAL_URGENCIES,
  type Referral,
  type ReferralUrgency,
  referralInputSchema,
  SERVICE_AREAS,
  type ServiceArea,
  transferInputSchema,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { formatDate } from '../../lib/dates';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { validate } from '../../lib/validation';
import { AgencySelect } from '../caseRecord/common/AgencySelect';
import { useRecordFieldErrors } from '../caseRecord/common/useRecordFieldErrors';
import { consentGap } from '../caseRecord/consent/consentCheck';
import { SectionCheckboxes } from '../caseRecord/consent/SectionCheckboxes';
import { consentRefusalOf } from '../caseRecord/problems';
import { useAgencyDirectory, useCaseDetail, useConsents } from '../caseRecord/queries';
import { useDirectoryServices, useOfferTransfer, useSendReferral } from './queries';
import { referralConsents } from './referralView';

export interface ReferralDialogProps {
  caseId: string;
  opened: boolean;
  onClose: () => void;
  /** Preselected need, e.g. from a care-plan goal. */
  serviceArea?: ServiceArea;
  /** Preselected receiving agency. */
  agencyId?: string;
  /** Receives the referral (or transfer offer) the server created, e.g. for a care action to carry it. */
  onReferred?: (referral: Referral) => void;
  /** A handover of the whole case instead of a referral of one need. */
  transfer?: boolean;
}

type Draft = {
  toAgencyId: string | null;
  serviceArea: ServiceArea | null;
  directoryServiceId: string | null;
  consentId: string | null;
  sections: CaseSection[];
  reason: string;
  details: string;
  urgency: ReferralUrgency;
  dueOn: string;
};

function ReferralForm({
  caseId,
  serviceArea,
  agencyId,
  onDone,
  transfer,
}: Omit<ReferralDialogProps, 'opened' | 'onClose' | 'onReferred'> & { onDone: (referral: Referral) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const detail = useCaseDetail(caseId);
  const consents = useConsents(caseId);
  const directory = useAgencyDirectory();
  // Nothing is pre-ticked: what to share is a decision, not a default.
  const { values, setField, draft } = useDraftForm<Draft>(
    {
      toAgencyId: agencyId ?? null,
      serviceArea: serviceArea ?? null,
      directoryServiceId: null,
      consentId: null,
      sections: [],
      reason: '',
      details: '',
      urgency: 'routine',
      dueOn: '',
    },
    // A referral opened for a goal's need or an agency starts from those: its draft is its own.
    { form: transfer ? 'case-transfer' : 'referral', record: [caseId, serviceArea, agencyId].filter(Boolean).join(':') },
  );
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const send = useSendReferral(caseId);
  const offer = useOfferTransfer(caseId);
  const mutation = transfer ? offer : send;
  const errors = useRecordFieldErrors(clientErrors, mutation.error);
  const refusal = consentRefusalOf(mutation.error);
  const services = useDirectoryServices(transfer ? null : values.serviceArea);
  const set = <Key extends keyof Draft>(key: Key, value: Draft[Key]) => {
    mutation.reset();
    setField(key, value);
  };

  const ownerAgencyId = detail.data?.ownerAgencyId;
  const agencies = (directory.data?.items ?? []).filter((agency) => agency.id !== ownerAgencyId);
  const agency = agencies.find((item) => item.id === values.toAgencyId) ?? null;
  const usable = referralConsents(consents.data?.items ?? []);
  const consent = usable.find((item) => item.id === values.consentId) ?? null;
  const covered = transfer ? (consent?.sections ?? []) : values.sections;
  const gap =
    agency && consent && detail.data
      ? consentGap(consent, { agency, caseCountry: detail.data.countryCode, sections: transfer ? [...consent.sections] : values.sections })
      : null;
  const listed = (services.data?.items ?? [])
    .filter((organisation) => organisation.agencyId === values.toAgencyId)
    .flatMap((organisation) => organisation.services.filter((service) => service.serviceArea === values.serviceArea));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = {
      toAgencyId: values.toAgencyId ?? undefined,
      consentId: values.consentId ?? undefined,
      sections: values.sections,
      reason: values.reason,
      details: values.details.trim() || null,
      dueOn: values.dueOn || null,
    };
    if (transfer) {
      const checked = validate(transferInputSchema, common);
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) offer.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
      return;
    }
    const checked = validate(referralInputSchema, {
      ...common,
      serviceArea: values.serviceArea ?? undefined,
      directoryServiceId: values.directoryServiceId,
      urgency: values.urgency,
    });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) send.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
  };

  if (consents.isSuccess && usable.length === 0) {
    return (
      <Alert color="gray" variant="light">
        {t('referrals.dialog.needConsent')}
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        {transfer && <Text size="sm">{t('referrals.transfer.hint')}</Text>}
        <AgencySelect
          label={t('referrals.dialog.agency')}
          agencies={agencies}
          value={values.toAgencyId}
          onChange={(value) => set('toAgencyId', value)}
          error={errors.toAgencyId}
          required
        />
        {!transfer && (
          <Select
            label={t('referrals.dialog.serviceArea')}
            data={SERVICE_AREAS.map((area) => ({ value: area, label: t(`serviceDirectory.areas.${area}`) }))}
            value={values.serviceArea}
            onChange={(value) => set('serviceArea', oneOf(value, SERVICE_AREAS) ?? null)}
            error={errors.serviceArea}
            required
          />
        )}
        {!transfer && values.serviceArea && values.toAgencyId && listed.length > 0 && (
          <Select
            label={t('referrals.dialog.directoryService')}
            description={t('referrals.dialog.directoryServiceHint')}
            data={listed.map((service) => ({ value: service.id, label: service.description }))}
            value={values.directoryServiceId}
            onChange={(value) => set('directoryServiceId', value)}
            error={errors.directoryServiceId}
            clearable
          />
        )}
        <Select
          label={t('referrals.dialog.consent')}
          description={t('referrals.dialog.consentHint')}
          data={usable.map((item) => ({
            value: item.id,
            label: t('referrals.dialog.consentOption', {
              purpose: t(`vocab.consentPurpose.${item.purpose}`),
              date: formatDate(item.givenOn, locale),
              sections: item.sections.length
                ? item.sections.map((section) => t(`caseRecord.section.${section}`)).join(', ')
                : t('referrals.dialog.noSections'),
            }),
          }))}
          value={values.consentId}
          onChange={(value) => set('consentId', value)}
          error={refusal ? true : errors.consentId}
          required
        />
        <SectionCheckboxes
          label={t(transfer ? 'referrals.transfer.keep' : 'referrals.dialog.sections')}
          description={t(transfer ? 'referrals.transfer.keepHint' : 'referrals.dialog.sectionsHint')}
          value={values.sections}
          onChange={(sections) => set('sections', sections)}
          error={errors.sections}
        />
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
          description={t('referrals.dialog.detailsHint')}
          value={values.details}
          onChange={(event) => set('details', event.currentTarget.value)}
          error={errors.details}
          autosize
          minRows={2}
          maxLength={4000}
        />
        <Group grow wrap="wrap" align="flex-start">
          {!transfer && (
            <Select
              label={t('referrals.dialog.urgency')}
              data={REFERRAL_URGENCIES.map((urgency) => ({ value: urgency, label: t(`referrals.urgency.${urgency}`) }))}
              value={values.urgency}
              onChange={(value) => set('urgency', oneOf(value, REFERRAL_URGENCIES) ?? 'routine')}
              allowDeselect={false}
              miw={140}
            />
          )}
          <DateInput
            label={t('referrals.dialog.dueOn')}
            value={values.dueOn}
            onChange={(value) => set('dueOn', value)}
            error={errors.dueOn}
            miw={140}
          />
        </Group>
        {transfer && consent && (
          <Text size="xs" c="dimmed">
            {t('referrals.transfer.covers', {
              sections: covered.map((section) => t(`caseRecord.section.${section}`)).join(', ') || t('referrals.dialog.noSections'),
            })}
          </Text>
        )}
        {gap && !refusal && (
          <Alert color="orange" variant="light" title={t('referrals.dialog.gapTitle')}>
            {t(`caseRecord.share.refusal.${gap}`)}
          </Alert>
        )}
        {refusal ? (
          <Alert color="red" variant="light" role="alert" title={t('referrals.dialog.refusedTitle')}>
            {t(`caseRecord.share.refusal.${refusal}`)}
          </Alert>
        ) : (
          <ProblemAlert error={mutation.error} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t(transfer ? 'referrals.transfer.submit' : 'referrals.dialog.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Refer the case (or one service need of it) to another agency, on a consent the person gave for
 * it; or, with `transfer`, offer the whole case to a new owner. Also opened from a care plan.
 */
export function ReferralDialog({ opened, onClose, onReferred, ...props }: ReferralDialogProps) {
  const { t } = useTranslation();
  return (
    <GuardedModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t(props.transfer ? 'referrals.transfer.title' : 'referrals.dialog.title')}
    >
      {opened && (
        <ReferralForm
          {...props}
          onDone={(referral) => {
            onReferred?.(referral);
            onClose();
          }}
        />
      )}
    </GuardedModal>
  );
}
