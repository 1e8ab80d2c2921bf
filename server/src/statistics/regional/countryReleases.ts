import type { ReportTemplate } from '@seamless/contracts';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { partnerInstances, partnerStatisticReleases, statisticReports } from '../../db/schema/index.js';
import type { CountryColumn } from './regionalReport.js';

/**
 * The columns of a regional report, as the reader's row-level security lets her read them: her
 * own country's last release of the template and period (a report may be released once per
 * language), then every partner trusted now or suspended, with its current release. A revoked
 * partner is left out, its releases with it: the country no longer vouches for that instance.
 */
export async function countryColumns(tx: Tx, ownCountry: string, template: ReportTemplate, from: string): Promise<CountryColumn[]> {
  const [own] = await tx
    .select()
    .from(statisticReports)
    .where(
      and(
        eq(statisticReports.countryCode, ownCountry),
        eq(statisticReports.template, template),
        eq(statisticReports.periodFrom, from),
        eq(statisticReports.status, 'released'),
      ),
    )
    .orderBy(desc(statisticReports.releasedAt))
    .limit(1);
  const partners = await tx
    .select({
      id: partnerInstances.id,
      name: partnerInstances.name,
      country: partnerInstances.countryCode,
      release: partnerStatisticReleases,
    })
    .from(partnerInstances)
    .leftJoin(
      partnerStatisticReleases,
      and(
        eq(partnerStatisticReleases.partnerId, partnerInstances.id),
        eq(partnerStatisticReleases.template, template),
        eq(partnerStatisticReleases.periodFrom, from),
        eq(partnerStatisticReleases.current, true),
      ),
    )
    .where(ne(partnerInstances.status, 'revoked'))
    .orderBy(asc(partnerInstances.countryCode), asc(partnerInstances.name));
  return [
    {
      country: ownCountry,
      own: true,
      partner: null,
      release: own?.releasedAt
        ? { releasedAt: own.releasedAt, locale: own.locale, approverPosition: own.signatoryPosition, receivedAt: null, tables: own.tables }
        : null,
    },
    ...partners.map(({ id, name, country, release }) => ({
      country,
      own: false,
      partner: { id, name },
      release: release && {
        releasedAt: release.releasedAt,
        locale: release.locale,
        approverPosition: release.approverPosition,
        receivedAt: release.receivedAt,
        tables: release.tables,
      },
    })),
  ];
}
