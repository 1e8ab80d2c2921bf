import { Alert, Button, Group, MultiSelect, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  type CaseDetail,
  type CaseSection,
  CONSENT_PURPOSES,
  type ConsentPurpose,
  consentInputSchema,
  type FieldError,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/DateInput';
import { GuardedModal } from '../../../components/GuardedModal';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { DraftNotice } from '../../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../../lib/drafts/formGuard';
import { useDraftForm } from '../../../lib/drafts/useDraftForm';
import { oneOf } from '../../../lib/oneOf';
import { validate } from '../../../lib/validation';
import { useCountryOptions } from '../../countries/useCountries';
import { AgencyMultiSelect } from '../common/AgencySelect';
import { blankToNull, todayIso } from '../common/options';
import { useRecordFieldErrors } from '../common/useRecordFieldErrors';
import { useAddConsent } from '../queries';
import { SectionCheckboxes } from './SectionCheckboxes';

interface ConsentValues {
  purpose: ConsentPurpose | null;
  sections: CaseSection[];
  agencyIds: string[];
  countries: string[];
  givenBy: 'victim' | 'guardian';
  guardianName: string;
  guardianRelationship: string;
  givenOn: string;
  expiresOn: string;
}

function ConsentForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const countryOptions = useCountryOptions();
  const { values, setField, draft } = useDraftForm<ConsentValues>(
    {
      purpose: null,
      sections: [],
      agencyIds: [],
      countries: [],
      // A child's consent is given by a guardian (DESIGN.md §4).
      givenBy: detail.child ? 'guardian' : 'victim',
      guardianName: '',
      guardianRelationship: '',
      givenOn: todayIso(),
      expiresOn: '',
    },
    { form: 'consent', record: detail.id },
  );
  const cancel = useGuardedCancel(onDone);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const add = useAddConsent(detail.id);
  const errors = useRecordFieldErrors(clientErrors, add.error, {
    givenBy: t('caseRecord.fieldError.childNeedsGuardian'),
    guardianName: t('caseRecord.fieldError.guardianName'),
    givenOn: t('caseRecord.fieldError.date_in_future'),
    expiresOn: t('caseRecord.fieldError.expiresAfterGiven'),
  });
  const guardian = values.givenBy === 'guardian';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(consentInputSchema, {
      purpose: values.purpose ?? undefined,
      sections: values.sections,
      agencyIds: values.agencyIds,
      countries: values.countries,
      givenBy: values.givenBy,
      guardianName: guardian ? blankToNull(values.guardianName) : null,
      guardianRelationship: guardian ? blankToNull(values.guardianRelationship) : null,
      givenOn: values.givenOn,
      expiresOn: blankToNull(values.expiresOn),
    });
    // The schema leaves the guardian optional (an adult consents herself); a guardian's consent names them.
    const guardianMissing: FieldError[] =
      guardian && !values.guardianName.trim()
        ? [{ path: 'guardianName', code: 'required', message: t('caseRecord.fieldError.guardianName') }]
        : [];
    const problems = [...(checked.ok ? [] : checked.errors), ...guardianMissing];
    setClientErrors(problems);
    if (checked.ok && problems.length === 0) add.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Select
          label={t('caseRecord.consent.purpose')}
          data={CONSENT_PURPOSES.map((purpose) => ({ value: purpose, label: t(`vocab.consentPurpose.${purpose}`) }))}
          value={values.purpose}
          onChange={(value) => setField('purpose', oneOf(value, CONSENT_PURPOSES) ?? null)}
          error={errors.purpose}
          required
        />
        <SectionCheckboxes
          label={t('caseRecord.consent.sections')}
          description={t('caseRecord.consent.sectionsHint')}
          value={values.sections}
          onChange={(sections) => setField('sections', sections)}
          error={errors.sections}
        />
        <AgencyMultiSelect
          label={t('caseRecord.consent.agencies')}
          description={t('caseRecord.consent.agenciesHint')}
          value={values.agencyIds}
          onChange={(ids) => setField('agencyIds', ids)}
          error={errors.agencyIds}
        />
        <MultiSelect
          label={t('caseRecord.consent.countries')}
          description={t('caseRecord.consent.countriesHint')}
          data={countryOptions}
          value={values.countries}
          onChange={(countries) => setField('countries', countries)}
          error={errors.countries}
          searchable
          clearable
        />
        <Radio.Group
          label={t('caseRecord.consent.givenBy')}
          value={values.givenBy}
          onChange={(value) => setField('givenBy', value === 'guardian' ? 'guardian' : 'victim')}
          error={errors.givenBy}
          required
        >
          <Group mt="xs">
            <Radio value="victim" label={t('caseRecord.consent.givenByVictim')} />
            <Radio value="guardian" label={t('caseRecord.consent.givenByGuardian')} />
          </Group>
        </Radio.Group>
        {detail.child && (
          <Alert color="blue" variant="light">
            {t('caseRecord.consent.childNote')}
          </Alert>
        )}
        {guardian && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('caseRecord.consent.guardianName')}
              value={values.guardianName}
              onChange={(event) => setField('guardianName', event.currentTarget.value)}
              error={errors.guardianName}
              required
            />
            <TextInput
              label={t('caseRecord.consent.guardianRelationship')}
              value={values.guardianRelationship}
              onChange={(event) => setField('guardianRelationship', event.currentTarget.value)}
              error={errors.guardianRelationship}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput
            label={t('caseRecord.consent.givenOn')}
            value={values.givenOn}
            max={todayIso()}
            onChange={(value) => setField('givenOn', value)}
            error={errors.givenOn}
            required
          />
          <DateInput
            label={t('caseRecord.consent.expiresOn')}
            description={t('caseRecord.consent.expiresOnHint')}
            value={values.expiresOn}
            min={values.givenOn || undefined}
            onChange={(value) => setField('expiresOn', value)}
            error={errors.expiresOn}
          />
        </SimpleGrid>
        <ProblemAlert error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('caseRecord.consent.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ConsentFormModal({ detail, opened, onClose }: { detail: CaseDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t('caseRecord.consent.newTitle')} size="xl">
      {opened && <ConsentForm detail={detail} onDone={onClose} />}
    </GuardedModal>
  );
}
