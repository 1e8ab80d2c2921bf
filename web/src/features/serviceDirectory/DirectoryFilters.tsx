import { Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DIRECTORY_TARGET_SEXES, SERVICE_AREAS, SPOKEN_LANGUAGES } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { sortedOptions } from '../caseRecord/common/options';
import { useCountryOptions } from '../countries/useCountries';
import type { DirectoryPageSearch } from './directorySearch';

interface DirectoryFiltersProps {
  search: DirectoryPageSearch;
  onChange: (changes: Partial<DirectoryPageSearch>) => void;
}

/** Narrowing by what the person needs: the area of help, where, who she is and what she speaks. */
export function DirectoryFilters({ search, onChange }: DirectoryFiltersProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const countries = useCountryOptions();
  const setCount = Object.entries(search).filter(([key, value]) => key !== 'page' && key !== 'q' && value !== undefined).length;
  const anySet = setCount > 0;
  // On a phone the filters fold away so the results start on the first screen.
  const [open, setOpen] = useState(anySet);
  return (
    <>
      <Button variant="light" hiddenFrom="sm" onClick={() => setOpen((value) => !value)} aria-expanded={open}>
        {t('layout.filters', { count: setCount })}
      </Button>
      <Stack gap="sm" visibleFrom={open ? undefined : 'sm'}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select
            label={t('serviceDirectory.filters.serviceArea')}
            data={SERVICE_AREAS.map((area) => ({ value: area, label: t(`serviceDirectory.areas.${area}`) }))}
            value={search.serviceArea ?? null}
            onChange={(value) => onChange({ serviceArea: (value as DirectoryPageSearch['serviceArea']) ?? undefined })}
            clearable
          />
          <Select
            label={t('serviceDirectory.filters.country')}
            data={countries}
            value={search.countryCode ?? null}
            onChange={(value) => onChange({ countryCode: value ?? undefined })}
            clearable
            searchable
          />
          <TextInput
            label={t('serviceDirectory.filters.province')}
            defaultValue={search.province ?? ''}
            key={search.province ?? ''}
            onBlur={(event) => onChange({ province: event.currentTarget.value.trim() || undefined })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') onChange({ province: event.currentTarget.value.trim() || undefined });
            }}
          />
          <Select
            label={t('serviceDirectory.filters.language')}
            data={sortedOptions(SPOKEN_LANGUAGES, (code) => t(`languageName.${code}`), locale)}
            value={search.language ?? null}
            onChange={(value) => onChange({ language: (value as DirectoryPageSearch['language']) ?? undefined })}
            clearable
            searchable
          />
          <Select
            label={t('serviceDirectory.filters.sex')}
            data={DIRECTORY_TARGET_SEXES.map((sex) => ({ value: sex, label: t(`serviceDirectory.sex.${sex}`) }))}
            value={search.sex ?? null}
            onChange={(value) => onChange({ sex: (value as DirectoryPageSearch['sex']) ?? undefined })}
            clearable
          />
          <NumberInput
            label={t('serviceDirectory.filters.age')}
            min={0}
            max={120}
            allowDecimal={false}
            value={search.age ?? ''}
            onChange={(value) => onChange({ age: typeof value === 'number' ? value : undefined })}
          />
          <Select
            label={t('serviceDirectory.filters.nationality')}
            data={countries}
            value={search.nationality ?? null}
            onChange={(value) => onChange({ nationality: value ?? undefined })}
            clearable
            searchable
          />
        </SimpleGrid>
        <Group justify="space-between" wrap="wrap">
          <Checkbox
            label={t('serviceDirectory.filters.needsVerification')}
            checked={search.needsVerification ?? false}
            onChange={(event) => onChange({ needsVerification: event.currentTarget.checked || undefined })}
          />
          {anySet && (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() =>
                onChange({
                  serviceArea: undefined,
                  countryCode: undefined,
                  province: undefined,
                  sex: undefined,
                  age: undefined,
                  nationality: undefined,
                  language: undefined,
                  needsVerification: undefined,
                })
              }
            >
              {t('serviceDirectory.filters.clear')}
            </Button>
          )}
        </Group>
      </Stack>
    </>
  );
}
