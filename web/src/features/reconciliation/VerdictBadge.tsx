import { Badge } from '@mantine/core';
import type { ReconciliationVerdict } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { VERDICT_COLORS } from './verdicts';

export function VerdictBadge({ verdict }: { verdict: ReconciliationVerdict }) {
  const { t } = useTranslation();
  return (
    <Badge color={VERDICT_COLORS[verdict]} variant="light" tt="none" style={{ whiteSpace: 'nowrap' }}>
      {t(`reconciliation.verdict.${verdict}`)}
    </Badge>
  );
}
