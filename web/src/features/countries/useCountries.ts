import type { countrySchema } from '@seamless/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';
import type { ResponseBody } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { regionName } from '../../lib/regions';

type Country = ResponseBody<typeof countrySchema>;

const countriesQuery = {
  queryKey: ['countries'] as const,
  queryFn: () => api.get<{ items: Country[] }>('/api/countries'),
  staleTime: 60 * 60 * 1000,
};

export function useCountries() {
  return useQuery(countriesQuery);
}

/** Options for a country select, named in the reader's language, this instance's country first. */
export function useCountryOptions() {
  const locale = useLocale();
  const { data } = useCountries();
  return useMemo(() => {
    const collator = new Intl.Collator(locale);
    return (data?.items ?? [])
      .map((country) => ({ value: country.code, label: regionName(country.code, locale), first: country.isInstanceCountry }))
      .sort((a, b) => Number(b.first) - Number(a.first) || collator.compare(a.label, b.label))
      .map(({ value, label }) => ({ value, label }));
  }, [data, locale]);
}

export function useInstanceCountry(): string | undefined {
  return useCountries().data?.items.find((country) => country.isInstanceCountry)?.code;
}

/** Formats a country code for display in the reader's language. */
export function useCountryName(): (code: string) => string {
  const locale = useLocale();
  return (code) => regionName(code, locale);
}
