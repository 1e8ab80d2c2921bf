import { Checkbox, SimpleGrid } from '@mantine/core';
import { CASE_SECTIONS, type CaseSection } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';
import { oneOf } from '../../../lib/oneOf';

/**
 * The case sections as checkboxes, each saying what it holds, so that a person agrees to share
 * and a worker shares no more than they mean to.
 */
export function SectionCheckboxes({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description: string;
  value: CaseSection[];
  onChange: (sections: CaseSection[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={label}
      description={description}
      value={value}
      onChange={(sections) => onChange(sections.flatMap((section) => oneOf(section, CASE_SECTIONS) ?? []))}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
        {CASE_SECTIONS.map((section) => (
          <Checkbox
            key={section}
            value={section}
            label={t(`caseRecord.section.${section}`)}
            description={t(`caseRecord.sectionContents.${section}`)}
          />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
