import { List, Stack, Text } from '@mantine/core';
import type { Consent, ConsentPurpose } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { formatDate } from '../../lib/dates';
import { consentUnusable } from './repatriationView';

/** The consents on file that cannot carry this exchange, each with the reason, so nobody wonders where one went. */
export function ConsentsNotUsable({ consents, purpose }: { consents: readonly Consent[]; purpose: ConsentPurpose }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unusable = consents.flatMap((consent) => {
    const why = consentUnusable(consent, purpose);
    return why ? [{ consent, why }] : [];
  });
  if (unusable.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('repatriation.consent.unusableTitle')}
      </Text>
      <List size="sm" c="dimmed" spacing={2}>
        {unusable.map(({ consent, why }) => (
          <List.Item key={consent.id}>
            {t('repatriation.consent.unusableLine', {
              purpose: t(`vocab.consentPurpose.${consent.purpose}`),
              date: formatDate(consent.givenOn, locale),
              why: t(`repatriation.consent.unusable.${why}`),
            })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
