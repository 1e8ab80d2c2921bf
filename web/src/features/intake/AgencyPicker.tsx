import { type ComboboxItem, type ComboboxParsedItem, isOptionsGroup, type OptionsFilter, Select, Stack, Text } from '@mantine/core';
import { AGENCY_FUNCTIONS } from '@seamless/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { useAgencyDirectory } from '../caseRecord/queries';

/** The language of an agency's local name, by the agency's country: shown first to readers of that language. */
const LOCAL_NAME_LOCALES: Record<string, string> = { TH: 'th', KH: 'km', LA: 'lo', MM: 'my', VN: 'vi', CN: 'zh' };

interface AgencyPickerProps {
  label: string;
  description: string;
  placeholder: string;
  value: string | null;
  onChange: (agencyId: string | null) => void;
  error?: string;
  /** The reader's own agency, which keeps the case when none is chosen. */
  excludeAgencyId: string;
}

/**
 * Where the case goes, grouped by what agencies do, named in the reader's language where the
 * agency has a local name; found by any of its names, its acronym or its province.
 */
export function AgencyPicker({ label, description, placeholder, value, onChange, error, excludeAgencyId }: AgencyPickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const directory = useAgencyDirectory();

  const { data, details, searchText } = useMemo(() => {
    const agencies = (directory.data?.items ?? []).filter((agency) => agency.id !== excludeAgencyId);
    const details = new Map<string, string>();
    const searchText = new Map<string, string>();
    const options = agencies.map((agency) => {
      const local = agency.localName && LOCAL_NAME_LOCALES[agency.countryCode] === locale;
      const primary = local && agency.localName ? agency.localName : agency.name;
      const secondary = [local ? agency.name : agency.localName, agency.province].filter(Boolean).join(' · ');
      details.set(agency.id, secondary);
      searchText.set(
        agency.id,
        [agency.name, agency.localName, agency.acronym, agency.province].filter(Boolean).join(' ').toLocaleLowerCase(),
      );
      return {
        value: agency.id,
        label: agency.acronym && !primary.includes(agency.acronym) ? `${primary} (${agency.acronym})` : primary,
        agency,
      };
    });
    const collator = new Intl.Collator(locale);
    const data = AGENCY_FUNCTIONS.map((agencyFunction) => ({
      group: t(`agencyFunction.${agencyFunction}`),
      items: options
        .filter((option) => option.agency.agencyFunction === agencyFunction)
        .map(({ value, label }): ComboboxItem => ({ value, label }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    })).filter((group) => group.items.length > 0);
    return { data, details, searchText };
  }, [directory.data, excludeAgencyId, locale, t]);

  const filter: OptionsFilter = ({ options, search }) => {
    const needle = search.trim().toLocaleLowerCase();
    if (!needle) return options;
    const matches = (option: ComboboxParsedItem) =>
      !isOptionsGroup(option) && (searchText.get(option.value) ?? option.label.toLocaleLowerCase()).includes(needle);
    return options.flatMap((option): ComboboxParsedItem[] => {
      if (!isOptionsGroup(option)) return matches(option) ? [option] : [];
      const items = option.items.filter(matches);
      return items.length ? [{ ...option, items }] : [];
    });
  };

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      filter={filter}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          {details.get(option.value) && (
            <Text size="xs" c="dimmed">
              {details.get(option.value)}
            </Text>
          )}
        </Stack>
      )}
      nothingFoundMessage={t('caseload.intake.noAgency')}
      maxDropdownHeight={360}
      searchable
      clearable
    />
  );
}
