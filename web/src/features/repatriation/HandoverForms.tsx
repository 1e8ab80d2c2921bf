import { Alert, Button, Checkbox, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  followUpReportInputSchema,
  handoverSignatureInputSchema,
  openRepatriatedCaseInputSchema,
  REINTEGRATION_OUTLOOKS,
  type ReintegrationOutlook,
} from '@seamless/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { FormFooter } from '../../components/FormFooter';
import { RouterButton } from '../../components/RouterLinks';
import { useLocale } from '../../i18n/useLocale';
import { formatDate } from '../../lib/dates';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { validate } from '../../lib/validation';
import { blankToNull, todayIso } from '../caseRecord/common/options';
import { useConsents } from '../caseRecord/queries';
import { useCountryName } from '../countries/useCountries';
import { ConsentsNotUsable } from './ConsentsNotUsable';
import { consentUnusable, instantOf, localDateTimeValue, requestConsentGap } from './repatriationView';
import { type StepFormProps, useStepForm } from './StepForms';

/** This side's part of the handover record: the officer, when and where, and what went with her. */
export function SignHandoverForm({ repatriation, onDone, onCancel }: StepFormProps) {
  const { t } = useTranslation();
  const { step, errors, setClientErrors, problem } = useStepForm(repatriation.id);
  const { values, setField, draft } = useDraftForm<{
    officerName: string;
    officerTitle: string;
    signedAt: string;
    place: string;
    belongings: string;
    documents: string;
  }>(
    {
      officerName: '',
      officerTitle: '',
      signedAt: localDateTimeValue(),
      place: repatriation.plan?.handoverPoint ?? '',
      belongings: '',
      documents: '',
    },
    { form: 'repatriation-handover', record: repatriation.id },
  );
  const { officerName, officerTitle, signedAt, place, belongings, documents } = values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(handoverSignatureInputSchema, {
      officerName,
      officerTitle: blankToNull(officerTitle),
      signedAt: instantOf(signedAt),
      place,
      belongings,
      documents,
    });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'sign_handover', body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">{t('repatriation.action.sign_handover.hint')}</Text>
        <Group grow wrap="wrap" align="flex-start">
          <TextInput
            label={t('repatriation.signature.officerName')}
            value={officerName}
            onChange={(event) => setField('officerName', event.currentTarget.value)}
            error={errors.officerName}
            maxLength={200}
            required
            miw={200}
          />
          <TextInput
            label={t('repatriation.signature.officerTitle')}
            value={officerTitle}
            onChange={(event) => setField('officerTitle', event.currentTarget.value)}
            error={errors.officerTitle}
            maxLength={200}
            miw={200}
          />
        </Group>
        <Group grow wrap="wrap" align="flex-start">
          <TextInput
            type="datetime-local"
            label={t('repatriation.signature.signedAt')}
            value={signedAt}
            onChange={(event) => setField('signedAt', event.currentTarget.value)}
            error={errors.signedAt}
            required
            miw={200}
          />
          <TextInput
            label={t('repatriation.signature.place')}
            value={place}
            onChange={(event) => setField('place', event.currentTarget.value)}
            error={errors.place}
            maxLength={300}
            required
            miw={200}
          />
        </Group>
        <Textarea
          label={t('repatriation.signature.belongings')}
          description={t('repatriation.signature.listHint')}
          value={belongings}
          onChange={(event) => setField('belongings', event.currentTarget.value)}
          error={errors.belongings}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Textarea
          label={t('repatriation.signature.documents')}
          description={t('repatriation.signature.listHint')}
          value={documents}
          onChange={(event) => setField('documents', event.currentTarget.value)}
          error={errors.documents}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {problem}
        <FormFooter onCancel={onCancel} submitting={step.isPending} submitLabel={t('repatriation.action.sign_handover.submit')} />
      </Stack>
    </form>
  );
}

/**
 * Opening the case here from what was sent: the sending country's identification and interview
 * are kept, so she is not interviewed again; re-verifying on arrival is optional and recorded.
 * Once open, the form gives way to the link to the new case.
 */
export function OpenCaseForm({ repatriation, onCancel }: Omit<StepFormProps, 'onDone'>) {
  const { t } = useTranslation();
  const { step, errors, setClientErrors, problem } = useStepForm(repatriation.id);
  const { values, setField, draft } = useDraftForm<{ reverified: boolean; note: string }>(
    { reverified: false, note: '' },
    { form: 'repatriation-open-case', record: repatriation.id },
  );
  const { reverified, note } = values;
  const openedCaseId = step.data?.caseId ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(openRepatriatedCaseInputSchema, { reverified, reverificationNote: reverified ? blankToNull(note) : null });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'open_case', body: checked.data }, { onSuccess: () => draft.clear() });
  };
  if (openedCaseId) {
    return (
      <Stack>
        <Alert color="teal" variant="light" role="status" title={t('repatriation.action.open_case.opened')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('repatriation.action.open_case.stay')}
          </Button>
          <RouterButton to="/cases/$caseId" params={{ caseId: openedCaseId }}>
            {t('repatriation.action.open_case.goToCase')}
          </RouterButton>
        </Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Text size="sm">{t('repatriation.action.open_case.hint')}</Text>
        <Checkbox
          label={t('repatriation.action.open_case.reverified')}
          description={t('repatriation.action.open_case.reverifiedHint')}
          checked={reverified}
          onChange={(event) => setField('reverified', event.currentTarget.checked)}
        />
        {reverified && (
          <Textarea
            label={t('repatriation.action.open_case.note')}
            value={note}
            onChange={(event) => setField('note', event.currentTarget.value)}
            error={errors.reverificationNote}
            autosize
            minRows={2}
            maxLength={2000}
          />
        )}
        {problem}
        <FormFooter onCancel={onCancel} submitting={step.isPending} submitLabel={t('repatriation.action.open_case.submit')} />
      </Stack>
    </form>
  );
}

/**
 * A follow-up visit reported back to the sending country, on a consent for follow-up that the
 * person gave in the case here and that names the sending country.
 */
export function FollowUpReportForm({ repatriation, caseId, onDone, onCancel }: StepFormProps & { caseId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countryName = useCountryName();
  const { step, errors, setClientErrors, problem } = useStepForm(repatriation.id);
  const consents = useConsents(caseId);
  const { values, setField, draft } = useDraftForm<{
    consentId: string | null;
    visitedOn: string;
    outlook: ReintegrationOutlook | null;
    summary: string;
  }>(
    { consentId: null, visitedOn: todayIso(), outlook: null, summary: '' },
    { form: 'repatriation-follow-up-report', record: repatriation.id },
  );
  const { consentId, visitedOn, outlook, summary } = values;
  const onFile = consents.data?.items ?? [];
  const usable = onFile.filter((consent) => consentUnusable(consent, 'follow_up') === null);
  const consent = usable.find((item) => item.id === consentId) ?? null;
  const gap = consent ? requestConsentGap(consent, { country: repatriation.partner.country, sections: [] }) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(followUpReportInputSchema, {
      consentId: consentId ?? undefined,
      visitedOn,
      outlook: outlook ?? undefined,
      summary,
    });
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) step.mutate({ action: 'report_follow_up', body: checked.data }, { onSuccess: draft.clearing(onDone) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Select
          label={t('repatriation.action.report_follow_up.consent')}
          description={t('repatriation.action.report_follow_up.consentHint', { country: countryName(repatriation.partner.country) })}
          data={usable.map((item) => ({
            value: item.id,
            label: t('repatriation.consent.option', {
              date: formatDate(item.givenOn, locale),
              countries: item.countries.map(countryName).join(', ') || t('repatriation.consent.noCountries'),
              sections:
                item.sections.map((section) => t(`caseRecord.section.${section}`)).join(', ') || t('repatriation.consent.noSections'),
            }),
          }))}
          value={consentId}
          onChange={(value) => {
            step.reset();
            setField('consentId', value);
          }}
          error={errors.consentId}
          disabled={consents.isSuccess && usable.length === 0}
          allowDeselect={false}
          required
        />
        {consents.isSuccess && usable.length === 0 && (
          <Alert color="gray" variant="light">
            {t('repatriation.action.report_follow_up.noConsent', { country: countryName(repatriation.partner.country) })}
          </Alert>
        )}
        <ConsentsNotUsable consents={onFile} purpose="follow_up" />
        {gap && (
          <Alert color="orange" variant="light" title={t('repatriation.request.gapTitle')}>
            {t(`repatriation.consentRefusal.${gap}`)}
          </Alert>
        )}
        <Group grow wrap="wrap" align="flex-start">
          <DateInput
            label={t('repatriation.followUp.visitedOn')}
            value={visitedOn}
            onChange={(value) => setField('visitedOn', value)}
            error={errors.visitedOn}
            required
            miw={160}
          />
          <Select
            label={t('repatriation.followUp.outlook')}
            data={REINTEGRATION_OUTLOOKS.map((value) => ({ value, label: t(`repatriation.followUp.outlooks.${value}`) }))}
            value={outlook}
            onChange={(value) => setField('outlook', oneOf(value, REINTEGRATION_OUTLOOKS) ?? null)}
            error={errors.outlook}
            allowDeselect={false}
            required
            miw={200}
          />
        </Group>
        <Textarea
          label={t('repatriation.followUp.summary')}
          description={t('repatriation.followUp.summaryHint')}
          value={summary}
          onChange={(event) => setField('summary', event.currentTarget.value)}
          error={errors.summary}
          autosize
          minRows={4}
          maxLength={4000}
          required
        />
        {problem}
        <FormFooter onCancel={onCancel} submitting={step.isPending} submitLabel={t('repatriation.action.report_follow_up.submit')} />
      </Stack>
    </form>
  );
}
