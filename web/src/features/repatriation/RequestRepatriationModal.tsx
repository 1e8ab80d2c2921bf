import { Alert, Group, Select, Stack, Textarea } from '@mantine/core';
import { type CaseSection, type FieldError, type Repatriation, repatriationRequestInputSchema } from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { DateInput } from '../../components/DateInput';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { formatDate } from '../../lib/dates';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { validate } from '../../lib/validation';
import { SectionCheckboxes } from '../caseRecord/consent/SectionCheckboxes';
import { consentRefusalOf, isConflict } from '../caseRecord/problems';
import { useAttachments, useConsents } from '../caseRecord/queries';
import { useCountryName } from '../countries/useCountries';
import { ConsentsNotUsable } from './ConsentsNotUsable';
import { FilesToSend, sendableFiles } from './FilesToSend';
import { usePartnerChoices, useRequestRepatriation } from './queries';
import { consentUnusable, requestConsentGap } from './repatriationView';
import { useRepatriationFieldErrors } from './useRepatriationFieldErrors';

interface Draft {
  partnerId: string | null;
  consentId: string | null;
  sections: CaseSection[];
  reason: string;
  proposedDate: string;
  attachmentIds: string[];
}

function RequestForm({ caseId, onDone, onCancel }: { caseId: string; onDone: (repatriation: Repatriation) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countryName = useCountryName();
  const partners = usePartnerChoices();
  const consents = useConsents(caseId);
  const attachments = useAttachments(caseId);
  const request = useRequestRepatriation(caseId);
  const { values, setValues, draft } = useDraftForm<Draft>(
    {
      partnerId: null,
      consentId: null,
      sections: [],
      reason: '',
      proposedDate: '',
      attachmentIds: [],
    },
    { form: 'repatriation-request', record: caseId },
  );
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const errors = useRepatriationFieldErrors(clientErrors, request.error);
  const refused = consentRefusalOf(request.error) !== null;
  const underway = isConflict(request.error);
  const notIdentified = request.error instanceof ApiProblem && request.error.errors.some((error) => error.path === 'traffickingStatus');
  const set = <Key extends keyof Draft>(key: Key, value: Draft[Key]) => {
    request.reset();
    setValues((current) => ({ ...current, [key]: value }));
  };

  const onFile = consents.data?.items ?? [];
  const usable = onFile.filter((consent) => consentUnusable(consent, 'repatriation') === null);
  const consent = usable.find((item) => item.id === values.consentId) ?? null;
  const partner = partners.data?.items.find((item) => item.id === values.partnerId) ?? null;
  const files = sendableFiles(attachments.data?.items ?? [], values.sections);
  // A file stays chosen only while its section is sent.
  const attachmentIds = values.attachmentIds.filter((id) => files.some((file) => file.id === id));
  const gap = consent && partner ? requestConsentGap(consent, { country: partner.country, sections: values.sections }) : null;

  const chooseConsent = (consentId: string | null) => {
    request.reset();
    const chosen = usable.find((item) => item.id === consentId);
    // What the person agreed to send is the starting point; the worker may send less.
    setValues((current) => ({ ...current, consentId, sections: chosen ? [...chosen.sections] : current.sections }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(repatriationRequestInputSchema, {
      partnerId: values.partnerId ?? undefined,
      consentId: values.consentId ?? undefined,
      sections: values.sections,
      reason: values.reason,
      proposedDate: values.proposedDate || null,
      attachmentIds,
    });
    // She is sent to be received: the request always says who she is (the server holds to this too).
    const identityMissing: FieldError[] = values.sections.includes('identity')
      ? []
      : [{ path: 'sections', code: 'identity_required', message: t('repatriation.request.identityRequired') }];
    setClientErrors([...(checked.ok ? [] : checked.errors), ...identityMissing]);
    if (checked.ok && identityMissing.length === 0) request.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
  };

  if (partners.isSuccess && partners.data.items.length === 0) {
    return (
      <Alert color="gray" variant="light">
        {t('repatriation.request.noPartner')}
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Select
          label={t('repatriation.request.partner')}
          data={(partners.data?.items ?? []).map((item) => ({ value: item.id, label: `${item.name} · ${countryName(item.country)}` }))}
          value={values.partnerId}
          onChange={(value) => set('partnerId', value)}
          error={errors.partnerId}
          allowDeselect={false}
          required
        />
        <Select
          label={t('repatriation.request.consent')}
          description={t('repatriation.request.consentHint')}
          data={usable.map((item) => ({
            value: item.id,
            label: t('repatriation.consent.option', {
              date: formatDate(item.givenOn, locale),
              countries: item.countries.map(countryName).join(', ') || t('repatriation.consent.noCountries'),
              sections:
                item.sections.map((section) => t(`caseRecord.section.${section}`)).join(', ') || t('repatriation.consent.noSections'),
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
            {t('repatriation.request.noConsent')}
          </Alert>
        )}
        <ConsentsNotUsable consents={onFile} purpose="repatriation" />
        <SectionCheckboxes
          label={t('repatriation.request.sections')}
          description={t('repatriation.request.sectionsHint')}
          value={values.sections}
          onChange={(sections) => set('sections', sections)}
          error={errors.sections}
        />
        <FilesToSend files={files} value={attachmentIds} onChange={(ids) => set('attachmentIds', ids)} error={errors.attachmentIds} />
        <Textarea
          label={t('repatriation.request.reason')}
          value={values.reason}
          onChange={(event) => set('reason', event.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
          maxLength={1000}
          required
        />
        <Group grow wrap="wrap" align="flex-start">
          <DateInput
            label={t('repatriation.request.proposedDate')}
            value={values.proposedDate}
            onChange={(value) => set('proposedDate', value)}
            error={errors.proposedDate}
            miw={160}
          />
        </Group>
        {gap && !refused && (
          <Alert color="orange" variant="light" title={t('repatriation.request.gapTitle')}>
            {t(`repatriation.consentRefusal.${gap}`)}
          </Alert>
        )}
        {underway || notIdentified ? (
          <Alert color="orange" variant="light" role="alert">
            {t(underway ? 'repatriation.request.alreadyUnderway' : 'repatriation.request.notIdentified')}
          </Alert>
        ) : (
          !refused && <ProblemAlert error={request.error} />
        )}
        <FormFooter onCancel={onCancel} submitting={request.isPending} submitLabel={t('repatriation.request.submit')} />
      </Stack>
    </form>
  );
}

/** Ask a partner country to take the person home, on the consent she gave for it. */
export function RequestRepatriationModal({
  caseId,
  opened,
  onClose,
  onRequested,
}: {
  caseId: string;
  opened: boolean;
  onClose: () => void;
  onRequested: (repatriation: Repatriation) => void;
}) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={opened} onClose={onClose} size="lg" title={t('repatriation.request.title')}>
      {opened && <RequestForm caseId={caseId} onDone={onRequested} onCancel={onClose} />}
    </GuardedModal>
  );
}
