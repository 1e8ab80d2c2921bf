import { Stack, Text } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState';
import { AssessmentsCard } from '../assessments/AssessmentsCard';
import { CarePlanCard } from './CarePlanCard';
import { opensCareTab } from './careAccess';
import { useCarePlan } from './queries';

/**
 * The case's care section: the plan made with her, services delivered, and her reintegration
 * assessments. A specialist without `care` sees the parts of her own section in it.
 */
export function CareTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const open = opensCareTab(detail.abilities.sections);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const plan = useCarePlan(detail.id, undefined, open);
  const shown = useCarePlan(detail.id, version, open);
  if (!open) return <Text c="dimmed">{t('carePlan.noAccess')}</Text>;
  return (
    <QueryState query={plan}>
      {(current) => (
        <Stack gap="lg">
          <QueryState query={shown}>
            {(data) => <CarePlanCard caseId={detail.id} plan={current} shown={data} onShowVersion={setVersion} />}
          </QueryState>
          <AssessmentsCard caseId={detail.id} />
        </Stack>
      )}
    </QueryState>
  );
}
