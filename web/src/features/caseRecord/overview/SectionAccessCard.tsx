import { Badge, Card, Group, Text, Title } from '@mantine/core';
import { CASE_SECTIONS, type CaseDetail } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';

/**
 * Need to know, made visible: which sections of this record are open to the reader. A closed
 * section is simply absent elsewhere on the page; this says why.
 */
export function SectionAccessCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const open = new Set(detail.abilities.sections);
  const closed = CASE_SECTIONS.filter((section) => !open.has(section));
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        {t('caseRecord.access.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`caseRecord.access.how.${detail.involvement}`, { agency: detail.ownerAgencyName })}
      </Text>
      <Group gap="xs" aria-label={t('caseRecord.access.openSections')}>
        {CASE_SECTIONS.filter((section) => open.has(section)).map((section) => (
          <Badge key={section} color="teal" variant="light">
            {t(`caseRecord.section.${section}`)}
          </Badge>
        ))}
        {closed.map((section) => (
          <Badge key={section} color="gray" variant="outline" td="line-through">
            {t(`caseRecord.section.${section}`)}
          </Badge>
        ))}
      </Group>
      {closed.length > 0 && (
        <Text size="sm" mt="sm">
          {t('caseRecord.access.closedNote', { sections: closed.map((section) => t(`caseRecord.section.${section}`)).join(', ') })}
        </Text>
      )}
    </Card>
  );
}
