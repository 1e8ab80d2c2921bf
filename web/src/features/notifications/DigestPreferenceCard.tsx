import { Card, Switch, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDigestPreference, useSetDigestPreference } from './queries';

/** The daily e-mail summary, off unless the user asks for it. */
export function DigestPreferenceCard() {
  const { t } = useTranslation();
  const preference = useDigestPreference();
  const save = useSetDigestPreference();
  const checked = save.isPending ? save.variables : (preference.data?.dailyDigest ?? false);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('notifications.bell')}
      </Title>
      <Switch
        label={t('notifications.digest.label')}
        description={t('notifications.digest.description')}
        checked={checked}
        disabled={preference.isPending || save.isPending}
        onChange={(event) => save.mutate(event.currentTarget.checked)}
      />
      <ProblemAlert error={preference.error ?? save.error} />
    </Card>
  );
}
