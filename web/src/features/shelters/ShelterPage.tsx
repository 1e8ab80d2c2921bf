import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ShelterDetail, ShelterUnit } from '@seamless/contracts';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionLabel } from '../../components/ActionLabel';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { RouterAnchor } from '../../components/RouterLinks';
import { BedBar } from './BedBar';
import { FacilityFormModal } from './FacilityFormModal';
import { FreeByGroup } from './FreeByGroup';
import { useShelter } from './queries';
import { ResidentsCard } from './ResidentsCard';
import { UnitFormModal } from './UnitFormModal';

function UnitCard({ unit, onEdit }: { unit: ShelterUnit; onEdit: (() => void) | null }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap={6}>
        <BedBar occupied={unit.occupied} free={unit.free} beds={unit.beds} label={unit.name} />
        <Group gap={6} wrap="wrap">
          <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
            {t(`shelters.unitKind.${unit.kind}`)}
          </Badge>
          <Badge variant="light" color="blue" style={{ textTransform: 'none' }}>
            {t(`shelters.group.${unit.sex}_${unit.ageGroup}` as never)}
          </Badge>
          {unit.specialNeeds && (
            <Badge variant="light" color="grape" style={{ textTransform: 'none' }}>
              {t('shelters.specialNeeds')}
            </Badge>
          )}
          {!unit.active && <Badge color="gray">{t('shelters.inactive')}</Badge>}
        </Group>
        {unit.occupiedBy && unit.occupiedBy.length > 0 && (
          <Text size="xs" c="dimmed">
            {unit.occupiedBy.map((group) => `${t(`shelters.group.${group.sex}_${group.ageGroup}` as never)}: ${group.count}`).join(' · ')}
          </Text>
        )}
        {onEdit && (
          <Group justify="flex-end">
            <Button variant="subtle" size="xs" onClick={onEdit}>
              <ActionLabel label={t('shelters.unitForm.edit')} subject={unit.name} />
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function Detail({ detail }: { detail: ShelterDetail }) {
  const { t } = useTranslation();
  const [addingUnit, setAddingUnit] = useState(false);
  const [editing, setEditing] = useState(false);
  const [editingUnit, setEditingUnit] = useState<ShelterUnit | null>(null);
  const { facility } = detail;
  return (
    <Stack>
      <PageHeader
        title={facility.name}
        description={`${t(`shelters.kind.${facility.kind}`)} · ${facility.province}${facility.district ? `, ${facility.district}` : ''} · ${facility.agencyName}`}
        actions={
          facility.abilities.manage && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('shelters.facilityForm.edit')}
            </Button>
          )
        }
      />
      <FacilityFormModal facility={facility} opened={editing} onClose={() => setEditing(false)} />
      <RouterAnchor to="/shelters" size="sm">
        {t('shelters.detail.back')}
      </RouterAnchor>
      <Card withBorder>
        <Stack gap="xs">
          {facility.beds !== null && facility.free !== null ? (
            <BedBar occupied={facility.occupied} free={facility.free} beds={facility.beds} />
          ) : (
            <FreeByGroup facility={facility} />
          )}
          <Text size="sm">
            {t('shelters.detail.serves')}: {facility.servesSexes.map((sex) => t(`shelters.sex.${sex}`)).join(', ')} ·{' '}
            {facility.servesAgeGroups.map((group) => t(`shelters.ageGroup.${group}`)).join(', ')}
            {facility.servesFamilies ? ` · ${t('shelters.ageGroup.family')}` : ''}
          </Text>
          <Text size="sm">
            {t('shelters.stayLimit', { days: facility.stayLimitDays })} ·{' '}
            {t('shelters.detail.specialNeedsCapacity', { count: facility.specialNeedsCapacity })}
          </Text>
          {facility.confidential ? (
            <Alert color="yellow" variant="light" title={t('shelters.detail.confidential')}>
              <Text size="sm">
                {t('shelters.detail.address')}: {facility.confidential.address ?? '—'}
              </Text>
              <Text size="sm">
                {t('shelters.detail.phone')}: {facility.confidential.phone ?? '—'}
              </Text>
            </Alert>
          ) : null}
        </Stack>
      </Card>
      {(facility.units.length > 0 || facility.abilities.manage) && (
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            {t('shelters.detail.units')}
          </Title>
          {facility.abilities.manage && (
            <Button variant="light" size="xs" onClick={() => setAddingUnit(true)}>
              {t('shelters.unitForm.title')}
            </Button>
          )}
        </Group>
      )}
      <UnitFormModal shelterId={facility.id} opened={addingUnit} onClose={() => setAddingUnit(false)} />
      <UnitFormModal shelterId={facility.id} unit={editingUnit} opened={editingUnit !== null} onClose={() => setEditingUnit(null)} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {facility.units.map((unit) => (
          <UnitCard key={unit.id} unit={unit} onEdit={facility.abilities.manage ? () => setEditingUnit(unit) : null} />
        ))}
      </SimpleGrid>
      {detail.residents ? (
        <ResidentsCard residents={detail.residents} showFacility={false} />
      ) : (
        <Text size="sm" c="dimmed">
          {facility.occupied === null ? t('shelters.detail.freeBedsOnly') : t('shelters.detail.countsOnly')}
        </Text>
      )}
    </Stack>
  );
}

/** One shelter: its units and beds, and for its own staff the residents, address and phone. */
export function ShelterPage() {
  const { shelterId } = useParams({ from: '/signed-in/shelters/$shelterId' });
  const shelter = useShelter(shelterId);
  return <QueryState query={shelter}>{(detail) => <Detail detail={detail} />}</QueryState>;
}
