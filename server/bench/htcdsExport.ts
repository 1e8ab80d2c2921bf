import { randomUUID } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HTCDS_COLUMNS, type Permission } from '@seamless/contracts';
import { stringify } from 'csv-stringify';
import { eq, isNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { loadPermissions } from '../src/auth/sessionStore.js';
import { asSystem } from '../src/db/actorContext.js';
import { rowsOf } from '../src/db/client.js';
import { agencies, persons, users } from '../src/db/schema/index.js';
import { exportedCaseRows } from '../src/htcds/export/exportedCases.js';
import type { CellValue, SheetFormat } from '../src/htcds/sheet/cells.js';
import { writeSheet } from '../src/htcds/sheet/writeSheet.js';
import type { Actor } from '../src/policies/actor.js';
import type { TestApp } from '../test/harness.js';
import { type Bench, type BenchContext, type BenchEntry, budgetEntry, entry } from './context.js';

/** Cases per second each format must keep up on the machine the budgets were set on (README). */
const BUDGET_ROWS_PER_SECOND: Record<SheetFormat, number> = { csv: 1_000, xlsx: 600 };
/** Each export is timed this many times and the median kept: the first run also warms the code up. */
const RUNS = 3;
/** What an export of identities may take out besides what the caseworker's role already holds. */
const EXPORT_PERMISSIONS: Permission[] = ['export:htcds', 'export:identities'];

type Run = { rows: number; seconds: number };

async function medianRun(work: () => Promise<Run>): Promise<Run> {
  const runs: Run[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await work());
  return runs.sort((a, b) => a.seconds - b.seconds)[Math.floor(RUNS / 2)]!;
}

/** Where the files go: made in full and thrown away, as a download to a client that keeps up. */
const discard = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

/**
 * The bench's cases belong to the caseworker's agency, and no demo role of that agency exports:
 * the exporter is that caseworker holding the two export permissions as well — the policies read
 * permissions from the actor, so this is what a role granting them would give her.
 */
async function exporterOf(app: TestApp, userId: string): Promise<Actor> {
  const { db } = app.database;
  const [row] = await asSystem(db, (tx) =>
    tx
      .select({ user: users, agency: agencies })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(eq(users.id, userId)),
  );
  if (!row) throw new Error('The bench caseworker is missing');
  const { roleKeys, permissions } = await asSystem(db, (tx) => loadPermissions(tx, userId));
  return {
    userId,
    username: row.user.username,
    displayName: row.user.displayName,
    agencyId: row.agency.id,
    agencyName: row.agency.name,
    countryCode: row.agency.countryCode,
    roleKeys,
    permissions: new Set([...permissions, ...EXPORT_PERMISSIONS]),
    locale: 'en',
    pseudonymMode: false,
    sessionId: randomUUID(),
  };
}

/** GET /api/exports/htcds?format=…&layout=plain&identities=true without HTTP: the same rows, the same writer. */
async function exportCases(app: TestApp, actor: Actor, format: SheetFormat): Promise<Run> {
  let rows = 0;
  async function* sheetRows(): AsyncGenerator<CellValue[]> {
    yield HTCDS_COLUMNS.map((column) => column.name);
    for await (const row of exportedCaseRows(app.database.db, app.keyRing, actor, isNull(persons.mergedIntoId), true, {
      context: {},
      exportId: randomUUID(),
    })) {
      rows++;
      yield row;
    }
  }
  const metadata = [
    ['Export', 'HTCDS 2.0 cases from Seamless'],
    ['Exported by', `${actor.username} (${actor.agencyName})`],
    ['Identities', 'included'],
  ] as const;
  const started = performance.now();
  await writeSheet(sheetRows(), discard(), { format, sheetName: 'HTCDS', metadata, metadataSheetName: 'About' });
  return { rows, seconds: (performance.now() - started) / 1000 };
}

/** A database value as text, the plainest way: what a script dumping the select would write. */
const rawText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(';');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/**
 * The rawest export of the same cases: one select, as the schema owner, of the columns the export
 * draws on (case, person, victim context, owner agency — identity values as stored, encrypted),
 * in reference order, written out as it comes by csv-stringify or exceljs's streaming writer.
 */
async function exportRaw(app: TestApp, agencyId: string, format: SheetFormat): Promise<Run> {
  const started = performance.now();
  const records = await asSystem(app.database.db, async (tx) =>
    rowsOf<Record<string, unknown>>(
      await tx.execute(sql`
        select a.name as org_name, a.organisation_type, a.country_code as org_country, c.owner_user_id,
          p.given_name_enc, p.family_name_enc, p.birth_date_enc, p.gender, p.languages, p.citizenship, p.address_enc,
          c.trafficking_status, v.relationships_to_trafficker, v.age_when_trafficked, v.recruitment_apps,
          v.recruitment_methods, v.recruitment_place, v.control_methods, v.exploitation_types, v.forced_labour_industries,
          v.sexual_exploitation_types, v.exploitation_country, c.status, c.closure_reason, c.reference, c.country_code,
          c.opened_at, c.closed_at, c.stage, v.recruitment_country, c.intake_channel, c.urgency,
          c.intake_location, c.intake_narrative_enc, c.locale, p.pseudonym, p.name_as_written_enc, p.birth_year,
          p.ethnic_minority, p.ethnicity, c.form_answers
        from cases c join persons p on p.id = c.person_id join agencies a on a.id = c.owner_agency_id
          left join victim_contexts v on v.case_id = c.id
        where c.owner_agency_id = ${agencyId} and p.merged_into_id is null
        order by c.reference`),
    ),
  );
  const cells = records.map((record) => Object.values(record).map(rawText));
  if (format === 'csv') {
    await pipeline(Readable.from(cells), stringify({ bom: true }), discard());
  } else {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: discard() as unknown as ExcelJS.stream.xlsx.WorkbookWriterOptions['stream'],
      useSharedStrings: true,
    });
    const sheet = workbook.addWorksheet('HTCDS');
    for (const row of cells) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  }
  return { rows: records.length, seconds: (performance.now() - started) / 1000 };
}

async function formatEntries({ app, actor, caseIds }: BenchContext, exporter: Actor, format: SheetFormat): Promise<BenchEntry[]> {
  const ours = await medianRun(() => exportCases(app, exporter, format));
  const raw = await medianRun(() => exportRaw(app, actor.agencyId, format));
  if (ours.rows !== caseIds.length || raw.rows !== caseIds.length) {
    throw new Error(`The ${format} export wrote ${ours.rows} cases and the raw one ${raw.rows}, of the agency's ${caseIds.length}`);
  }
  const microsecondsPerRow = (run: Run) => (run.seconds * 1_000_000) / run.rows;
  return [
    entry(
      `htcds-export-${format}`,
      `µs per case, ${format} with identities`,
      microsecondsPerRow(ours),
      microsecondsPerRow(raw),
      'µs/row',
      ours.rows,
    ),
    budgetEntry(`htcds-export-${format}-budget`, ours.rows / ours.seconds, BUDGET_ROWS_PER_SECOND[format], 'rows/s', ours.rows),
  ];
}

/**
 * HTCDS export of the agency's cases, CSV and XLSX: exportedCaseRows as the route streams it
 * (row-level security, a page of 500 cases per transaction, aliases, documents, contacts,
 * events, perpetrators and comments, identities decrypted, the form answers the role may read)
 * through the route's writer, against one raw select of the same cases written by the same
 * libraries. Time per case, lower is better; the budgets are in cases per second.
 */
export const htcdsExport: Bench = {
  name: 'htcds-export',
  async run(context) {
    const exporter = await exporterOf(context.app, context.actor.userId);
    return [...(await formatEntries(context, exporter, 'csv')), ...(await formatEntries(context, exporter, 'xlsx'))];
  },
};
