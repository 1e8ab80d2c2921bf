import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countdownTone } from './shelterView';

/** Days left until a period ends, as the server counted them in the case's country. */
export function Countdown({ label, daysLeft }: { label: string; daysLeft: number | null }) {
  const { t } = useTranslation();
  if (daysLeft === null) return null;
  const text =
    daysLeft > 0
      ? t('shelters.countdown.left', { count: daysLeft })
      : daysLeft === 0
        ? t('shelters.countdown.today')
        : t('shelters.countdown.past', { count: -daysLeft });
  return (
    <Badge variant="light" color={countdownTone(daysLeft)} style={{ textTransform: 'none' }}>
      {label}: {text}
    </Badge>
  );
}
