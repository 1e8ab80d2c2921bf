import { randomUUID } from 'node:crypto';
import type { FigureTable, Reconciliation, StatisticSubmission } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf, type Tx } from '../../db/client.js';
import { cases, persons, traffickingStatusDecisions } from '../../db/schema/index.js';

/**
 * Chiang Rai's own annual report says how many victims it identified in 2013; the records say:
 * 20 women and 10 men (adults), and 2 girls — 32 persons, 22 of them female.
 */
let t: TestApp;
let data: ApiClient; // data_officer, ministry
let ngo: ApiClient; // case_manager, NGO: no stats:read
let chiangrai: string;
const YEAR = 'from=2013-01-01&to=2013-12-31';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function seedChiangRai2013(tx: Tx) {
  const [police] = rowsOf<{ id: string }>(await tx.execute(sql`select id from agencies where acronym = 'ATPD'`));
  const [recorder] = rowsOf<{ id: string }>(await tx.execute(sql`select id from users where username = 'th.police'`));
  const people = [
    ...Array.from({ length: 20 }, () => ({ gender: 'Feminine' as const, birthYear: 1985 })),
    ...Array.from({ length: 10 }, () => ({ gender: 'Masculine' as const, birthYear: 1980 })),
    ...Array.from({ length: 2 }, () => ({ gender: 'Feminine' as const, birthYear: 2000 })),
  ];
  for (const [index, person] of people.entries()) {
    const [row] = await tx
      .insert(persons)
      .values({ ...person, citizenship: ['MM'], pseudonym: `P-REC${index}`, createdByAgencyId: chiangrai })
      .returning({ id: persons.id });
    const [kase] = await tx
      .insert(cases)
      .values({
        reference: `TH-REC-${index}-${randomUUID().slice(0, 6)}`,
        countryCode: 'TH',
        personId: row!.id,
        ownerAgencyId: chiangrai,
        traffickingStatus: 'Identified',
        openedAt: new Date('2013-02-01T03:00:00Z'),
      })
      .returning({ id: cases.id });
    await tx.insert(traffickingStatusDecisions).values({
      caseId: kase!.id,
      fromStatus: 'Presumed',
      toStatus: 'Identified',
      decidingAgencyId: police!.id,
      decidedOn: '2013-03-01',
      decidedByName: 'Inquiry officer (test)',
      reasons: 'Indicators of act, means and purpose',
      recordedBy: recorder!.id,
    });
  }
}

const submit = (client: ApiClient, body: Record<string, unknown>) =>
  client.post('/api/statistics/submissions', {
    sourceAgencyId: chiangrai,
    statistic: 'victims_identified',
    from: '2013-01-01',
    to: '2013-12-31',
    source: 'Chiang Rai annual report 2013, table 2',
    ...body,
  });
const listed = async () => (await data.get('/api/statistics/submissions')).body.items as StatisticSubmission[];
const published = async (by: string): Promise<FigureTable> =>
  (await data.get(`/api/statistics/figures?statistic=victims_identified&${YEAR}&by=${by}&agencyId=${chiangrai}`)).body;
const countIn = (table: FigureTable, key: string) => table.cells.find((cell) => cell.keys[0] === key)?.value ?? null;

async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('figures');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
const upload = (
  bytes: Uint8Array,
  query = `sourceAgencyId=${chiangrai}&statistic=victims_identified&${YEAR}&by=sex&source=Annual%20report`,
) => data.upload(`/api/statistics/submissions/workbook?${query}`, { name: 'figures.xlsx', type: XLSX, bytes });

beforeAll(async () => {
  t = await startTestApp();
  data = await t.login('th.data');
  ngo = await t.login('th.ngo');
  await asSystem(t.database.db, async (tx) => {
    const [office] = rowsOf<{ id: string }>(await tx.execute(sql`select id from agencies where acronym = 'PSDHS Chiang Rai'`));
    chiangrai = office!.id;
    await seedChiangRai2013(tx);
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('reported figures set beside the computed ones', () => {
  it('says where they agree, may agree within the adjustment, differ, or cannot be compared', async () => {
    const bySex = await published('sex');
    const women = countIn(bySex, 'female')!;
    const men = countIn(bySex, 'male')!;
    expect(Math.abs(women - 22)).toBeLessThanOrEqual(2);
    expect(Math.abs(men - 10)).toBeLessThanOrEqual(2);
    const created = await submit(data, {
      by: ['sex'],
      cells: [
        { keys: ['female'], value: women + 1 },
        { keys: ['male'], value: men },
      ],
      total: (bySex.total.value ?? 0) + 9,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ version: 1, sourceAgency: { id: chiangrai }, by: ['sex'], total: (bySex.total.value ?? 0) + 9 });

    const reconciliation: Reconciliation = (await data.get(`/api/statistics/submissions/${created.body.id}/reconciliation`)).body;
    expect(reconciliation.lines.map((line) => [line.keys, line.reported, line.computed.value, line.difference, line.verdict])).toEqual([
      [['female'], women + 1, women, 1, 'within_adjustment'],
      [['male'], men, men, 0, 'agrees'],
    ]);
    expect(reconciliation.total).toMatchObject({ reported: (bySex.total.value ?? 0) + 9, difference: 9, verdict: 'differs' });
    expect(reconciliation.summary).toMatchObject({ agrees: 1, within_adjustment: 1, differs: 1, hidden: 0 });
  });

  it('compares nothing it would not publish: a small count stays hidden, and what the agency did not report is listed', async () => {
    const created = await submit(data, { by: ['child'], cells: [{ keys: ['child'], value: 2 }], total: null });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const reconciliation: Reconciliation = (await data.get(`/api/statistics/submissions/${created.body.id}/reconciliation`)).body;
    const child = reconciliation.lines.find((line) => line.keys[0] === 'child')!;
    // Two girls: the computed count is below 5, so neither it nor the difference is shown.
    expect(child).toMatchObject({ reported: 2, computed: { value: null, suppressed: true }, difference: null, verdict: 'hidden' });
    expect(JSON.stringify(reconciliation)).not.toContain('"value":2,"suppressed":false');
    const adults = reconciliation.lines.find((line) => line.keys[0] === 'adult')!;
    expect(adults).toMatchObject({ reported: null, verdict: 'hidden' });
  });

  it('keeps every version as entered: entering the figure again never overwrites the first', async () => {
    const first = await submit(data, { by: [], cells: [], total: 30 });
    const second = await submit(data, { by: [], cells: [], total: 32 });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.version).toBe(first.body.version + 1);
    const items = await listed();
    expect(items.find((item) => item.id === first.body.id)).toMatchObject({ total: 30, version: first.body.version });
    expect(items.find((item) => item.id === second.body.id)).toMatchObject({ total: 32 });
  });
});

describe('bad input is refused with the field named, and nothing is kept', () => {
  it.each([
    [{ sourceAgencyId: randomUUID(), total: 3 }, 'sourceAgencyId'],
    [{ by: ['sex'], cells: [{ keys: ['f'], value: 3 }] }, 'cells.0.keys.0'],
    [{ by: ['province'], statistic: 'sdg_16_2_2', total: 1 }, 'statistic'],
    [{ by: ['shoeSize'], total: 1 }, 'by.0'],
    [{ by: ['sex', 'child'], total: 1 }, 'by'],
    [{ by: ['agency'], total: 1 }, 'by'],
    [{ to: '2013-05-31', total: 1 }, 'to'],
    [
      {
        by: ['sex'],
        cells: [
          { keys: ['male'], value: 1 },
          { keys: ['male'], value: 2 },
        ],
      },
      'cells.1.keys',
    ],
    [{ by: ['sex'], cells: [{ keys: ['male', 'adult'], value: 1 }] }, 'cells.0.keys'],
    [{ by: [], cells: [{ keys: ['male'], value: 1 }] }, 'cells.0.keys'],
    [{ by: [], cells: [], total: null }, 'cells'],
    [{ total: -1 }, 'total'],
    [{ total: 1.5 }, 'total'],
    [{ source: '   ', total: 1 }, 'source'],
    [{ source: 'Report\u202Egnp.exe', total: 1 }, 'source'],
  ])('%j → 400 naming %s', async (body, path) => {
    const before = (await listed()).length;
    const response = await submit(data, body);
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.path)).toContain(path);
    expect((await listed()).length).toBe(before);
  });
});

describe('a workbook of reported figures', () => {
  it('is offered as a template with every value of the breakdown and a total row', async () => {
    const file = await data.download(`/api/statistics/submissions/template?statistic=victims_identified&${YEAR}&by=sex`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.map((row) => row.slice(1, 3))).toEqual([['sex', 'count'], ['female'], ['male'], ['other'], ['unknown'], ['total']]);
  });

  it('is read whole: its cells and total kept as a new submission', async () => {
    const response = await upload(
      await workbook([
        ['sex', 'count'],
        ['female', 21],
        ['male', '10'],
        ['other', null],
        ['total', 31],
      ]),
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({
      by: ['sex'],
      cells: [
        { keys: ['female'], value: 21 },
        { keys: ['male'], value: 10 },
      ],
      total: 31,
      source: 'Annual report',
    });
  });

  it('reports every problem with its row and column, and keeps nothing', async () => {
    const before = (await listed()).length;
    const response = await upload(
      await workbook([
        ['sex', 'count'],
        ['female', 21],
        ['woman', 3],
        ['male', 'ten'],
        ['female', 4],
        ['total', -2],
      ]),
    );
    expectProblem(response, 400, 'validation_failed');
    expect(
      response.body.problems.map((problem: { row: number; column: number; code: string }) => [problem.row, problem.column, problem.code]),
    ).toEqual([
      [3, 1, 'unknown_value'],
      [4, 2, 'not_a_count'],
      [5, 1, 'duplicate'],
      [6, 2, 'not_a_count'],
    ]);
    expect((await listed()).length).toBe(before);
  });

  it('names a wrong header, a file that is not a spreadsheet, and an empty one', async () => {
    const header = await upload(
      await workbook([
        ['gender', 'number'],
        ['female', 1],
      ]),
    );
    expect(header.status).toBe(400);
    expect(
      header.body.problems.map((problem: { row: number; column: number; code: string }) => [problem.row, problem.column, problem.code]),
    ).toEqual([
      [1, 1, 'header'],
      [1, 2, 'header'],
    ]);
    const picture = await upload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(picture.status).toBe(400);
    expect(picture.body.problems[0]).toMatchObject({ row: null, column: null, code: 'not_a_spreadsheet' });
    const empty = await upload(await workbook([['sex', 'count']]));
    expect(empty.status).toBe(400);
    expect(empty.body.problems[0]).toMatchObject({ code: 'empty_file' });
  });

  it('answers a form it cannot read — no boundary, or cut off — with a 400, and keeps nothing', async () => {
    const before = (await listed()).length;
    const path = `/api/statistics/submissions/workbook?sourceAgencyId=${chiangrai}&statistic=victims_identified&${YEAR}&source=x`;
    const noBoundary = await data.request('POST', path, 'count\r\n3\r\n', { 'content-type': 'multipart/form-data' });
    expect(expectProblem(noBoundary, 400, 'validation_failed').errors?.map((error) => error.path)).toEqual(['file']);
    const cutOff = await data.request(
      'POST',
      path,
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\ncount\r\n3',
      {
        'content-type': 'multipart/form-data; boundary=XX',
      },
    );
    expectProblem(cutOff, 400, 'validation_failed');
    expect((await listed()).length).toBe(before);
  });

  it('refuses a figure described wrongly in the query before reading the file', async () => {
    const response = await upload(
      await workbook([['count'], [3]]),
      `sourceAgencyId=${randomUUID()}&statistic=victims_identified&${YEAR}&source=x`,
    );
    expect(expectProblem(response, 400, 'validation_failed').errors?.map((error) => error.path)).toContain('query.sourceAgencyId');
  });
});

describe('who may enter and compare figures', () => {
  it('refuses roles without stats:read, and anonymous callers', async () => {
    const [mine] = await listed();
    expectProblem(await ngo.get('/api/statistics/submissions'), 403, 'forbidden');
    expectProblem(await submit(ngo, { total: 1 }), 403, 'forbidden');
    expectProblem(await ngo.get(`/api/statistics/submissions/${mine!.id}/reconciliation`), 403, 'forbidden');
    expectProblem(await ngo.get(`/api/statistics/submissions/template?statistic=victims_identified&${YEAR}`), 403, 'forbidden');
    expectProblem(
      await ngo.upload(`/api/statistics/submissions/workbook?sourceAgencyId=${chiangrai}&statistic=victims_identified&${YEAR}&source=x`, {
        name: 'f.xlsx',
        type: XLSX,
        bytes: await workbook([['count'], [1]]),
      }),
      403,
      'forbidden',
    );
    expectProblem(await t.client().get('/api/statistics/submissions'), 401, 'unauthenticated');
  });

  it('audits entries, the list and comparisons with the figure, never the numbers', async () => {
    const items = await listed();
    const [mine] = items;
    await data.get(`/api/statistics/submissions/${mine!.id}/reconciliation`);
    const events = await asSystem(t.database.db, async (tx) =>
      rowsOf<{ action: string; details: Record<string, unknown> }>(
        await tx.execute(sql`select action, details from audit_events where resource_id = ${mine!.id} order by seq`),
      ),
    );
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['statistics.figures_submitted', 'statistics.reconciliation_read']),
    );
    expect(JSON.stringify(events)).not.toContain('"total"');
    const [list] = await asSystem(t.database.db, async (tx) =>
      rowsOf<{ actor_username: string; details: { submissionIds: string[] } }>(
        await tx.execute(
          sql`select actor_username, details from audit_events where action = 'statistics.submissions_listed' order by seq desc limit 1`,
        ),
      ),
    );
    expect(list).toEqual({ actor_username: 'th.data', details: { submissionIds: items.map((item) => item.id) } });
  });
});
