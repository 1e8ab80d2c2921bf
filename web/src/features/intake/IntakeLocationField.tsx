import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProvinces } from '../forms/useProvinces';

interface IntakeLocationFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/**
 * Where the person is: a province of the country's list where it keeps one (stored as its code, so
 * the statistics can count by province), the caller's own words where it does not.
 */
export function IntakeLocationField({ value, onChange, error }: IntakeLocationFieldProps) {
  const { t } = useTranslation();
  const provinces = useProvinces();
  if (provinces === null) {
    return (
      <TextInput
        label={t('caseload.intake.location')}
        description={t('caseload.intake.locationDescription')}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        maxLength={200}
      />
    );
  }
  return (
    <Select
      label={t('caseload.intake.location')}
      description={t('caseload.intake.provinceDescription')}
      data={provinces?.options ?? []}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
      error={error}
      disabled={provinces === undefined}
      nothingFoundMessage={t('caseload.intake.provinceNotFound')}
      searchable
      clearable
    />
  );
}
