import { Card, Stack, Switch, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMe } from '../auth/MeContext';
import { useUpdatePreferences } from '../auth/mutations';

export function PreferencesCard() {
  const { t } = useTranslation();
  const me = useMe();
  const preferences = useUpdatePreferences();
  const pending = preferences.isPending ? preferences.variables.pseudonymMode : undefined;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('account.preferences.title')}
      </Title>
      <Stack>
        <Switch
          label={t('account.preferences.pseudonymMode')}
          description={t('account.preferences.pseudonymModeDescription')}
          checked={pending ?? me.pseudonymMode}
          disabled={preferences.isPending}
          onChange={(event) => preferences.mutate({ pseudonymMode: event.currentTarget.checked })}
        />
        <ProblemAlert error={preferences.error} />
      </Stack>
    </Card>
  );
}
