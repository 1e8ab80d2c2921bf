import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  type CaseDetail,
  CONTACT_KINDS,
  type FieldError,
  GENDERS,
  IDENTITY_DOCUMENT_TYPES,
  personUpdateSchema,
  SPOKEN_LANGUAGES,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/DateInput';
import { GuardedModal } from '../../../components/GuardedModal';
import { useLocale } from '../../../i18n/useLocale';
import { DraftNotice } from '../../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../../lib/drafts/formGuard';
import { useDraftForm } from '../../../lib/drafts/useDraftForm';
import { oneOf } from '../../../lib/oneOf';
import { validate } from '../../../lib/validation';
import { useCountryOptions } from '../../countries/useCountries';
import { MutationProblem } from '../common/MutationProblem';
import { sortedOptions, todayIso } from '../common/options';
import { useRecordFieldErrors } from '../common/useRecordFieldErrors';
import { useCaseDetail, useUpdatePerson } from '../queries';
import { type ContactRow, type DocumentRow, type PersonFormValues, personFormValues, personUpdateCandidate } from './personForm';

interface PersonFormProps {
  detail: CaseDetail;
  onDone: () => void;
}

function PersonForm({ detail, onDone }: PersonFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countryOptions = useCountryOptions();
  const refetch = useCaseDetail(detail.id).refetch;
  const { values, setField, draft } = useDraftForm<PersonFormValues>(() => personFormValues(detail), { form: 'person', record: detail.id });
  const cancel = useGuardedCancel(onDone);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const update = useUpdatePerson(detail.id);
  const errors = useRecordFieldErrors(clientErrors, update.error, {
    birthDate: t('caseRecord.fieldError.birthDate'),
    estimatedAge: t('caseRecord.fieldError.birthDateOrAge'),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The version of the record as last loaded: after a conflict and a reload, saving applies the user's input to it.
    const checked = validate(personUpdateSchema, personUpdateCandidate(values, detail.person.version));
    setClientErrors(checked.ok ? [] : checked.errors);
    if (checked.ok) update.mutate(checked.data, { onSuccess: draft.clearing(onDone) });
  };

  const setDocument = (index: number, change: Partial<DocumentRow>) =>
    setField(
      'documents',
      values.documents.map((row, at) => (at === index ? { ...row, ...change } : row)),
    );
  const setContact = (index: number, change: Partial<ContactRow>) =>
    setField(
      'contacts',
      values.contacts.map((row, at) => (at === index ? { ...row, ...change } : row)),
    );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('caseRecord.person.givenName')}
            value={values.givenName}
            onChange={(event) => setField('givenName', event.currentTarget.value)}
            error={errors.givenName}
            required
          />
          <TextInput
            label={t('caseRecord.person.familyName')}
            value={values.familyName}
            onChange={(event) => setField('familyName', event.currentTarget.value)}
            error={errors.familyName}
          />
        </SimpleGrid>
        <TextInput
          label={t('caseRecord.person.nameAsWritten')}
          description={t('caseRecord.person.nameAsWrittenHint')}
          value={values.nameAsWritten}
          onChange={(event) => setField('nameAsWritten', event.currentTarget.value)}
          error={errors.nameAsWritten}
        />
        <TagsInput
          label={t('caseRecord.person.aliases')}
          description={t('caseRecord.person.aliasesHint')}
          value={values.aliases}
          onChange={(aliases) => setField('aliases', aliases)}
          error={errors.aliases}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('caseRecord.person.gender')}
            data={GENDERS.map((gender) => ({ value: gender, label: t(`gender.${gender}`) }))}
            value={values.gender}
            onChange={(value) => setField('gender', oneOf(value, GENDERS) ?? null)}
            error={errors.gender}
            required
          />
          <DateInput
            label={t('caseRecord.person.birthDate')}
            value={values.birthDate}
            max={todayIso()}
            onChange={(value) => setField('birthDate', value)}
            error={errors.birthDate}
          />
          <NumberInput
            label={t('caseRecord.person.estimatedAge')}
            description={t('caseRecord.person.estimatedAgeHint')}
            value={values.estimatedAge}
            onChange={(value) => setField('estimatedAge', typeof value === 'number' ? value : '')}
            error={errors.estimatedAge}
            disabled={values.birthDate !== ''}
            min={0}
            max={120}
            // An age out of range is shown as an error to correct, never silently changed to the nearest bound.
            clampBehavior="none"
            allowDecimal={false}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('caseRecord.person.citizenship')}
            data={countryOptions}
            value={values.citizenship}
            onChange={(citizenship) => setField('citizenship', citizenship)}
            error={errors.citizenship}
            searchable
          />
          <MultiSelect
            label={t('caseRecord.person.languages')}
            data={sortedOptions(SPOKEN_LANGUAGES, (code) => t(`languageName.${code}`), locale)}
            value={values.languages}
            onChange={(languages) =>
              setField(
                'languages',
                languages.flatMap((code) => oneOf(code, SPOKEN_LANGUAGES) ?? []),
              )
            }
            error={errors.languages}
            searchable
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('caseRecord.person.ethnicMinority')}
            data={(['yes', 'no', 'unknown'] as const).map((value) => ({ value, label: t(`common.${value}`) }))}
            value={values.ethnicMinority}
            onChange={(value) => setField('ethnicMinority', oneOf(value, ['yes', 'no', 'unknown'] as const) ?? 'unknown')}
            allowDeselect={false}
          />
          <TextInput
            label={t('caseRecord.person.ethnicity')}
            value={values.ethnicity}
            onChange={(event) => setField('ethnicity', event.currentTarget.value)}
            error={errors.ethnicity}
          />
        </SimpleGrid>
        <Textarea
          label={t('caseRecord.person.address')}
          description={t('caseRecord.person.addressHint')}
          value={values.address}
          onChange={(event) => setField('address', event.currentTarget.value)}
          error={errors.address}
          autosize
          minRows={2}
        />
        <Fieldset legend={t('caseRecord.person.documents')}>
          <Stack>
            {values.documents.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved; order is stable while editing
              <Group key={index} align="flex-end" wrap="wrap">
                <Select
                  label={t('caseRecord.person.documentType')}
                  data={IDENTITY_DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`vocab.documentType.${type}`) }))}
                  value={row.documentType}
                  onChange={(value) => setDocument(index, { documentType: oneOf(value, IDENTITY_DOCUMENT_TYPES) ?? null })}
                  error={errors[`documents.${index}.documentType`]}
                  required
                />
                <TextInput
                  label={t('caseRecord.person.documentNumber')}
                  value={row.number}
                  onChange={(event) => setDocument(index, { number: event.currentTarget.value })}
                  error={errors[`documents.${index}.number`]}
                  required
                />
                <Select
                  label={t('caseRecord.person.issuingCountry')}
                  data={countryOptions}
                  value={row.issuingCountry}
                  onChange={(value) => setDocument(index, { issuingCountry: value })}
                  error={errors[`documents.${index}.issuingCountry`]}
                  searchable
                  clearable
                />
                <DateInput
                  label={t('caseRecord.person.expiresOn')}
                  value={row.expiresOn}
                  onChange={(value) => setDocument(index, { expiresOn: value })}
                  error={errors[`documents.${index}.expiresOn`]}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('caseRecord.person.removeDocument')}
                  onClick={() =>
                    setField(
                      'documents',
                      values.documents.filter((_, at) => at !== index),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() =>
                  setField('documents', [...values.documents, { documentType: null, number: '', issuingCountry: null, expiresOn: '' }])
                }
              >
                {t('caseRecord.person.addDocument')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('caseRecord.person.contacts')}>
          <Stack>
            {values.contacts.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved; order is stable while editing
              <Group key={index} align="flex-end" wrap="wrap">
                <Select
                  label={t('caseRecord.person.contactKind')}
                  data={CONTACT_KINDS.map((kind) => ({ value: kind, label: t(`vocab.contactKind.${kind}`) }))}
                  value={row.kind}
                  onChange={(value) => setContact(index, { kind: oneOf(value, CONTACT_KINDS) ?? null })}
                  error={errors[`contacts.${index}.kind`]}
                  required
                />
                <TextInput
                  label={t('caseRecord.person.contactValue')}
                  value={row.value}
                  onChange={(event) => setContact(index, { value: event.currentTarget.value })}
                  error={errors[`contacts.${index}.value`]}
                  required
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('caseRecord.person.removeContact')}
                  onClick={() =>
                    setField(
                      'contacts',
                      values.contacts.filter((_, at) => at !== index),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="light" size="xs" onClick={() => setField('contacts', [...values.contacts, { kind: null, value: '' }])}>
                {t('caseRecord.person.addContact')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <MutationProblem mutation={update} onReload={() => refetch()} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface PersonFormModalProps {
  detail: CaseDetail;
  opened: boolean;
  onClose: () => void;
}

export function PersonFormModal({ detail, opened, onClose }: PersonFormModalProps) {
  const { t } = useTranslation();
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t('caseRecord.person.editTitle')} size="xl">
      {opened && <PersonForm detail={detail} onDone={onClose} />}
    </GuardedModal>
  );
}
