import { type ComboboxItem, type ComboboxParsedItem, MultiSelect, Select, Stack, Text } from '@mantine/core';
import type { AgencyDirectoryEntry } from '@seamless/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/useLocale';
import { agencyLabel } from '../agencyLabel';
import { useAgencyDirectory } from '../queries';

type Entry = Pick<AgencyDirectoryEntry, 'id' | 'name' | 'localName' | 'acronym' | 'countryCode'>;

/** Options named as the reader knows the agency, searchable by any of its names or its acronym. */
function useAgencyOptions(agencies: readonly Entry[] | undefined) {
  const locale = useLocale();
  const { data } = useAgencyDirectory();
  return useMemo(() => {
    const source = agencies ?? data?.items ?? [];
    const byId = new Map(source.map((agency) => [agency.id, agency]));
    const options: ComboboxItem[] = source.map((agency) => ({ value: agency.id, label: agencyLabel(agency, locale) }));
    const searchText = (id: string) => {
      const agency = byId.get(id);
      return agency ? [agency.name, agency.localName, agency.acronym].filter(Boolean).join(' ').toLocaleLowerCase(locale) : '';
    };
    const filter = ({ options: parsed, search }: { options: ComboboxParsedItem[]; search: string }) => {
      const needle = search.trim().toLocaleLowerCase(locale);
      if (!needle) return parsed;
      return parsed.filter((option) => 'value' in option && searchText(option.value).includes(needle));
    };
    /** The other name under the label, so an agency can be found by its English or its local name. */
    const renderOption = ({ option }: { option: ComboboxItem }) => {
      const agency = byId.get(option.value);
      const other = agency && (option.label.startsWith(agency.name) ? agency.localName : agency.name);
      return (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          {other && (
            <Text size="xs" c="dimmed">
              {other}
            </Text>
          )}
        </Stack>
      );
    };
    return { options, filter, renderOption };
  }, [agencies, data, locale]);
}

interface AgencySelectProps {
  label: string;
  description?: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  required?: boolean;
  /** A narrower list than the whole directory, e.g. only agencies competent to decide. */
  agencies?: readonly Entry[];
}

export function AgencySelect({ agencies, value, onChange, ...props }: AgencySelectProps) {
  const { t } = useTranslation();
  const { options, filter, renderOption } = useAgencyOptions(agencies);
  return (
    <Select
      {...props}
      data={options}
      value={value}
      onChange={onChange}
      filter={filter}
      renderOption={renderOption}
      searchable
      clearable={!props.required}
      allowDeselect={!props.required}
      nothingFoundMessage={t('caseRecord.common.nothingFound')}
    />
  );
}

interface AgencyMultiSelectProps {
  label: string;
  description?: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

export function AgencyMultiSelect({ value, onChange, ...props }: AgencyMultiSelectProps) {
  const { t } = useTranslation();
  const { options, filter, renderOption } = useAgencyOptions(undefined);
  return (
    <MultiSelect
      {...props}
      data={options}
      value={value}
      onChange={onChange}
      filter={filter}
      renderOption={renderOption}
      searchable
      clearable
      nothingFoundMessage={t('caseRecord.common.nothingFound')}
    />
  );
}
