import { type DirectoryOrganisation, type Locale, SERVICE_AREAS } from '@seamless/contracts';
import type { TextStyle } from './fonts.js';
import { openPdf } from './pdfDocument.js';
import { PdfFlow } from './pdfFlow.js';
import { contactLine, coverageOf, targetOf } from './serviceDirectoryContent.js';
import { DIRECTORY_DOCUMENT_TEXT } from './serviceDirectoryText.js';

export type PrintedDirectory = {
  organisations: DirectoryOrganisation[];
  locale: Locale;
  printedBy: string;
  /** The requester's "today", in her country's calendar. */
  printedOn: string;
};

const MARGIN = 45;
const COLOURS = { navy: '#1d3557', text: '#1f2933', label: '#52606d', warn: '#b44d12' };
const STYLES = {
  title: { size: 16, weight: 700, color: COLOURS.navy },
  area: { size: 12.5, weight: 700, color: COLOURS.navy },
  organisation: { size: 10.5, weight: 700, color: COLOURS.text },
  body: { size: 9, color: COLOURS.text },
  note: { size: 8.5, color: COLOURS.label },
} satisfies Record<string, TextStyle>;

/**
 * The printable directory for a wall or a field visit: one section per service area, each
 * organisation offering it with coverage, whom it takes, languages and whom to call, in the
 * requester's language and every script in its Noto face.
 */
export async function renderDirectoryPdf(printed: PrintedDirectory): Promise<Buffer> {
  const s = DIRECTORY_DOCUMENT_TEXT[printed.locale];
  const { doc, bytes: done } = openPdf(printed.locale, { title: s.title });
  const flow = new PdfFlow(doc, printed.locale, { margin: MARGIN, paragraphGap: 2 });
  flow.paragraph(s.title, STYLES.title, 0, 2);
  flow.paragraph(s.generated.replace('{date}', printed.printedOn).replace('{name}', printed.printedBy), STYLES.note, 0, 6);
  if (!printed.organisations.length) flow.paragraph(s.empty, STYLES.body);
  for (const area of SERVICE_AREAS) {
    const offering = printed.organisations.flatMap((organisation) =>
      organisation.services
        .filter((service) => service.active && service.serviceArea === area)
        .map((service) => ({ organisation, service })),
    );
    if (!offering.length) continue;
    flow.y += 6;
    flow.paragraph(s.areas[area], STYLES.area, 0, 1);
    flow.rule(COLOURS.navy, 5);
    for (const { organisation, service } of offering) {
      flow.paragraph([organisation.name, organisation.localName].filter(Boolean).join(' — '), STYLES.organisation, 0, 1);
      flow.paragraph(service.description, STYLES.body, 10, 1);
      if (service.localDescription) flow.paragraph(service.localDescription, STYLES.body, 10, 1);
      const facts = [
        `${s.coverage}: ${coverageOf(service, organisation)}`,
        `${s.forWhom}: ${targetOf(service, s)}`,
        `${s.languages}: ${[...new Set([...service.languages, ...organisation.languages])].join(', ')}`,
        service.hours || organisation.hours ? `${s.hours}: ${service.hours ?? organisation.hours}` : null,
      ];
      flow.paragraph(facts.filter(Boolean).join(' · '), STYLES.note, 10, 1);
      for (const contact of organisation.contacts) {
        flow.paragraph(contactLine(contact, s), { ...STYLES.note, color: contact.needsVerification ? COLOURS.warn : COLOURS.text }, 10, 1);
      }
      flow.y += 4;
    }
  }
  doc.end();
  return done;
}
