import { Button, Group, Input, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  type FieldError,
  FORM_FIELD_TYPES,
  FORM_SECTIONS,
  type FormDefinition,
  type FormField,
  formFieldSchema,
  type LookupList,
} from '@seamless/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuardedModal } from '../../components/GuardedModal';
import { useLocale } from '../../i18n/useLocale';
import { DraftNotice } from '../../lib/drafts/DraftNotice';
import { useGuardedCancel } from '../../lib/drafts/formGuard';
import { useDraftForm } from '../../lib/drafts/useDraftForm';
import { oneOf } from '../../lib/oneOf';
import { useFieldErrors } from '../../lib/useFieldErrors';
import { validate } from '../../lib/validation';
import { choiceOptions, localised } from '../forms/configuredForm';
import { allFields, type FieldDraft, fieldDraftOf, fieldFromDraft, isChoiceType, newFieldDraft, REQUIRED_MODES } from './formDraft';
import { LabelsInputs, MONOSPACE_INPUT } from './LabelsInputs';

type RuleMessage =
  | 'configuration.fieldForm.keyFormat'
  | 'configuration.fieldForm.keyTaken'
  | 'configuration.fieldForm.chooseList'
  | 'configuration.fieldForm.chooseCondition'
  | 'configuration.fieldForm.maxBelowMin';

/** Specific sentences for the rules of a field's configuration, by path and code; other codes get the shared ones. */
const FIELD_RULE_MESSAGES: Record<string, Partial<Record<string, RuleMessage>>> = {
  key: {
    invalid_format: 'configuration.fieldForm.keyFormat',
    too_small: 'configuration.fieldForm.keyFormat',
    taken: 'configuration.fieldForm.keyTaken',
  },
  lookup: {
    custom: 'configuration.fieldForm.chooseList',
    too_small: 'configuration.fieldForm.chooseList',
    invalid_format: 'configuration.fieldForm.chooseList',
  },
  'required.when.field': {
    too_small: 'configuration.fieldForm.chooseCondition',
    invalid_format: 'configuration.fieldForm.chooseCondition',
  },
  max: { custom: 'configuration.fieldForm.maxBelowMin' },
};

interface ConditionValueInputProps {
  dependency: FormField | undefined;
  lists: readonly LookupList[];
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** The awaited answer, entered as the field the condition reads takes it. */
function ConditionValueInput({ dependency, lists, value, onChange, error }: ConditionValueInputProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = t('configuration.fieldForm.whenValue');
  if (!dependency) return <TextInput label={label} value="" disabled />;
  if (dependency.type === 'boolean') {
    const data = [
      { value: 'true', label: t('common.yes') },
      { value: 'false', label: t('common.no') },
    ];
    return <Select label={label} data={data} value={value || null} onChange={(next) => onChange(next ?? '')} error={error} required />;
  }
  if (isChoiceType(dependency.type)) {
    const list = lists.find((candidate) => candidate.key === dependency.lookup);
    const data = choiceOptions(list, locale, [value]).map((option) => ({ value: option.value, label: option.label }));
    return (
      <Select label={label} data={data} value={value || null} onChange={(next) => onChange(next ?? '')} error={error} searchable required />
    );
  }
  if (dependency.type === 'number') {
    return <NumberInput label={label} value={value} onChange={(next) => onChange(String(next))} error={error} required />;
  }
  return (
    <TextInput
      label={label}
      type={dependency.type === 'date' ? 'date' : 'text'}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      required
    />
  );
}

interface FieldFormProps {
  definition: FormDefinition;
  lists: readonly LookupList[];
  field: FormField | null;
  onApply: (field: FormField) => void;
  onCancel: () => void;
  /** The form and the field (or the group a new one joins): one field's draft is never laid over another's. */
  draftRecord: string;
}

function FieldForm({ definition, lists, field, onApply, onCancel, draftRecord }: FieldFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { values, setField, draft } = useDraftForm<FieldDraft>(() => (field ? fieldDraftOf(field) : newFieldDraft()), {
    form: 'form-field',
    record: draftRecord,
  });
  const cancel = useGuardedCancel(onCancel);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const generic = useFieldErrors(errors, null);
  const messages: Record<string, string> = { ...generic };
  for (const error of errors) {
    const key = FIELD_RULE_MESSAGES[error.path]?.[error.code];
    if (key) messages[error.path] = t(key);
  }
  const others = allFields(definition).filter((candidate) => candidate.key !== field?.key);
  const dependency = others.find((candidate) => candidate.key === values.whenField);
  const fixed = field !== null;
  const bounds = values.type === 'number' ? 'number' : values.type === 'multiselect' ? 'choices' : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(formFieldSchema, fieldFromDraft(values, dependency, field ?? undefined));
    const found = checked.ok ? [] : checked.errors;
    if (!fixed && allFields(definition).some((candidate) => candidate.key === values.key.trim())) {
      found.push({ path: 'key', code: 'taken', message: '' });
    }
    if (values.requiredMode === 'when' && dependency && values.whenValue.trim() === '') {
      found.push({ path: 'required.when.equals', code: 'too_small', message: '' });
    }
    setErrors(found);
    if (checked.ok && found.length === 0) {
      draft.clear();
      onApply(checked.data);
    }
  };

  const numberInput = (name: 'min' | 'max' | 'maxLength', label: string) => (
    <NumberInput
      label={label}
      value={values[name]}
      onChange={(next) => setField(name, typeof next === 'number' ? next : '')}
      error={messages[name]}
      min={name === 'maxLength' ? 1 : bounds === 'choices' ? 0 : undefined}
      allowDecimal={bounds === 'number' && name !== 'maxLength'}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DraftNotice draft={draft} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('configuration.fieldForm.key')}
            description={fixed ? t('configuration.fieldForm.keyFixed') : t('configuration.fieldForm.keyHint')}
            value={values.key}
            onChange={(event) => setField('key', event.currentTarget.value)}
            error={messages.key}
            disabled={fixed}
            required
            styles={MONOSPACE_INPUT}
          />
          <Select
            label={t('configuration.fieldForm.type')}
            data={FORM_FIELD_TYPES.map((type) => ({ value: type, label: t(`configuration.fieldType.${type}`) }))}
            value={values.type}
            onChange={(next) => {
              const type = oneOf(next, FORM_FIELD_TYPES);
              if (type) setField('type', type);
            }}
            disabled={fixed}
            allowDeselect={false}
            required
          />
          {isChoiceType(values.type) && (
            <Select
              label={t('configuration.fieldForm.list')}
              description={t('configuration.fieldForm.listHint')}
              data={lists.map((list) => ({ value: list.key, label: localised(list.labels, locale) }))}
              value={values.lookup}
              onChange={(next) => setField('lookup', next)}
              error={messages.lookup}
              disabled={fixed}
              searchable
              required
            />
          )}
          <Select
            label={t('configuration.fieldForm.section')}
            description={t('configuration.fieldForm.sectionHint')}
            data={FORM_SECTIONS.map((section) => ({ value: section, label: t(`configuration.section.${section}`) }))}
            value={values.section}
            onChange={(next) => {
              const section = oneOf(next, FORM_SECTIONS);
              if (section) setField('section', section);
            }}
            allowDeselect={false}
            required
          />
        </SimpleGrid>
        <LabelsInputs
          legend={t('configuration.fieldForm.labels')}
          description={t('configuration.fieldForm.labelsHint')}
          value={values.labels}
          onChange={(labels) => setField('labels', labels)}
          errors={errors}
        />
        <Stack gap={6}>
          <Input.Label id="field-required-label">{t('configuration.fieldForm.required')}</Input.Label>
          <SegmentedControl
            aria-labelledby="field-required-label"
            data={REQUIRED_MODES.map((mode) => ({ value: mode, label: t(`configuration.fieldForm.requiredMode.${mode}`) }))}
            value={values.requiredMode}
            onChange={(next) => {
              const mode = oneOf(next, REQUIRED_MODES);
              if (mode) setField('requiredMode', mode);
            }}
          />
          {values.requiredMode === 'when' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('configuration.fieldForm.whenField')}
                data={others.map((candidate) => ({ value: candidate.key, label: localised(candidate.labels, locale) }))}
                value={values.whenField}
                onChange={(next) => {
                  setField('whenField', next);
                  setField('whenValue', '');
                }}
                error={messages['required.when.field']}
                searchable
                required
              />
              <ConditionValueInput
                dependency={dependency}
                lists={lists}
                value={values.whenValue}
                onChange={(next) => setField('whenValue', next)}
                error={messages['required.when.equals'] && t('configuration.fieldForm.enterValue')}
              />
            </SimpleGrid>
          )}
        </Stack>
        {bounds && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {numberInput('min', t(`configuration.fieldForm.min.${bounds}`))}
            {numberInput('max', t(`configuration.fieldForm.max.${bounds}`))}
          </SimpleGrid>
        )}
        {(values.type === 'text' || values.type === 'textarea') && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>{numberInput('maxLength', t('configuration.fieldForm.maxLength'))}</SimpleGrid>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('configuration.draft.apply')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Which field the dialog edits; a null field adds one to the group. */
export type FieldTarget = { groupKey: string; groupLabel: string; field: FormField | null };

interface FieldFormModalProps {
  target: FieldTarget | null;
  definition: FormDefinition;
  lists: readonly LookupList[];
  onApply: (target: FieldTarget, field: FormField) => void;
  onClose: () => void;
}

/** Adds a field to a group of the draft, or changes one's labels, section, requirement and bounds. */
export function FieldFormModal({ target, definition, lists, onApply, onClose }: FieldFormModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = target?.field
    ? t('configuration.fieldForm.editTitle', { label: localised(target.field.labels, locale) })
    : t('configuration.fieldForm.addTitle', { group: target?.groupLabel ?? '' });
  const record = `${definition.form}:${target?.field?.key ?? `new:${target?.groupKey ?? ''}`}`;
  return (
    <GuardedModal opened={target !== null} onClose={onClose} title={title} size="xl">
      {target && (
        <FieldForm
          key={record}
          draftRecord={record}
          definition={definition}
          lists={lists}
          field={target.field}
          onApply={(field) => {
            onApply(target, field);
            onClose();
          }}
          onCancel={onClose}
        />
      )}
    </GuardedModal>
  );
}
