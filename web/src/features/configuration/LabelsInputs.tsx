import { Button, Fieldset, Group, SimpleGrid, Text, TextInput } from '@mantine/core';
import { type FieldError, type LocalisedLabels, SUPPORTED_LOCALES } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { fieldErrorMessage } from '../../lib/fieldErrorMessage';

/** Keys and codes are typed as stored: a fixed-width input, with its label in the interface font. */
export const MONOSPACE_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

interface LabelsInputsProps {
  legend: string;
  description?: string;
  value: LocalisedLabels;
  onChange: (labels: LocalisedLabels) => void;
  /** Errors of the whole form; those under `path` (e.g. `labels.km`) show beside their language. */
  errors?: readonly FieldError[];
  path?: string;
}

/**
 * One text per interface language, each input marked with its language so that its script is
 * shaped and spoken correctly. Configuration carries every label in all eight languages.
 */
export function LabelsInputs({ legend, description, value, onChange, errors = [], path = 'labels' }: LabelsInputsProps) {
  const { t } = useTranslation();
  const english = value.en.trim();
  const missing = SUPPORTED_LOCALES.filter((locale) => value[locale].trim() === '');
  // An empty label is said to be missing; any other refusal (a label too long) in its own words, with its limit.
  const errorOf = (locale: keyof LocalisedLabels) => {
    const empty = value[locale].trim() === '';
    const error = errors.find((each) => each.path === `${path}.${locale}` || (each.path === path && empty));
    if (!error) return undefined;
    return empty ? t('configuration.labels.missing') : (fieldErrorMessage(t, error) ?? error.message);
  };

  return (
    <Fieldset legend={legend}>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {SUPPORTED_LOCALES.map((locale) => (
          <TextInput
            key={locale}
            label={t(`language.${locale}`)}
            lang={locale}
            value={value[locale]}
            onChange={(event) => onChange({ ...value, [locale]: event.currentTarget.value })}
            error={errorOf(locale)}
            required
          />
        ))}
      </SimpleGrid>
      {english && missing.length > 0 && (
        <Group mt="sm">
          <Button
            variant="light"
            size="xs"
            onClick={() => onChange({ ...value, ...Object.fromEntries(missing.map((locale) => [locale, english])) })}
          >
            {t('configuration.labels.fillFromEnglish')}
          </Button>
        </Group>
      )}
    </Fieldset>
  );
}
