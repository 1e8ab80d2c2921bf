import { Alert, Group, Select, Stack, Textarea } from '@mantine/core';
import {
  type CaseSection,
  type CrossBorderReferral,
  crossBorderReferralInputSchema,
  type FieldError,
  REFERRAL_URGENCIES,
  type ReferralUrgency,
  SERVICE_AREAS,
  type ServiceArea,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { formatDate } from '../../lib/dates';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { validate } from '../../lib/validation';
import { blankToNull } from '../caseRecord/common/options';
import { SectionCheckboxes } from '../caseRecord/consent/SectionCheckboxes';
import { consentRefusalOf, isConflict } from '../caseRecord/problems';
import { useConsents } from '../caseRecord/queries';
import { useCountryName } from '../countries/useCountries';
import { ConsentsNotUsable } from '../repatriation/ConsentsNotUsable';
import { usePartnerChoices } from '../repatriation/queries';
import { requestConsentGap } from '../repatriation/repatriationView';
import { referralConsents } from './crossBorderReferralView';
import { useReferAcrossBorder } from './queries';
import { useCrossBorderReferralFieldErrors } from './useCrossBorderReferralFieldErrors';

interface Draft {
  partnerId: string | null;
  consentId: string | null;
  serviceArea: ServiceArea | null;
  sections: CaseSection[];
  urgency: ReferralUrgency;
  reason: string;
  details: string;
}

interface ReferFormProps {
  caseId: string;
  readableSections: readonly CaseSection[];
  onDone: (referral: CrossBorderReferral) => void;
  onCancel: () => void;
}

function ReferForm({ caseId, readableSections, onDone, onCancel }: ReferFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countryName = useCountryName();
  const partners = usePartnerChoices();
  const consents = useConsents(caseId);
  const refer = useReferAcrossBorder(caseId);
  const { values, setValues, draft } = useDraftForm<Draft>(
    {
      partnerId: null,
      consentId: null,
      serviceArea: null,
      sections: [],
      urgency: 'routine',
      reason: '',
      details: '',
    },
    { form: 'cross-border-referral', record: caseId },
  );
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const errors = useCrossBorderReferralFieldErrors(clientErrors, refer.error);
  const refused = consentRefusalOf(refer.error) !== null;
  const onFields = refer.error instanceof ApiProblem && refer.error.errors.length > 0;
  const set = <Key extends keyof Draft>(key: Key, value: Draft[Key]) => {
    refer.reset();
    setValues((current) => ({ ...current, [key]: value }));
  };

  const onFile = consents.data?.items ?? [];
  const usable = referralConsents(onFile);
  const consent = usable.find((item) => item.id === values.consentId) ?? null;
  const partner = partners.data?.items.find((item) => item.id === values.partnerId) ?? null;
  const gap = consent && partner ? requestConsentGap(consent, { country: partner.country, sections: values.sections }) : null;

  const chooseConsent = (consentId: string | null) => {
    refer.reset();
    const chosen = usable.find((item) => item.id === consentId);
    // What she agreed to send and the worker may read is the starting point; send less when the service needs less.
    const sections = chosen?.sections.filter((section) => readableSections.includes(section));
    setValues((current) => ({ ...current, consentId, sections: sections ?? current.sections }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(crossBorderReferralInputSchema, {
      partnerId: values.partnerId ?? undefined,
      consentId: values.consentId ?? undefined,
      serviceArea: values.serviceArea ?? undefined,
      sections: values.sections,
      urgency: values.urgency,
      reason: values.reason.trim(),
      details: blankToNull(values.details),
    });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) refer.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
  };

  if (partners.isSuccess && partners.data.items.length === 0) {
    return (
      <Alert color="gray" variant="light">
        {t('crossBorderReferral.refer.noPartner')}
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Select
          label={t('crossBorderReferral.refer.partner')}
          data={(partners.data?.items ?? []).map((item) => ({ value: item.id, label: `${item.name} · ${countryName(item.country)}` }))}
          value={values.partnerId}
          onChange={(value) => set('partnerId', value)}
          error={errors.partnerId}
          allowDeselect={false}
          required
        />
        <Select
          label={t('crossBorderReferral.refer.consent')}
          description={t('crossBorderReferral.refer.consentHint')}
          data={usable.map((item) => ({
            value: item.id,
            label: t('crossBorderReferral.refer.consentOption', {
              date: formatDate(item.givenOn, locale),
              countries: item.countries.map(countryName).join(', ') || t('crossBorderReferral.refer.noCountries'),
              sections:
                item.sections.map((section) => t(`caseRecord.section.${section}`)).join(', ') || t('crossBorderReferral.refer.noSections'),
            }),
          }))}
          value={values.consentId}
          onChange={chooseConsent}
          error={errors.consentId}
          disabled={consents.isSuccess && usable.length === 0}
          allowDeselect={false}
          required
        />
        {consents.isSuccess && usable.length === 0 && (
          <Alert color="gray" variant="light">
            {t('crossBorderReferral.refer.noConsent')}
          </Alert>
        )}
        <ConsentsNotUsable consents={onFile} purpose="referral" />
        <Group grow wrap="wrap" align="flex-start">
          <Select
            label={t('crossBorderReferral.refer.serviceArea')}
            data={SERVICE_AREAS.map((area) => ({ value: area, label: t(`serviceDirectory.areas.${area}`) }))}
            value={values.serviceArea}
            onChange={(value) => set('serviceArea', oneOf(value, SERVICE_AREAS) ?? null)}
            error={errors.serviceArea}
            allowDeselect={false}
            miw={200}
            required
          />
          <Select
            label={t('crossBorderReferral.refer.urgency')}
            data={REFERRAL_URGENCIES.map((urgency) => ({ value: urgency, label: t(`referrals.urgency.${urgency}`) }))}
            value={values.urgency}
            onChange={(value) => set('urgency', oneOf(value, REFERRAL_URGENCIES) ?? 'routine')}
            error={errors.urgency}
            allowDeselect={false}
            miw={160}
          />
        </Group>
        <SectionCheckboxes
          label={t('crossBorderReferral.refer.sections')}
          description={t('crossBorderReferral.refer.sectionsHint')}
          value={values.sections}
          onChange={(sections) => set('sections', sections)}
          error={errors.sections}
        />
        <Textarea
          label={t('crossBorderReferral.refer.reason')}
          value={values.reason}
          onChange={(event) => set('reason', event.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
          maxLength={1000}
          required
        />
        <Textarea
          label={t('crossBorderReferral.refer.details')}
          description={t('crossBorderReferral.refer.detailsHint')}
          value={values.details}
          onChange={(event) => set('details', event.currentTarget.value)}
          error={errors.details}
          autosize
          minRows={3}
          maxLength={4000}
        />
        {gap && !refused && (
          <Alert color="orange" variant="light" title={t('crossBorderReferral.refer.gapTitle')}>
            {t(`crossBorderReferral.consentRefusal.${gap}`)}
          </Alert>
        )}
        {isConflict(refer.error) ? (
          <Alert color="orange" variant="light" role="alert">
            {t('crossBorderReferral.refer.alreadyReferred')}
          </Alert>
        ) : (
          // An answer naming fields is shown on them, in words about this referral.
          !onFields && <ProblemAlert error={refer.error} />
        )}
        <FormFooter onCancel={onCancel} submitting={refer.isPending} submitLabel={t('crossBorderReferral.refer.submit')} />
      </Stack>
    </form>
  );
}

/** Ask a partner country for one service for the person, on the consent to referral she gave naming it. */
export function ReferAbroadModal({
  opened,
  onClose,
  onReferred,
  ...form
}: {
  caseId: string;
  readableSections: readonly CaseSection[];
  opened: boolean;
  onClose: () => void;
  onReferred: (referral: CrossBorderReferral) => void;
}) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={opened} onClose={onClose} size="lg" title={t('crossBorderReferral.refer.title')}>
      {opened && <ReferForm {...form} onDone={onReferred} onCancel={onClose} />}
    </GuardedModal>
  );
}
