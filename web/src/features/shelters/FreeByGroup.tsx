import { Badge, Group } from '@mantine/core';
import type { ShelterFacility } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { groupKey } from './shelterView';

/**
 * Room per group a shelter takes: free beds counted for its own agency and those who place people,
 * for everyone else only none, 1–4 or 5 and more (counts beside beds would tell who lives there).
 */
export function FreeByGroup({ facility }: { facility: Pick<ShelterFacility, 'freeByGroup'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap" aria-label={t('shelters.freeByGroup')}>
      {facility.freeByGroup.map((group) => (
        <Badge key={groupKey(group)} variant="outline" color={group.room === 'none' ? 'gray' : 'teal'} style={{ textTransform: 'none' }}>
          {t(`shelters.group.${groupKey(group)}` as never)}: {group.free ?? t(`shelters.room.${group.room}`)}
        </Badge>
      ))}
    </Group>
  );
}
