import { Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RouterButton } from '../../components/RouterLinks';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { useCountryName } from '../countries/useCountries';
import { KeyFiguresCard } from '../statistics/KeyFiguresCard';
import { TasksCard } from '../tasks/TasksCard';
import { ArrivalsCard } from './ArrivalsCard';

/** The landing page: what is due, person by person and by urgency, what arrived since the last visit, and where the reader works. */
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
        {readsCases && <TasksCard />}
        <ArrivalsCard />
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
        {readsStatistics && <KeyFiguresCard />}
      </SimpleGrid>
    </>
  );
}
