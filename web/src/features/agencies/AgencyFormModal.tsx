import { Button, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import {
  AGENCY_FUNCTIONS,
  type Agency,
  type AgencyFunction,
  agencyCreateSchema,
  agencyUpdateSchema,
  type FieldError,
  ORGANISATION_TYPES,
  type OrganisationType,
} from '@seamless/contracts';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuardedModal } from '../../components/GuardedModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../lib/drafts/formGuard';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { useCountryOptions, useInstanceCountry } from '../countries/useCountries';
import { agencyFunctionOptions, organisationTypeOptions } from './agencyVocabulary';
import { useAgencyOptions, useCreateAgency, useUpdateAgency } from './queries';

/** Which agency the modal edits; `null` agency means a new one. */
export type AgencyFormTarget = { agency: Agency | null };

interface AgencyFormValues {
  name: string;
  localName: string;
  acronym: string;
  countryCode: string | null;
  parentId: string | null;
  organisationType: OrganisationType | null;
  agencyFunction: AgencyFunction | null;
  province: string;
  city: string;
  phone: string;
  email: string;
  active: boolean;
}

function initialValues(agency: Agency | null): AgencyFormValues {
  return {
    name: agency?.name ?? '',
    localName: agency?.localName ?? '',
    acronym: agency?.acronym ?? '',
    countryCode: agency?.countryCode ?? null,
    parentId: agency?.parentId ?? null,
    organisationType: agency?.organisationType ?? null,
    agencyFunction: agency?.agencyFunction ?? null,
    province: agency?.province ?? '',
    city: agency?.city ?? '',
    phone: agency?.phone ?? '',
    email: agency?.email ?? '',
    active: agency?.active ?? true,
  };
}

const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The request body; unset selects stay undefined so the schema reports them as missing. */
function toBody(values: AgencyFormValues) {
  return {
    name: values.name,
    localName: blankToNull(values.localName),
    acronym: blankToNull(values.acronym),
    countryCode: values.countryCode ?? undefined,
    parentId: values.parentId,
    organisationType: values.organisationType ?? undefined,
    agencyFunction: values.agencyFunction ?? undefined,
    province: blankToNull(values.province),
    city: blankToNull(values.city),
    phone: blankToNull(values.phone),
    email: blankToNull(values.email),
  };
}

interface AgencyFormProps {
  agency: Agency | null;
  onDone: () => void;
}

function AgencyForm({ agency, onDone }: AgencyFormProps) {
  const { t } = useTranslation();
  const instanceCountry = useInstanceCountry();
  const countryOptions = useCountryOptions();
  const parentOptions = useAgencyOptions().filter((option) => option.value !== agency?.id);
  const { values, setField, draft } = useDraftForm(() => initialValues(agency), { form: 'agency', record: agency?.id ?? 'new' });
  const cancel = useGuardedCancel(onDone);
  // A new agency defaults to this instance's country, which may arrive after the form opens.
  const countryCode = values.countryCode ?? instanceCountry ?? null;
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const create = useCreateAgency();
  const update = useUpdateAgency();
  const mutation = agency ? update : create;
  const errors = useFieldErrors(clientErrors, mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = toBody({ ...values, countryCode });
    if (agency) {
      const checked = validate(agencyUpdateSchema, { ...body, active: values.active, version: agency.version });
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) update.mutate({ id: agency.id, body: checked.data }, { onSuccess: draft.clearing(onDone) });
    } else {
      const checked = validate(agencyCreateSchema, body);
      setClientErrors(checked.ok ? [] : checked.errors);
      if (checked.ok) create.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
    }
  };

  const text = (field: 'name' | 'localName' | 'acronym' | 'province' | 'city' | 'phone' | 'email') => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => setField(field, event.currentTarget.value),
    error: errors[field],
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <TextInput label={t('agencies.fields.name')} required {...text('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('agencies.fields.localName')}
            description={t('agencies.fields.localNameDescription')}
            {...text('localName')}
          />
          <TextInput label={t('agencies.fields.acronym')} {...text('acronym')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('agencies.fields.organisationType')}
            data={organisationTypeOptions(t)}
            value={values.organisationType}
            onChange={(value) => setField('organisationType', oneOf(value, ORGANISATION_TYPES) ?? null)}
            error={errors.organisationType}
            required
          />
          <Select
            label={t('agencies.fields.agencyFunction')}
            data={agencyFunctionOptions(t)}
            value={values.agencyFunction}
            onChange={(value) => setField('agencyFunction', oneOf(value, AGENCY_FUNCTIONS) ?? null)}
            error={errors.agencyFunction}
            required
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('agencies.fields.country')}
            data={countryOptions}
            value={countryCode}
            onChange={(value) => setField('countryCode', value)}
            error={errors.countryCode}
            searchable
            required
          />
          <Select
            label={t('agencies.fields.parent')}
            description={t('agencies.fields.parentDescription')}
            data={parentOptions}
            value={values.parentId}
            onChange={(value) => setField('parentId', value)}
            error={errors.parentId}
            searchable
            clearable
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('agencies.fields.province')} {...text('province')} />
          <TextInput label={t('agencies.fields.city')} {...text('city')} />
          <TextInput label={t('agencies.fields.phone')} type="tel" autoComplete="off" {...text('phone')} />
          <TextInput label={t('agencies.fields.email')} type="email" autoComplete="off" {...text('email')} />
        </SimpleGrid>
        {agency && (
          <Switch
            label={t('agencies.fields.active')}
            description={t('agencies.fields.activeDescription')}
            checked={values.active}
            onChange={(event) => setField('active', event.currentTarget.checked)}
          />
        )}
        <ProblemAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {agency ? t('common.save') : t('agencies.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface AgencyFormModalProps {
  target: AgencyFormTarget | null;
  onClose: () => void;
}

export function AgencyFormModal({ target, onClose }: AgencyFormModalProps) {
  const { t } = useTranslation();
  return (
    <GuardedModal
      opened={target !== null}
      onClose={onClose}
      title={target?.agency ? t('agencies.editTitle', { name: target.agency.name }) : t('agencies.createTitle')}
      size="xl"
    >
      {target && <AgencyForm key={target.agency?.id ?? 'new'} agency={target.agency} onDone={onClose} />}
    </GuardedModal>
  );
}
