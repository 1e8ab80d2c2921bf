import { Stepper } from '@mantine/core';
import type { Repatriation } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { PROGRESS_STEPS, repatriationProgress } from './repatriationView';

/**
 * Where the repatriation stands on the way home. One that stopped (nationality not confirmed,
 * declined, withdrawn) shows the step it stopped at in red, with the reason.
 */
export function RepatriationProgress({ repatriation }: { repatriation: Repatriation }) {
  const { t } = useTranslation();
  const { completed, stoppedBy } = repatriationProgress(repatriation);
  return (
    <Stepper active={completed} size="sm" allowNextStepsSelect={false} aria-label={t('repatriation.detail.progress')}>
      {PROGRESS_STEPS.map((step, index) => {
        const stoppedHere = stoppedBy !== null && index === completed;
        return (
          <Stepper.Step
            key={step}
            label={t(`repatriation.step.${step}`)}
            description={stoppedHere ? t(`repatriation.status.${stoppedBy}`) : undefined}
            color={stoppedHere ? 'red' : undefined}
            allowStepSelect={false}
          />
        );
      })}
    </Stepper>
  );
}
