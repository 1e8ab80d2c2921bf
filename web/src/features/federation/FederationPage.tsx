import { Stack, Tabs } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { oneOf } from '../../lib/oneOf';
import { DeliveriesCard } from './DeliveriesCard';
import { FEDERATION_TABS } from './federationSearch';
import { ImportCard } from './ImportCard';
import { InstanceIdentityCard } from './InstanceIdentityCard';
import { PartnersCard } from './PartnersCard';
import { useFederationOverview } from './queries';
import { RejectionsCard } from './RejectionsCard';

/**
 * Federation for the system administrator: this instance's identity and the partners it trusts,
 * then the delivery monitor, the manual file route and the rejected packets.
 */
export function FederationPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signed-in/admin/federation' });
  const navigate = useNavigate({ from: '/admin/federation' });
  const overview = useFederationOverview();
  const tab = search.tab ?? 'partners';
  return (
    <>
      <PageHeader title={t('federation.title')} description={t('federation.description')} />
      <Tabs
        value={tab}
        onChange={(next) => {
          const chosen = oneOf(next, FEDERATION_TABS);
          if (chosen) void navigate({ search: (previous) => ({ ...previous, tab: chosen }) });
        }}
      >
        <Tabs.List mb="md">
          {FEDERATION_TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`federation.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="partners">
          <QueryState query={overview}>
            {({ instance, partners }) => (
              <Stack gap="lg">
                <InstanceIdentityCard instance={instance} />
                <PartnersCard partners={partners} instanceCountry={instance.country} />
              </Stack>
            )}
          </QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="deliveries">
          {tab === 'deliveries' && (
            <Stack gap="lg">
              <DeliveriesCard
                direction={search.direction ?? 'outgoing'}
                status={search.status}
                page={search.page ?? 1}
                onFilter={({ direction, status, page }) =>
                  void navigate({
                    search: (previous) => ({ ...previous, direction, status, page: page > 1 ? page : undefined }),
                  })
                }
              />
              <ImportCard />
              <RejectionsCard />
            </Stack>
          )}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
