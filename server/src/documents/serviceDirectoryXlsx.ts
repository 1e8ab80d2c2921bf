import type { DirectoryOrganisation, Locale } from '@seamless/contracts';
import ExcelJS from 'exceljs';
import { contactLine, coverageOf, targetOf } from './serviceDirectoryContent.js';
import { DIRECTORY_DOCUMENT_TEXT } from './serviceDirectoryText.js';

/**
 * The directory as one flat sheet, a row per service with its area labelled in the requester's
 * language, so it can be filtered and sorted in any spreadsheet.
 */
export async function renderDirectoryWorkbook(organisations: DirectoryOrganisation[], locale: Locale): Promise<Buffer> {
  const s = DIRECTORY_DOCUMENT_TEXT[locale];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Seamless';
  const sheet = workbook.addWorksheet(s.title.slice(0, 31));
  sheet.columns = [
    { header: s.organisation, key: 'organisation', width: 32 },
    { header: s.localName, key: 'localName', width: 28 },
    { header: s.country, key: 'country', width: 8 },
    { header: s.province, key: 'province', width: 16 },
    { header: s.area, key: 'area', width: 26 },
    { header: s.service, key: 'service', width: 48 },
    { header: s.coverage, key: 'coverage', width: 24 },
    { header: s.forWhom, key: 'forWhom', width: 24 },
    { header: s.languages, key: 'languages', width: 14 },
    { header: s.hours, key: 'hours', width: 20 },
    { header: s.contacts, key: 'contacts', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const organisation of organisations) {
    const contacts = organisation.contacts.map((contact) => contactLine(contact, s)).join('\n');
    for (const service of organisation.services.filter((candidate) => candidate.active)) {
      sheet.addRow({
        organisation: organisation.name,
        localName: organisation.localName ?? '',
        country: organisation.countryCode,
        province: organisation.province ?? '',
        area: s.areas[service.serviceArea],
        service: [service.description, service.localDescription].filter(Boolean).join('\n'),
        coverage: coverageOf(service, organisation),
        forWhom: targetOf(service, s),
        languages: [...new Set([...service.languages, ...organisation.languages])].join(', '),
        hours: service.hours ?? organisation.hours ?? '',
        contacts,
      });
    }
  }
  sheet.getColumn('service').alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn('contacts').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
