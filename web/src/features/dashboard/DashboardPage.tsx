import { Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RouterButton } from '../../components/RouterLinks';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { useCountryName } from '../countries/useCountries';
import { KeyFiguresCard } from '../statistics/KeyFiguresCard';
import { TasksCard } from '../tasks/TasksCard';

/** The landing page: where the reader works, what to start, and what is due. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const countryName = useCountryName();
  const readsCases = hasPermission(me, 'case:read');
  const opensCases = hasPermission(me, 'case:create');
  const readsStatistics = hasPermission(me, 'stats:read');
  return (
    <>
      <PageHeader
        title={t('dashboard.welcome', { name: me.displayName })}
        actions={opensCases && <RouterButton to="/cases/new">{t('caseload.newIntake')}</RouterButton>}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="xs">
            {t('dashboard.agency.title')}
          </Title>
          <Text fw={700}>{me.agency.name}</Text>
          <Text c="dimmed" size="sm">
            {countryName(me.agency.countryCode)}
          </Text>
          {readsCases && (
            <Group mt="md" gap="sm">
              <RouterButton to="/cases" variant="light">
                {t('dashboard.agency.openCases')}
              </RouterButton>
              <RouterButton to="/cases" search={{ scope: 'mine' }} variant="subtle">
                {t('caseload.scope.mine')}
              </RouterButton>
            </Group>
          )}
        </Card>
        {readsCases && <TasksCard />}
        {readsStatistics && <KeyFiguresCard />}
      </SimpleGrid>
    </>
  );
}
