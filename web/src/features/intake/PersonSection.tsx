import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { CONTACT_KINDS, GENDERS, IDENTITY_DOCUMENT_TYPES, SPOKEN_LANGUAGES } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { useLocale } from '../../i18n/useLocale';
import { formatDate } from '../../lib/dates';
import { oneOf } from '../../lib/oneOf';
import { useCountryOptions } from '../countries/useCountries';
import { ageOn, type ContactRow, type DocumentRow, type IntakeValues } from './intakeForm';

type SetField = <Key extends keyof IntakeValues>(key: Key, value: IntakeValues[Key]) => void;

interface PersonSectionProps {
  values: IntakeValues;
  setField: SetField;
  errors: Record<string, string>;
  today: string;
}

const newKey = () => crypto.randomUUID();

function ageNow(values: IntakeValues, today: string): number | null {
  if (values.birthDate && values.birthDate <= today) return ageOn(values.birthDate, today);
  return typeof values.estimatedAge === 'number' ? values.estimatedAge : null;
}

function DocumentRows({ values, setField, errors }: Omit<PersonSectionProps, 'today'>) {
  const { t } = useTranslation();
  const countryOptions = useCountryOptions();
  const update = (index: number, patch: Partial<DocumentRow>) =>
    setField(
      'documents',
      values.documents.map((row, at) => (at === index ? { ...row, ...patch } : row)),
    );
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('caseload.intake.documents')}
      </Text>
      {values.documents.map((row, index) => (
        <Group key={row.key} align="flex-start" wrap="wrap" gap="sm">
          <Select
            label={t('caseload.intake.documentType')}
            data={IDENTITY_DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`vocab.documentType.${type}`) }))}
            value={row.documentType}
            onChange={(type) => update(index, { documentType: oneOf(type, IDENTITY_DOCUMENT_TYPES) ?? null })}
            error={errors[`person.documents.${index}.documentType`]}
            w={220}
            required
          />
          <TextInput
            label={t('caseload.intake.documentNumber')}
            value={row.number}
            onChange={(event) => update(index, { number: event.currentTarget.value })}
            error={errors[`person.documents.${index}.number`]}
            maxLength={60}
            autoComplete="off"
            spellCheck={false}
            w={200}
            required
          />
          <Select
            label={t('caseload.intake.issuingCountry')}
            data={countryOptions}
            value={row.issuingCountry}
            onChange={(issuingCountry) => update(index, { issuingCountry })}
            error={errors[`person.documents.${index}.issuingCountry`]}
            searchable
            clearable
            w={200}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={28}
            onClick={() =>
              setField(
                'documents',
                values.documents.filter((_, at) => at !== index),
              )
            }
            aria-label={t('caseload.intake.removeDocument', { number: index + 1 })}
          >
            <span aria-hidden="true">✕</span>
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() =>
            setField('documents', [...values.documents, { key: newKey(), documentType: null, number: '', issuingCountry: null }])
          }
          disabled={values.documents.length >= 10}
        >
          {t('caseload.intake.addDocument')}
        </Button>
      </Group>
    </Stack>
  );
}

function ContactRows({ values, setField, errors }: Omit<PersonSectionProps, 'today'>) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<ContactRow>) =>
    setField(
      'contacts',
      values.contacts.map((row, at) => (at === index ? { ...row, ...patch } : row)),
    );
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('caseload.intake.contacts')}
      </Text>
      {values.contacts.map((row, index) => (
        <Group key={row.key} align="flex-start" wrap="wrap" gap="sm">
          <Select
            label={t('caseload.intake.contactKind')}
            data={CONTACT_KINDS.map((kind) => ({ value: kind, label: t(`vocab.contactKind.${kind}`) }))}
            value={row.kind}
            onChange={(kind) => update(index, { kind: oneOf(kind, CONTACT_KINDS) ?? null })}
            error={errors[`person.contacts.${index}.kind`]}
            w={180}
            required
          />
          <TextInput
            label={t('caseload.intake.contactValue')}
            value={row.value}
            onChange={(event) => update(index, { value: event.currentTarget.value })}
            error={errors[`person.contacts.${index}.value`]}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            w={260}
            required
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={28}
            onClick={() =>
              setField(
                'contacts',
                values.contacts.filter((_, at) => at !== index),
              )
            }
            aria-label={t('caseload.intake.removeContact', { number: index + 1 })}
          >
            <span aria-hidden="true">✕</span>
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setField('contacts', [...values.contacts, { key: newKey(), kind: 'phone', value: '' }])}
          disabled={values.contacts.length >= 10}
        >
          {t('caseload.intake.addContact')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Who the person is (HTCDS `prs_`): names in her script and romanised, age, nationality, papers, contacts. */
export function PersonSection({ values, setField, errors, today }: PersonSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countryOptions = useCountryOptions();
  const age = ageNow(values, today);
  const birthDateShown = values.birthDate ? formatDate(values.birthDate, locale) : '';
  return (
    <Fieldset legend={t('caseload.intake.sections.person')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('caseload.intake.givenName')}
            description={t('fieldHelp.person.givenName')}
            value={values.givenName}
            onChange={(event) => setField('givenName', event.currentTarget.value)}
            error={errors['person.givenName']}
            maxLength={200}
            autoComplete="off"
            required
          />
          <TextInput
            label={t('caseload.intake.familyName')}
            description={t('fieldHelp.person.familyName')}
            value={values.familyName}
            onChange={(event) => setField('familyName', event.currentTarget.value)}
            error={errors['person.familyName']}
            maxLength={200}
            autoComplete="off"
          />
          <TextInput
            label={t('caseload.intake.nameAsWritten')}
            description={t('caseload.intake.nameAsWrittenDescription')}
            value={values.nameAsWritten}
            onChange={(event) => setField('nameAsWritten', event.currentTarget.value)}
            error={errors['person.nameAsWritten']}
            maxLength={400}
            autoComplete="off"
          />
          <TagsInput
            label={t('caseload.intake.aliases')}
            description={t('caseload.intake.aliasesDescription')}
            value={values.aliases}
            onChange={(aliases) => setField('aliases', aliases)}
            error={errors['person.aliases']}
            maxTags={20}
            clearable
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('caseload.intake.gender')}
            description={t('fieldHelp.person.gender')}
            data={GENDERS.map((gender) => ({ value: gender, label: t(`gender.${gender}`) }))}
            value={values.gender}
            onChange={(gender) => setField('gender', oneOf(gender, GENDERS) ?? null)}
            error={errors['person.gender']}
            required
          />
          <DateInput
            label={t('caseload.intake.birthDate')}
            description={
              birthDateShown ? t('caseload.intake.birthDateReads', { date: birthDateShown }) : t('caseload.intake.birthDateHint')
            }
            value={values.birthDate}
            max={today}
            onChange={(value) => setField('birthDate', value)}
            error={errors['person.birthDate']}
          />
          <NumberInput
            label={t('caseload.intake.estimatedAge')}
            description={t('caseload.intake.estimatedAgeDescription')}
            value={values.estimatedAge}
            onChange={(estimatedAge) => setField('estimatedAge', estimatedAge)}
            error={errors['person.estimatedAge']}
            min={0}
            max={120}
            // An age out of range is shown as an error to correct, never silently changed to the nearest bound.
            clampBehavior="none"
            allowDecimal={false}
          />
        </SimpleGrid>
        {/* A child is protected differently (the means of trafficking need not be shown): say so at once. */}
        {age !== null && age < 18 && (
          <Group gap="xs">
            <Badge color="violet" variant="light">
              {t('caseload.badge.child')}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('caseload.intake.childNote', { age })}
            </Text>
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('caseload.intake.citizenship')}
            description={t('caseload.intake.citizenshipDescription')}
            data={countryOptions}
            value={values.citizenship}
            onChange={(citizenship) => setField('citizenship', citizenship)}
            error={errors['person.citizenship']}
            maxValues={5}
            searchable
            clearable
          />
          <MultiSelect
            label={t('caseload.intake.languages')}
            description={t('fieldHelp.person.languages')}
            data={SPOKEN_LANGUAGES.map((language) => ({ value: language, label: t(`languageName.${language}`) }))}
            value={values.languages}
            onChange={(languages) =>
              setField(
                'languages',
                languages.flatMap((language) => oneOf(language, SPOKEN_LANGUAGES) ?? []),
              )
            }
            error={errors['person.languages']}
            maxValues={10}
            searchable
            clearable
          />
        </SimpleGrid>
        <Checkbox
          label={t('caseload.intake.ethnicMinority')}
          description={t('fieldHelp.person.ethnicMinority')}
          checked={values.ethnicMinority}
          onChange={(event) => setField('ethnicMinority', event.currentTarget.checked)}
        />
        <DocumentRows values={values} setField={setField} errors={errors} />
        <ContactRows values={values} setField={setField} errors={errors} />
      </Stack>
    </Fieldset>
  );
}
