import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { errorReference } from '../../lib/errors';
import { exchangeProblemMessage } from './issueWording';

/** A failed import or export request, worded from the catalogue, with the reference support staff need. */
export function ExchangeProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!error) return null;
  const reference = errorReference(error);
  return (
    <Alert color="red" variant="light" role="alert" title={exchangeProblemMessage(t, error, locale)}>
      {reference && (
        <Text size="xs" c="dimmed">
          {t('error.reference', { reference })}
        </Text>
      )}
    </Alert>
  );
}
