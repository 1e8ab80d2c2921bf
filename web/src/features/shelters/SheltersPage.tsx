import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ShelterFacility, ShelterList } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { useMe } from '../auth/MeContext';
import { hasPermission } from '../auth/permissions';
import { BedBar } from './BedBar';
import { FacilityFormModal } from './FacilityFormModal';
import { FreeByGroup } from './FreeByGroup';
import { useShelterResidents, useShelters } from './queries';
import { ResidentsCard } from './ResidentsCard';

function FacilityCard({ facility }: { facility: ShelterFacility }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap="xs">
        <RouterAnchor to="/shelters/$shelterId" params={{ shelterId: facility.id }} fw={600}>
          {facility.name}
        </RouterAnchor>
        <Text size="xs" c="dimmed">
          {t(`shelters.kind.${facility.kind}`)} · {facility.province}
          {facility.district ? `, ${facility.district}` : ''} · {facility.agencyName}
        </Text>
        {!facility.active && (
          <Badge color="gray" w="fit-content">
            {t('shelters.inactive')}
          </Badge>
        )}
        {facility.beds !== null && facility.free !== null && (
          <BedBar occupied={facility.occupied} free={facility.free} beds={facility.beds} />
        )}
        <FreeByGroup facility={facility} />
        {(facility.stayLimitAlerts ?? 0) > 0 && (
          <Badge color="orange" variant="light" w="fit-content" style={{ textTransform: 'none' }}>
            {t('shelters.stayLimitAlerts', { count: facility.stayLimitAlerts })}
          </Badge>
        )}
      </Stack>
    </Card>
  );
}

function Board({ list }: { list: ShelterList }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Group gap="xs" wrap="wrap">
        {list.totals.map((total) => (
          <Badge key={total.countryCode} size="lg" variant="light" style={{ textTransform: 'none' }}>
            {total.beds === null || total.free === null ? t('shelters.totalsShelters', total) : t('shelters.totals', total)}
          </Badge>
        ))}
      </Group>
      {list.items.length === 0 ? (
        <Text c="dimmed">{t('shelters.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {list.items.map((facility) => (
            <FacilityCard key={facility.id} facility={facility} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** The occupancy board: every shelter's beds, and the residents of the reader's own shelters. */
export function SheltersPage() {
  const { t } = useTranslation();
  const shelters = useShelters();
  const residents = useShelterResidents(!!shelters.data?.abilities.residents);
  const mayManage = hasPermission(useMe(), 'shelter:manage');
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <PageHeader
        title={t('shelters.title')}
        description={t('shelters.description')}
        actions={mayManage && <Button onClick={() => setCreating(true)}>{t('shelters.facilityForm.create')}</Button>}
      />
      <FacilityFormModal facility={null} opened={creating} onClose={() => setCreating(false)} />
      <QueryState query={shelters}>{(list) => <Board list={list} />}</QueryState>
      {shelters.data?.abilities.residents && (
        <QueryState query={residents}>{(result) => <ResidentsCard residents={result.items} showFacility />}</QueryState>
      )}
    </Stack>
  );
}
