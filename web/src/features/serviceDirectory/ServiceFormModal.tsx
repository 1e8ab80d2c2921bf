import { MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import {
  DIRECTORY_TARGET_SEXES,
  type DirectoryService,
  type DirectoryTargetSex,
  directoryServiceInputSchema,
  directoryServiceUpdateSchema,
  type FieldError,
  SERVICE_AREAS,
  type ServiceArea,
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
import { blankToNull, sortedOptions } from '../caseRecord/common/options';
import { useCountryOptions } from '../countries/useCountries';
import { useAddService, useUpdateService } from './queries';

type TextField = 'description' | 'localDescription' | 'hours' | 'capacityNote' | 'costNote';

interface Values extends Record<TextField, string> {
  serviceArea: ServiceArea | null;
  coverageProvinces: string[];
  coverageDistricts: string[];
  targetSexes: DirectoryTargetSex[];
  minAge: number | '';
  maxAge: number | '';
  nationalities: string[];
  languages: string[];
  active: boolean;
}

const initialValues = (service: DirectoryService | null): Values => ({
  serviceArea: service?.serviceArea ?? null,
  description: service?.description ?? '',
  localDescription: service?.localDescription ?? '',
  hours: service?.hours ?? '',
  capacityNote: service?.capacityNote ?? '',
  costNote: service?.costNote ?? '',
  coverageProvinces: service?.coverageProvinces ?? [],
  coverageDistricts: service?.coverageDistricts ?? [],
  targetSexes: service?.targetSexes ?? [],
  minAge: service?.minAge ?? '',
  maxAge: service?.maxAge ?? '',
  nationalities: service?.nationalities ?? [],
  languages: service?.languages ?? [],
  active: service?.active ?? true,
});

function ServiceForm({
  organisationId,
  service,
  onDone,
}: {
  organisationId: string;
  service: DirectoryService | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countries = useCountryOptions();
  const { values, setField, draft } = useDraftForm(() => initialValues(service), {
    form: 'directory-service',
    record: `${organisationId}:${service?.id ?? 'new'}`,
  });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const add = useAddService();
  const update = useUpdateService();
  const mutation = service ? update : add;
  const errors = useFieldErrors(clientErrors, mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      serviceArea: values.serviceArea ?? undefined,
      description: values.description,
      localDescription: blankToNull(values.localDescription),
      hours: blankToNull(values.hours),
      capacityNote: blankToNull(values.capacityNote),
      costNote: blankToNull(values.costNote),
      coverageProvinces: values.coverageProvinces,
      coverageDistricts: values.coverageDistricts,
      targetSexes: values.targetSexes,
      minAge: values.minAge === '' ? null : values.minAge,
      maxAge: values.maxAge === '' ? null : values.maxAge,
      nationalities: values.nationalities,
      languages: values.languages,
      active: values.active,
    };
    if (service) {
      const checked = validate(directoryServiceUpdateSchema, { ...body, version: service.version });
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok)
        update.mutate({ id: organisationId, serviceId: service.id, body: checked.data }, { onSuccess: draft.clearing(onDone) });
    } else {
      const checked = validate(directoryServiceInputSchema, body);
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) add.mutate({ id: organisationId, body: checked.data }, { onSuccess: draft.clearing(onDone) });
    }
  };

  const text = (field: TextField) => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setField(field, event.currentTarget.value),
    error: errors[field],
  });
  const age = (field: 'minAge' | 'maxAge') => ({
    value: values[field],
    onChange: (value: string | number) => setField(field, typeof value === 'number' ? value : ''),
    error: errors[field],
    min: 0,
    max: 120,
    allowDecimal: false,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <Select
          label={t('serviceDirectory.form.serviceArea')}
          required
          data={SERVICE_AREAS.map((area) => ({ value: area, label: t(`serviceDirectory.areas.${area}`) }))}
          value={values.serviceArea}
          onChange={(value) => setField('serviceArea', value as ServiceArea | null)}
          error={errors.serviceArea}
        />
        <Textarea label={t('serviceDirectory.form.serviceDescription')} required autosize minRows={2} {...text('description')} />
        <Textarea label={t('serviceDirectory.form.localDescription')} autosize minRows={2} {...text('localDescription')} />
        <TagsInput
          label={t('serviceDirectory.form.coverageProvinces')}
          description={t('serviceDirectory.form.listHint')}
          value={values.coverageProvinces}
          onChange={(value) => setField('coverageProvinces', value)}
          error={errors.coverageProvinces}
        />
        <TagsInput
          label={t('serviceDirectory.form.coverageDistricts')}
          description={t('serviceDirectory.form.listHint')}
          value={values.coverageDistricts}
          onChange={(value) => setField('coverageDistricts', value)}
          error={errors.coverageDistricts}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <MultiSelect
            label={t('serviceDirectory.form.targetSexes')}
            data={DIRECTORY_TARGET_SEXES.map((sex) => ({ value: sex, label: t(`serviceDirectory.sex.${sex}`) }))}
            value={values.targetSexes}
            onChange={(value) => setField('targetSexes', value as DirectoryTargetSex[])}
          />
          <NumberInput label={t('serviceDirectory.form.minAge')} {...age('minAge')} />
          <NumberInput label={t('serviceDirectory.form.maxAge')} {...age('maxAge')} />
        </SimpleGrid>
        <MultiSelect
          label={t('serviceDirectory.form.nationalities')}
          data={countries}
          value={values.nationalities}
          onChange={(value) => setField('nationalities', value)}
          error={errors.nationalities}
          searchable
        />
        <MultiSelect
          label={t('serviceDirectory.form.languages')}
          data={sortedOptions(SPOKEN_LANGUAGES, (code) => t(`languageName.${code}`), locale)}
          value={values.languages}
          onChange={(value) => setField('languages', value)}
          error={errors.languages}
          searchable
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('serviceDirectory.form.hours')} {...text('hours')} />
          <TextInput label={t('serviceDirectory.form.capacityNote')} {...text('capacityNote')} />
          <TextInput label={t('serviceDirectory.form.costNote')} {...text('costNote')} />
        </SimpleGrid>
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

export type ServiceFormTarget = { service: DirectoryService | null };

export function ServiceFormModal({
  organisationId,
  target,
  onClose,
}: {
  organisationId: string;
  target: ServiceFormTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <GuardedModal
      opened={target !== null}
      onClose={onClose}
      size="lg"
      title={t(target?.service ? 'serviceDirectory.form.editService' : 'serviceDirectory.form.addService')}
    >
      {target && <ServiceForm organisationId={organisationId} service={target.service} onDone={onClose} />}
    </GuardedModal>
  );
}
