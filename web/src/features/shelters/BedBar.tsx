import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bedBarColor, takenPercent } from './shelterView';

/** Beds taken against beds there are, with the numbers in words for screen readers. */
export function BedBar({ occupied, beds, label }: { occupied: number; beds: number; label?: string }) {
  const { t } = useTranslation();
  const text = t('shelters.beds', { occupied, beds });
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
      <Progress value={takenPercent(occupied, beds)} color={bedBarColor(occupied, beds)} size="md" aria-label={text} />
    </div>
  );
}
