import { Group, Input, type InputWrapperProps, NativeSelect, TextInput } from '@mantine/core';
import { type FocusEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/useLocale';
import { type DateFields, type DatePart, dateFieldOrder, eraOffset, readDateFields, splitIsoDate, yearInEra } from '../lib/dateFields';
import { formatDate, monthNames } from '../lib/dates';

interface DateInputProps extends Omit<InputWrapperProps, 'onChange' | 'children' | 'inputContainer' | 'inputWrapperOrder'> {
  /** The date as `YYYY-MM-DD`, '' for none. */
  value: string;
  /** Called with `YYYY-MM-DD` once the fields make a date, and with '' while they do not. */
  onChange: (value: string) => void;
  /** The earliest and latest dates accepted, as `YYYY-MM-DD`. */
  min?: string | undefined;
  max?: string | undefined;
  disabled?: boolean;
}

/**
 * A date typed as day, month and year in the order and calendar of the reader's language, with the
 * month picked by name: the browser's own date input shows mm/dd/yyyy and Common-era years whatever the
 * language, and cannot take a Thai reader's Buddhist-era year.
 */
export function DateInput({ value, onChange, min, max, disabled, label, description, error, required, size, ...wrapper }: DateInputProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [fields, setFields] = useState<DateFields>(() => splitIsoDate(value, locale));
  const [touched, setTouched] = useState(false);

  const reading = readDateFields(fields, locale);
  const typedValue = reading.kind === 'date' ? reading.iso : '';
  // A value set from outside (a reset, a loaded record) or a change of language (and so of era)
  // replaces what was typed; the value this input itself reported keeps the fields as typed.
  const [shown, setShown] = useState({ value, locale });
  if (shown.value !== value || shown.locale !== locale) {
    setShown({ value, locale });
    if (value !== typedValue || shown.locale !== locale) setFields(splitIsoDate(value, locale));
  }

  const change = (part: DatePart, text: string) => {
    const next = { ...fields, [part]: text };
    setFields(next);
    const nextReading = readDateFields(next, locale);
    const nextValue = nextReading.kind === 'date' ? nextReading.iso : '';
    if (nextValue !== value) onChange(nextValue);
  };

  const leave = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setTouched(true);
  };

  const ownError = touched ? problem() : undefined;
  function problem(): string | undefined {
    switch (reading.kind) {
      case 'incomplete':
        return t('dateInput.incomplete');
      case 'noSuchDay':
        return t('dateInput.noSuchDay');
      case 'implausibleYear':
        return t('dateInput.implausibleYear', { example: yearInEra(new Date().getFullYear(), locale) });
      case 'date':
        if (min && reading.iso < min) return t('dateInput.notBefore', { date: formatDate(min, locale) });
        if (max && reading.iso > max) return t('dateInput.notAfter', { date: formatDate(max, locale) });
        return undefined;
      default:
        return undefined;
    }
  }
  const shownError: ReactNode = error || ownError;

  const labelId = `${id}-label`;
  const describedBy = [description ? `${id}-description` : '', shownError ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = Boolean(shownError);
  const inputs: Record<DatePart, ReactNode> = {
    day: (
      <TextInput
        key="day"
        aria-label={t('dateInput.day')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={2}
        size={size}
        w="3.5rem"
        value={fields.day}
        disabled={disabled}
        error={invalid}
        aria-required={required || undefined}
        onChange={(event) => change('day', event.currentTarget.value)}
      />
    ),
    month: (
      <NativeSelect
        key="month"
        aria-label={t('dateInput.month')}
        size={size}
        flex={1}
        miw="7rem"
        value={fields.month}
        disabled={disabled}
        error={invalid}
        aria-required={required || undefined}
        data={[
          { value: '', label: t('dateInput.month') },
          ...monthNames(locale).map((name, index) => ({ value: String(index + 1), label: name })),
        ]}
        onChange={(event) => change('month', event.currentTarget.value)}
      />
    ),
    year: (
      <TextInput
        key="year"
        aria-label={eraOffset(locale) ? t('dateInput.yearBuddhistEra') : t('dateInput.year')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        size={size}
        w="5rem"
        value={fields.year}
        disabled={disabled}
        error={invalid}
        aria-required={required || undefined}
        onChange={(event) => change('year', event.currentTarget.value)}
      />
    ),
  };

  return (
    <Input.Wrapper
      {...wrapper}
      id={id}
      size={size}
      label={label}
      labelElement="div"
      labelProps={{ id: labelId }}
      description={description}
      descriptionProps={{ id: `${id}-description` }}
      error={shownError}
      errorProps={{ id: `${id}-error` }}
      required={required}
    >
      <Group role="group" aria-labelledby={labelId} aria-describedby={describedBy} gap={6} wrap="wrap" align="flex-start" onBlur={leave}>
        {dateFieldOrder(locale).map((part) => inputs[part])}
      </Group>
    </Input.Wrapper>
  );
}
