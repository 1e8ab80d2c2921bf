import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bedBarColor, takenPercent } from './shelterView';

/**
 * Beds taken against beds there are, with the numbers in words for screen readers. `occupied` is
 * null for a reader shown free beds only: the bar then says how many are free.
 */
export function BedBar({ occupied, free, beds, label }: { occupied: number | null; free: number; beds: number; label?: string }) {
  const { t } = useTranslation();
  const text = occupied === null ? t('shelters.freeBeds', { free, beds }) : t('shelters.beds', { occupied, beds });
  const taken = occupied ?? beds - free;
  return (
    <div>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={label ? 500 : undefined} truncate>
          {label ?? text}
        </Text>
        {label && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {text}
          </Text>
        )}
      </Group>
      <Progress value={takenPercent(taken, beds)} color={bedBarColor(taken, beds)} size="md" aria-label={text} />
    </div>
  );
}
