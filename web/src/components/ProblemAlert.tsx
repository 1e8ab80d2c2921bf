import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage, errorReference } from '../lib/errors';

interface ProblemAlertProps {
  error: unknown;
}

/** The translated explanation of a failed request, with the reference support staff need. */
export function ProblemAlert({ error }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const reference = errorReference(error);
  return (
    <Alert color="red" variant="light" role="alert" title={errorMessage(t, error)}>
      {reference && (
        <Text size="xs" c="dimmed">
          {t('error.reference', { reference })}
        </Text>
      )}
    </Alert>
  );
}
