import { type CaseAbilities, RECORD_SECTIONS, type RecordSection } from '@seamless/contracts';

/** The general record and every section the reader may open: where a note or a file may go. */
export function writableSections(abilities: Pick<CaseAbilities, 'sections'>): RecordSection[] {
  return RECORD_SECTIONS.filter((section) => section === 'general' || (abilities.sections as readonly string[]).includes(section));
}
