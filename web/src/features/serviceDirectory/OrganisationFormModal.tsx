import { MultiSelect, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import {
  DIRECTORY_ORGANISATION_TYPES,
  type DirectoryOrganisation,
  type DirectoryOrganisationType,
  directoryOrganisationInputSchema,
  directoryOrganisationUpdateSchema,
  type FieldError,
  SPOKEN_LANGUAGES,
} from '@seamless/contracts';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../components/FormFooter';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n/useLocale';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { useMe } from '../auth/MeContext';
import { blankToNull, sortedOptions } from '../caseRecord/common/options';
import { useAgencyDirectory } from '../caseRecord/queries';
import { useCountryOptions, useInstanceCountry } from '../countries/useCountries';
import { useCreateOrganisation, useUpdateOrganisation } from './queries';

type TextField = 'name' | 'localName' | 'province' | 'district' | 'address' | 'website' | 'hours' | 'notes';

interface Values extends Record<TextField, string> {
  agencyId: string | null;
  organisationType: DirectoryOrganisationType | null;
  countryCode: string | null;
  languages: string[];
  active: boolean;
}

function initialValues(organisation: DirectoryOrganisation | null, ownAgencyId: string): Values {
  return {
    agencyId: organisation ? organisation.agencyId : ownAgencyId,
    name: organisation?.name ?? '',
    localName: organisation?.localName ?? '',
    organisationType: organisation?.organisationType ?? null,
    countryCode: organisation?.countryCode ?? null,
    province: organisation?.province ?? '',
    district: organisation?.district ?? '',
    address: organisation?.address ?? '',
    website: organisation?.website ?? '',
    hours: organisation?.hours ?? '',
    notes: organisation?.notes ?? '',
    languages: organisation?.languages ?? [],
    active: organisation?.active ?? true,
  };
}

function OrganisationForm({ organisation, onDone }: { organisation: DirectoryOrganisation | null; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const countries = useCountryOptions();
  const instanceCountry = useInstanceCountry();
  const agencies = useAgencyDirectory();
  const { values, setField, draft } = useDraftForm(() => initialValues(organisation, me.agency.id), {
    form: 'directory-organisation',
    record: organisation?.id ?? 'new',
  });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  const mutation = organisation ? update : create;
  const errors = useFieldErrors(clientErrors, mutation.error);
  const countryCode = values.countryCode ?? instanceCountry ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: values.name,
      localName: blankToNull(values.localName),
      organisationType: values.organisationType ?? undefined,
      countryCode: countryCode ?? undefined,
      province: blankToNull(values.province),
      district: blankToNull(values.district),
      address: blankToNull(values.address),
      website: blankToNull(values.website),
      hours: blankToNull(values.hours),
      notes: blankToNull(values.notes),
      languages: values.languages,
      active: values.active,
    };
    if (organisation) {
      const checked = validate(directoryOrganisationUpdateSchema, { ...body, version: organisation.version });
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) update.mutate({ id: organisation.id, body: checked.data }, { onSuccess: draft.clearing(onDone) });
    } else {
      const checked = validate(directoryOrganisationInputSchema, { ...body, agencyId: values.agencyId });
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) create.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
    }
  };

  const text = (field: TextField) => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setField(field, event.currentTarget.value),
    error: errors[field],
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <TextInput label={t('serviceDirectory.form.name')} required {...text('name')} />
        <TextInput label={t('serviceDirectory.form.localName')} {...text('localName')} />
        {!organisation && (
          <Select
            label={t('serviceDirectory.tenant')}
            data={(agencies.data?.items ?? []).map((agency) => ({ value: agency.id, label: agency.name }))}
            value={values.agencyId}
            onChange={(value) => setField('agencyId', value)}
            error={errors.agencyId}
            clearable
            searchable
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('serviceDirectory.form.organisationType')}
            required
            data={DIRECTORY_ORGANISATION_TYPES.map((type) => ({ value: type, label: t(`serviceDirectory.organisationType.${type}`) }))}
            value={values.organisationType}
            onChange={(value) => setField('organisationType', value as DirectoryOrganisationType | null)}
            error={errors.organisationType}
          />
          <Select
            label={t('serviceDirectory.form.country')}
            required
            data={countries}
            value={countryCode}
            onChange={(value) => setField('countryCode', value)}
            error={errors.countryCode}
            searchable
          />
          <TextInput label={t('serviceDirectory.form.province')} {...text('province')} />
          <TextInput label={t('serviceDirectory.form.district')} {...text('district')} />
        </SimpleGrid>
        <TextInput label={t('serviceDirectory.form.address')} {...text('address')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('serviceDirectory.form.website')} type="url" {...text('website')} />
          <TextInput label={t('serviceDirectory.form.hours')} {...text('hours')} />
        </SimpleGrid>
        <MultiSelect
          label={t('serviceDirectory.form.languages')}
          data={sortedOptions(SPOKEN_LANGUAGES, (code) => t(`languageName.${code}`), locale)}
          value={values.languages}
          onChange={(value) => setField('languages', value)}
          error={errors.languages}
          searchable
        />
        <Textarea label={t('serviceDirectory.form.notes')} autosize minRows={2} {...text('notes')} />
        <Switch
          label={t('serviceDirectory.form.active')}
          checked={values.active}
          onChange={(event) => setField('active', event.currentTarget.checked)}
        />
        <ProblemAlert error={mutation.error} />
        <FormFooter onCancel={onDone} submitting={mutation.isPending} />
      </Stack>
    </form>
  );
}

interface OrganisationFormModalProps {
  opened: boolean;
  /** `null`: a new organisation. */
  organisation: DirectoryOrganisation | null;
  onClose: () => void;
}

export function OrganisationFormModal({ opened, organisation, onClose }: OrganisationFormModalProps) {
  const { t } = useTranslation();
  return (
    <GuardedModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={organisation ? t('serviceDirectory.form.editTitle', { name: organisation.name }) : t('serviceDirectory.form.createTitle')}
    >
      {opened && <OrganisationForm organisation={organisation} onDone={onClose} />}
    </GuardedModal>
  );
}
