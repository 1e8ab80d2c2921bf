import { Card, EmptyState, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RouterButton } from '../../components/RouterLinks';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { useCountryName } from '../countries/useCountries';

/** The landing page; tasks, alerts and figures arrive with the features that produce them. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const countryName = useCountryName();
  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name: me.displayName })} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="xs">
            {t('dashboard.agency.title')}
          </Title>
          <Text fw={700}>{me.agency.name}</Text>
          <Text c="dimmed" size="sm">
            {countryName(me.agency.countryCode)}
          </Text>
          {hasPermission(me, 'case:read') && (
            <RouterButton to="/cases" variant="light" mt="md">
              {t('dashboard.agency.openCases')}
            </RouterButton>
          )}
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="xs">
            {t('dashboard.tasks.title')}
          </Title>
          <EmptyState title={t('dashboard.tasks.emptyTitle')} description={t('dashboard.tasks.emptyDescription')} />
        </Card>
      </SimpleGrid>
    </>
  );
}
