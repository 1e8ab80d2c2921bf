import { Badge, Group, Stack, Text } from '@mantine/core';
import type { DirectoryOrganisation, DirectoryService } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../countries/useCountries';

/** Whom a service takes, in words: sexes and ages, or everyone. */
function useTargetOf() {
  const { t } = useTranslation();
  return (service: DirectoryService) => {
    const sexes = service.targetSexes.map((sex) => t(`serviceDirectory.sex.${sex}`));
    const { minAge: min, maxAge: max } = service;
    const ages =
      min !== null && max !== null
        ? t('serviceDirectory.card.ages', { min, max })
        : min !== null
          ? t('serviceDirectory.card.agesFrom', { min })
          : max !== null
            ? t('serviceDirectory.card.agesUpTo', { max })
            : null;
    return [sexes.join(', '), ages].filter(Boolean).join(' · ') || t('serviceDirectory.card.everyone');
  };
}

export function ServiceSummary({ service, organisation }: { service: DirectoryService; organisation: DirectoryOrganisation }) {
  const { t } = useTranslation();
  const targetOf = useTargetOf();
  const countryName = useCountryName();
  const coverage = [...service.coverageProvinces, ...service.coverageDistricts].join(', ') || organisation.province;
  const languages = [...new Set([...service.languages, ...organisation.languages])];
  const facts: [string, string | null][] = [
    [t('serviceDirectory.card.coverage'), coverage],
    [t('serviceDirectory.card.forWhom'), targetOf(service)],
    [t('serviceDirectory.card.nationalities'), service.nationalities.map(countryName).join(', ') || null],
    [t('serviceDirectory.card.languages'), languages.map((code) => t(`languageName.${code}`, { defaultValue: code })).join(', ') || null],
    [t('serviceDirectory.card.hours'), service.hours],
    [t('serviceDirectory.card.capacity'), service.capacityNote],
    [t('serviceDirectory.card.cost'), service.costNote],
  ];
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge variant="light">{t(`serviceDirectory.areas.${service.serviceArea}`)}</Badge>
        {!service.active && (
          <Badge color="gray" variant="outline">
            {t('serviceDirectory.inactive')}
          </Badge>
        )}
      </Group>
      <Text size="sm">{service.description}</Text>
      {service.localDescription && <Text size="sm">{service.localDescription}</Text>}
      <Text size="xs" c="dimmed">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => `${label}: ${value}`)
          .join(' · ')}
      </Text>
    </Stack>
  );
}
