import { CARE_PART_SECTIONS, type CaseSection } from '@seamless/contracts';

/**
 * The care tab opens where the reader holds any section with parts in the care work: `care`, or a
 * specialist section without it (a shelter's psychologist given psychosocial). The server shows
 * her only her sections' parts and answers 403 where she holds none.
 */
export const opensCareTab = (sections: readonly CaseSection[]): boolean => CARE_PART_SECTIONS.some((section) => sections.includes(section));
