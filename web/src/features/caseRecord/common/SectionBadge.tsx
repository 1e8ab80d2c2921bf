import { Badge } from '@mantine/core';
import type { RecordSection } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';

export function SectionBadge({ section }: { section: RecordSection }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={section === 'general' ? 'gray' : 'grape'} size="sm">
      {t(`caseRecord.section.${section}`)}
    </Badge>
  );
}
