import type { ServiceArea } from './vocabulary.js';

/**
 * The parts of a case's care work by need-to-know section (DESIGN.md §4): what belongs to a
 * specialist discipline (medical, psychosocial, legal) stays closed to a reader without that
 * section, even where she holds `care`; everything else is `care`.
 */
export const CARE_PART_SECTIONS = ['care', 'medical', 'psychosocial', 'legal'] as const;
export type CarePartSection = (typeof CARE_PART_SECTIONS)[number];

const SPECIALIST_AREAS: Partial<Record<ServiceArea, CarePartSection>> = {
  medical: 'medical',
  psychosocial: 'psychosocial',
  legal: 'legal',
};

/** The section a care-plan goal or a delivered service belongs to, by its service area. */
export const sectionOfServiceArea = (area: ServiceArea): CarePartSection => SPECIALIST_AREAS[area] ?? 'care';
