import { type Locale, type RegionalReport, type RegionalValue, timeZoneOfCountry } from '@seamless/contracts';
import ExcelJS from 'exceljs';
import { dayIn, interpolate, periodLabel, type ReportLabelling, tableTitle, valueLabel } from '../reports/reportLabels.js';
import { REPORT_TEXT } from '../reports/reportText.js';
import { REGIONAL_TEXT } from './regionalText.js';

/**
 * The regional report as a workbook: a cover naming each country's release and publication rule,
 * then one sheet per figure, a column per country, numbers as numbers and a hidden one as the
 * text "< 5", so a coordinator can chart the region without retyping.
 */
export async function renderRegionalWorkbook(report: RegionalReport, locale: Locale, readerCountry: string): Promise<Buffer> {
  const text = REPORT_TEXT[locale];
  const words = REGIONAL_TEXT[locale];
  const labelling: ReportLabelling = { locale, text, agencyNames: new Map() };
  const countryName = (code: string) => valueLabel('nationality', code, labelling);
  const day = (at: string) => dayIn(at, locale, timeZoneOfCountry(readerCountry));
  const shown = (value: RegionalValue): string | number => {
    switch (value.state) {
      case 'shown':
        return value.value;
      case 'suppressed':
        return `< ${value.threshold}`;
      case 'not_released':
        return words.notReleased;
      case 'not_recorded':
        return text.noDataRecorded;
    }
  };
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Seamless';
  const cover = workbook.addWorksheet(text.contents.slice(0, 31));
  cover.columns = [{ width: 34 }, { width: 80 }];
  cover.addRow([`${words.title}: ${text.title[report.template]}`]).font = { bold: true, size: 14 };
  cover.addRow([periodLabel(report.template, report.from, labelling)]).font = { bold: true };
  cover.addRow([]);
  for (const { country, release } of report.countries) {
    cover.addRow([
      release
        ? interpolate(words.released, {
            country: countryName(country),
            date: day(release.releasedAt),
            position: release.approverPosition ?? '–',
          })
        : `${countryName(country)}: ${words.notReleased}`,
    ]);
  }
  cover.addRow([]);
  cover.addRow([words.rules]).font = { bold: true };
  for (const { country, release } of report.countries) {
    if (!release) continue;
    const rules = release.privacy
      ? [
          interpolate(words.differentiallyPrivate, {
            epsilon: release.privacy.epsilon,
            total: release.privacy.releaseEpsilon,
            threshold: release.threshold,
          }),
        ]
      : [interpolate(text.suppressed, { threshold: release.threshold })];
    if (release.adjustment) rules.push(interpolate(text.adjusted, { adjustment: release.adjustment }));
    cover.addRow([`${countryName(country)}: ${rules.join(' ')}`]);
  }
  cover.addRow([]);
  cover.addRow([text.contents]).font = { bold: true };
  report.figures.forEach((figure, index) => {
    const name = interpolate(text.table, { number: index + 1 });
    const title = tableTitle(figure, labelling);
    cover.addRow([name, title]);
    const sheet = workbook.addWorksheet(name.slice(0, 31));
    sheet.addRow([title]).font = { bold: true };
    sheet.addRow([periodLabel(report.template, report.from, labelling)]);
    sheet.addRow([]);
    const corner = figure.by.map((breakdown) => text.breakdown[breakdown]).join(' × ');
    sheet.addRow([corner, ...report.countries.map(({ country }) => countryName(country))]).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 4, xSplit: 1 }];
    for (const row of figure.rows) {
      const named = row.keys.flatMap((key, at) => (key === null ? [] : [valueLabel(figure.by[at]!, key, labelling)]));
      const total = named.length < row.keys.length || row.keys.length === 0;
      const label = total ? [...named, text.total].join(' · ') : named.join(' · ');
      const added = sheet.addRow([label, ...row.values.map(shown)]);
      if (total) added.font = { bold: true };
    }
    sheet.getColumn(1).width = 40;
    for (let column = 2; column <= report.countries.length + 1; column += 1) sheet.getColumn(column).width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
