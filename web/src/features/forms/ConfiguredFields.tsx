import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { FieldError, FormField, LookupList } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { ActionLabel } from '../../components/ActionLabel';
import { DateInput } from '../../components/DateInput';
import { useLocale } from '../../i18n/useLocale';
import {
  answerFromInput,
  type ConfiguredForm,
  choiceOptions,
  chosenValues,
  closedSections,
  type FormAnswers,
  inputValueOf,
  localised,
  requiredNow,
  visibleGroups,
} from './configuredForm';
import { useFormAnswerErrors } from './useFormAnswerErrors';

/** Lists longer than this can be searched by typing. */
const SEARCHABLE_FROM = 8;

export interface ConfiguredFieldsProps {
  /** The form and its picklists, e.g. `useConfiguredForm('case').data`. */
  form: ConfiguredForm;
  /** Case sections the reader may fill in (need to know); 'general' is always open. */
  sections: readonly string[];
  value: FormAnswers;
  onChange: (answers: FormAnswers) => void;
  /** Answers as stored: a deactivated picklist value already chosen stays on offer. */
  stored?: FormAnswers;
  /** Issues from `checkFormAnswers`, run before sending. */
  issues?: readonly FieldError[];
  /** A failed save: its field errors under `pathPrefix` show beside the fields. */
  serverError?: unknown;
  /** Where the server reports these answers (default `formAnswers`). */
  pathPrefix?: string;
  disabled?: boolean;
}

interface FieldInputProps {
  field: FormField;
  list: LookupList | undefined;
  answers: FormAnswers;
  stored: FormAnswers | undefined;
  error: string | undefined;
  disabled: boolean;
  onAnswer: (answer: unknown) => void;
}

function FieldInput({ field, list, answers, stored, error, disabled, onAnswer }: FieldInputProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = localised(field.labels, locale);
  const description = field.help ? localised(field.help, locale) || undefined : undefined;
  const required = requiredNow(field, answers);
  const shown = inputValueOf(field, answers[field.key]);
  const common = { label, description, required, error, disabled };
  const set = (input: unknown) => onAnswer(answerFromInput(field, input));

  switch (field.type) {
    case 'text':
      return (
        <TextInput {...common} value={shown as string} maxLength={field.maxLength} onChange={(event) => set(event.currentTarget.value)} />
      );
    case 'textarea':
      return (
        <Textarea
          {...common}
          value={shown as string}
          maxLength={field.maxLength}
          autosize
          minRows={3}
          onChange={(event) => set(event.currentTarget.value)}
        />
      );
    case 'date':
      return <DateInput {...common} value={shown as string} onChange={set} />;
    case 'number':
      return <NumberInput {...common} value={shown as string | number} min={field.min} max={field.max} onChange={set} />;
    case 'boolean':
      return (
        <Radio.Group {...common} value={shown === null ? null : String(shown)} onChange={(choice) => set(choice === 'true')}>
          <Group gap="lg" mt={6}>
            <Radio value="true" label={t('common.yes')} disabled={disabled} />
            <Radio value="false" label={t('common.no')} disabled={disabled} />
            {!required && shown !== null && !disabled && (
              <Button variant="subtle" size="compact-xs" onClick={() => set(null)}>
                <ActionLabel label={t('configuration.fields.clear')} subject={label} />
              </Button>
            )}
          </Group>
        </Radio.Group>
      );
    case 'select':
    case 'multiselect': {
      const keep = [...chosenValues(stored?.[field.key]), ...chosenValues(answers[field.key])];
      const data = choiceOptions(list, locale, keep).map((option) => ({
        value: option.value,
        label: option.active ? option.label : t('configuration.fields.inactiveValue', { label: option.label }),
      }));
      const searchable = data.length > SEARCHABLE_FROM;
      if (field.type === 'select') {
        return (
          <Select
            {...common}
            data={data}
            value={shown as string | null}
            onChange={set}
            searchable={searchable}
            clearable={!required}
            placeholder={t('configuration.fields.choose')}
            nothingFoundMessage={t('configuration.fields.nothingFound')}
          />
        );
      }
      return (
        <MultiSelect
          {...common}
          data={data}
          value={shown as string[]}
          onChange={set}
          searchable={searchable}
          clearable
          maxValues={field.max}
          hidePickedOptions
          placeholder={(shown as string[]).length ? undefined : t('configuration.fields.chooseSeveral')}
          nothingFoundMessage={t('configuration.fields.nothingFound')}
        />
      );
    }
  }
}

/**
 * The fields a country configured for a form, in the reader's language: grouped as configured,
 * only those of sections the reader may fill in, required markers following the conditional
 * rules as answers change, picklists offering their active values, and each field's problem beside it.
 */
export function ConfiguredFields({
  form,
  sections,
  value,
  onChange,
  stored,
  issues = [],
  serverError,
  pathPrefix = 'formAnswers',
  disabled = false,
}: ConfiguredFieldsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errors = useFormAnswerErrors(form.definition, issues, serverError, pathPrefix);
  if (!form.definition) return null;
  const lists = new Map(form.lookups.map((list) => [list.key, list]));
  const closed = closedSections(form.definition, sections);

  return (
    <Stack>
      {visibleGroups(form.definition, sections).map((group) => (
        <Fieldset key={group.key} legend={localised(group.labels, locale)} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {group.fields.map((field) => (
              <div key={field.key} style={field.type === 'textarea' ? { gridColumn: '1 / -1' } : undefined}>
                <FieldInput
                  field={field}
                  list={field.lookup ? lists.get(field.lookup) : undefined}
                  answers={value}
                  stored={stored}
                  error={errors[field.key]}
                  disabled={disabled}
                  onAnswer={(answer) => onChange({ ...value, [field.key]: answer })}
                />
              </div>
            ))}
          </SimpleGrid>
        </Fieldset>
      ))}
      {closed.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('configuration.fields.closedSections', {
            sections: closed.map((section) => t(`configuration.section.${section}`)).join(', '),
          })}
        </Text>
      )}
    </Stack>
  );
}
