import { Text } from '@mantine/core';
import type { FollowUpStep } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { stepParts } from './followUpView';

/** A policy's rhythm in the reader's language: its name is whatever the administrator typed. */
export function StepsText({ steps }: { steps: FollowUpStep[] }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {steps
        .map(stepParts)
        .map((part) =>
          part.times !== null
            ? t('followUp.policy.stepTimes', { every: part.every, count: part.times })
            : t('followUp.policy.stepUntil', { every: part.every, until: part.until }),
        )
        .join('; ')}
    </Text>
  );
}
