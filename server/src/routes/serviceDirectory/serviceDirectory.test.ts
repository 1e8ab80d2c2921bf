import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { DirectoryOrganisation } from '@seamless/contracts';
import { format, subDays } from 'date-fns';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { readPdf, renderPdfPage } from '../../../test/pdf.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';
import { directoryContacts, directoryOrganisations } from '../../db/schema/index.js';

let t: TestApp;
let admin: ApiClient;
let agencyadmin: ApiClient;
let socialworker: ApiClient;
let police: ApiClient;
const OUTPUT_DIR = path.join(os.tmpdir(), 'seamless-directory');

beforeAll(async () => {
  t = await startTestApp();
  [admin, agencyadmin, socialworker, police] = await Promise.all([
    t.login('admin'),
    t.login('th.agencyadmin'),
    t.login('th.socialworker'),
    t.login('th.police'),
  ]);
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
}, 180_000);
afterAll(async () => t?.close());

async function search(client: ApiClient, query: Record<string, string>) {
  const response = await client.get(`/api/directory/organisations?${new URLSearchParams({ pageSize: '100', ...query })}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { items: DirectoryOrganisation[]; total: number; canCreate: boolean };
}
const names = (page: { items: DirectoryOrganisation[] }) => page.items.map((item) => item.name);
const byName = async (fragment: string) => (await search(admin, { q: fragment })).items[0]!;
const bangkokToday = () => format(new TZDate(new Date(), 'Asia/Bangkok'), 'yyyy-MM-dd');
const daysBefore = (day: string, days: number) => format(subDays(new Date(`${day}T00:00:00`), days), 'yyyy-MM-dd');

async function auditOf(action: string) {
  const result = await asSystem(t.database.db, (tx) =>
    tx.execute(sql`select resource_id, details from audit_events where action = ${action} order by seq`),
  );
  return rowsOf<{ resource_id: string | null; details: Record<string, unknown> }>(result);
}

describe('reading the directory', () => {
  test('every signed-in user reads it; anonymous callers get 401', async () => {
    for (const client of [socialworker, police, await t.login('th.data')]) {
      const page = await search(client, {});
      expect(page.total).toBeGreaterThanOrEqual(14);
      expect(page.canCreate).toBe(false);
    }
    expect((await search(agencyadmin, {})).canCreate).toBe(true);
    expectProblem(await t.client().get('/api/directory/organisations'), 401, 'unauthenticated');
  });

  test('free text finds names and descriptions in Thai, Burmese, Khmer and English, case and accents aside', async () => {
    expect(names(await search(socialworker, { q: 'เชียงราย' }))).toEqual(
      expect.arrayContaining([
        'Chiang Rai Provincial Office of Social Development and Human Security',
        'Chiang Rai Provincial Hospital, One Stop Crisis Centre (demo)',
      ]),
    );
    expect(names(await search(socialworker, { q: 'ကရင်' }))).toEqual(['Mae Sot Migrant Community Support Group (demo)']);
    expect(names(await search(socialworker, { q: 'ប៉ោយប៉ែត' }))).toEqual(['Cambodian Survivors Support Organisation (demo)']);
    expect(names(await search(socialworker, { q: 'LEGAL AID clinic' }))).toEqual(['Legal Aid Clinic for Migrant Workers (demo)']);
    // A contact's name finds her organisation.
    expect(names(await search(socialworker, { q: 'sokha' }))).toEqual(['Cambodian Survivors Support Organisation (demo)']);
    // Wildcards are text, not patterns.
    expect((await search(socialworker, { q: '%' })).total).toBe(0);
    const created = await admin.post('/api/directory/organisations', {
      name: 'Trung tâm Hỗ trợ Nguyễn Đình (demo)',
      organisationType: 'NGO',
      countryCode: 'VN',
      province: 'An Giang',
      languages: ['vi'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(names(await search(socialworker, { q: 'nguyen dinh' }))).toEqual(['Trung tâm Hỗ trợ Nguyễn Đình (demo)']);
  });

  test('filters: service area, province, sex, age, nationality, language, country', async () => {
    const housing = names(await search(socialworker, { serviceArea: 'safe_housing' }));
    expect(housing).toEqual(
      expect.arrayContaining(['Northern Women’s Shelter Foundation (demo)', 'Lao Women’s Reintegration Centre (demo)']),
    );
    expect(housing).not.toContain('Legal Aid Clinic for Migrant Workers (demo)');
    // Housing for a man: the women-only shelters drop out, the foster placement (any sex) stays.
    const forMen = names(await search(socialworker, { serviceArea: 'safe_housing', sex: 'male' }));
    expect(forMen).not.toContain('Northern Women’s Shelter Foundation (demo)');
    expect(forMen).toContain('Bangkok Children’s Rights Centre (demo)');
    // A 10-year-old: the foster placement (6–17) qualifies, a 30-year-old does not.
    expect(names(await search(socialworker, { serviceArea: 'safe_housing', age: '10' }))).toContain(
      'Bangkok Children’s Rights Centre (demo)',
    );
    expect(names(await search(socialworker, { serviceArea: 'safe_housing', age: '30' }))).not.toContain(
      'Bangkok Children’s Rights Centre (demo)',
    );
    // Economic help at 16: the NGO's grants start at 18.
    expect(names(await search(socialworker, { serviceArea: 'economic_empowerment', age: '16' }))).not.toContain(
      'Mekong Hope Foundation (demo NGO)',
    );
    expect(names(await search(socialworker, { serviceArea: 'economic_empowerment', age: '19' }))).toContain(
      'Mekong Hope Foundation (demo NGO)',
    );
    expect(names(await search(socialworker, { serviceArea: 'family_tracing_mediation', nationality: 'KH' }))).toEqual([
      'Cambodian Survivors Support Organisation (demo)',
    ]);
    expect(names(await search(socialworker, { province: 'samut sakhon' }))).toEqual(['Legal Aid Clinic for Migrant Workers (demo)']);
    expect(names(await search(socialworker, { language: 'ksw' }))).toEqual(['Mae Sot Migrant Community Support Group (demo)']);
    expect(names(await search(socialworker, { countryCode: 'LA' }))).toEqual(['Lao Women’s Reintegration Centre (demo)']);
    const paged = await socialworker.get('/api/directory/organisations?pageSize=5&page=2');
    expect(paged.body.items).toHaveLength(5);
    expect(paged.body.page).toBe(2);
  });

  test('bad filters are 4xx naming the parameter', async () => {
    for (const [query, field] of [
      ['serviceArea=shoes', 'serviceArea'],
      ['age=-1', 'age'],
      ['nationality=XX', 'nationality'],
      ['language=klingon', 'language'],
      ['pageSize=1000', 'pageSize'],
    ] as const) {
      const response = await socialworker.get(`/api/directory/organisations?${query}`);
      expect(response.status, query).toBeGreaterThanOrEqual(400);
      expect(response.status, query).toBeLessThan(500);
      expect(JSON.stringify(response.body.errors), query).toContain(field);
    }
  });
});

describe('keeping the directory', () => {
  test('an agency administrator edits her own agency’s entry and no other; RLS refuses the same', async () => {
    const own = await byName('Chiang Rai Provincial Office');
    expect(own.abilities.update).toBe(true);
    const changed = await agencyadmin.patch(`/api/directory/organisations/${own.id}`, {
      hours: 'Mon–Fri 08:00–16:00',
      version: own.version,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.hours).toBe('Mon–Fri 08:00–16:00');

    const ngo = (await search(agencyadmin, { q: 'Mekong Hope' })).items[0]!;
    expect(ngo.abilities.update).toBe(false);
    expectProblem(
      await agencyadmin.patch(`/api/directory/organisations/${ngo.id}`, { hours: 'never', version: ngo.version }),
      403,
      'forbidden',
    );
    const external = (await search(agencyadmin, { q: 'Legal Aid Clinic' })).items[0]!;
    expectProblem(
      await agencyadmin.patch(`/api/directory/organisations/${external.id}`, { hours: 'never', version: external.version }),
      403,
      'forbidden',
    );
    expectProblem(
      await agencyadmin.post(`/api/directory/organisations/${external.id}/contacts`, { name: 'Someone', languages: ['th'] }),
      403,
      'forbidden',
    );
    // She may not add another agency's, nor an external, organisation.
    const refused = await agencyadmin.post('/api/directory/organisations', {
      name: 'Another (demo)',
      organisationType: 'NGO',
      countryCode: 'TH',
      agencyId: ngo.agencyId,
    });
    expectProblem(refused, 403, 'forbidden');
    expect(refused.body.errors[0].path).toBe('agencyId');
    expectProblem(
      await agencyadmin.post('/api/directory/organisations', { name: 'External (demo)', organisationType: 'NGO', countryCode: 'TH' }),
      403,
      'forbidden',
    );

    // Row-level security holds the same line when a route forgets the policy.
    const agencyAdminActor = await asSystem(t.database.db, (tx) =>
      tx.execute(sql`select u.id, u.agency_id from users u where u.username = 'th.agencyadmin'`),
    );
    const [who] = rowsOf<{ id: string; agency_id: string }>(agencyAdminActor);
    const scopes = ['directory_manage', 'users_admin', 'audit_agency'] as const;
    const touched = await asActor(t.database.db, { userId: who!.id, agencyId: who!.agency_id, scopes }, (tx) =>
      tx.update(directoryOrganisations).set({ hours: 'never' }).where(eq(directoryOrganisations.id, ngo.id)).returning(),
    );
    expect(touched).toHaveLength(0);
    await expect(
      asActor(t.database.db, { userId: who!.id, agencyId: who!.agency_id, scopes }, (tx) =>
        tx.insert(directoryContacts).values({ organisationId: external.id, name: 'Sneaked in' }),
      ),
    ).rejects.toThrow();
    expect((await byName('Mekong Hope')).hours).toBe(ngo.hours);
  });

  test('caseworkers and police read but cannot change anything', async () => {
    const own = await byName('Chiang Rai Provincial Office');
    expect((await search(socialworker, { q: 'Chiang Rai Provincial Office' })).items[0]!.abilities.update).toBe(false);
    for (const client of [socialworker, police]) {
      expectProblem(await client.patch(`/api/directory/organisations/${own.id}`, { hours: 'x', version: own.version }), 403, 'forbidden');
      expectProblem(
        await client.post('/api/directory/organisations', { name: 'Mine', organisationType: 'NGO', countryCode: 'TH' }),
        403,
        'forbidden',
      );
      expectProblem(await client.post(`/api/directory/organisations/${own.id}/contacts/${own.contacts[0]!.id}/verify`), 403, 'forbidden');
      expectProblem(await client.get('/api/directory/contacts/unverified'), 403, 'forbidden');
    }
  });

  test('a system administrator adds an organisation with a service and a contact, edits, verifies and removes', async () => {
    const created = await admin.post('/api/directory/organisations', {
      name: 'Phayao Youth Safe House (demo)',
      localName: 'บ้านพักเยาวชนพะเยา (สาธิต)',
      organisationType: 'NGO',
      countryCode: 'TH',
      province: 'Phayao',
      website: 'https://youth.example',
      languages: ['th', 'en'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const service = await admin.post(`/api/directory/organisations/${id}/services`, {
      serviceArea: 'safe_housing',
      description: 'Night shelter for boys aged 12 to 17.',
      targetSexes: ['male'],
      minAge: 12,
      maxAge: 17,
      coverageProvinces: ['Phayao'],
    });
    expect(service.status, JSON.stringify(service.body)).toBe(201);
    const contact = await admin.post(`/api/directory/organisations/${id}/contacts`, {
      name: 'Anucha Kaewprasert',
      position: 'House father',
      phone: '+66 54 000 111',
      lineId: 'phayao-youth',
      languages: ['th'],
    });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);
    expect(contact.body.needsVerification).toBe(true);

    const verified = await admin.post(`/api/directory/organisations/${id}/contacts/${contact.body.id}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      lastVerifiedOn: bangkokToday(),
      verifiedByName: 'System Administrator',
      needsVerification: false,
    });

    const widened = await admin.patch(`/api/directory/organisations/${id}/services/${service.body.id}`, {
      maxAge: 19,
      version: service.body.version,
    });
    expect(widened.status, JSON.stringify(widened.body)).toBe(200);
    expect(names(await search(socialworker, { serviceArea: 'safe_housing', sex: 'male', age: '18', province: 'Phayao' }))).toEqual([
      'Phayao Youth Safe House (demo)',
    ]);
    // Stale version: 409, nothing written.
    expectProblem(
      await admin.patch(`/api/directory/organisations/${id}/services/${service.body.id}`, { maxAge: 30, version: service.body.version }),
      409,
      'conflict',
    );
    // A service of another organisation is not reachable through this one.
    const other = await byName('Legal Aid Clinic');
    expectProblem(
      await admin.patch(`/api/directory/organisations/${other.id}/services/${service.body.id}`, { maxAge: 30, version: 2 }),
      404,
      'not_found',
    );

    expect((await admin.delete(`/api/directory/organisations/${id}/contacts/${contact.body.id}`)).status).toBe(204);
    expect((await admin.get(`/api/directory/organisations/${id}`)).body.contacts).toEqual([]);
    expectProblem(await admin.delete(`/api/directory/organisations/${id}/contacts/${contact.body.id}`), 404, 'not_found');

    const retired = await admin.patch(`/api/directory/organisations/${id}`, { active: false, version: created.body.version });
    expect(retired.body.active).toBe(false);
    expect(names(await search(socialworker, { q: 'Phayao Youth' }))).toEqual([]);
    expect(names(await search(socialworker, { q: 'Phayao Youth', includeInactive: 'true' }))).toEqual(['Phayao Youth Safe House (demo)']);

    // The trail names fields and ids, never the values typed in.
    const updates = await auditOf('directory.service_update');
    expect(updates.at(-1)).toMatchObject({ resource_id: service.body.id, details: { fields: ['maxAge'] } });
    const trail = JSON.stringify([...(await auditOf('directory.contact_create')), ...(await auditOf('directory.contact_verify'))]);
    expect(trail).not.toContain('Anucha');
    expect(trail).not.toContain('54 000');
  });

  test('bad input is 4xx naming the field, and nothing is written', async () => {
    const before = (await search(admin, { includeInactive: 'true' })).total;
    const cases: [Record<string, unknown>, string][] = [
      [{ organisationType: 'NGO', countryCode: 'TH' }, 'name'],
      [{ name: 'X', organisationType: 'Shop', countryCode: 'TH' }, 'organisationType'],
      [{ name: 'X', organisationType: 'NGO', countryCode: 'QQ' }, 'countryCode'],
      [{ name: 'X', organisationType: 'NGO', countryCode: 'TH', website: 'javascript:alert(1)' }, 'website'],
      [{ name: 'X', organisationType: 'NGO', countryCode: 'TH', languages: ['xx'] }, 'languages.0'],
      [{ name: 'X', organisationType: 'NGO', countryCode: 'TH', colour: 'red' }, ''],
    ];
    for (const [body, field] of cases) {
      const response = await admin.post('/api/directory/organisations', body);
      expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      if (field) expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(field);
    }
    expect((await search(admin, { includeInactive: 'true' })).total).toBe(before);

    const own = await byName('Legal Aid Clinic');
    const firstPath = (response: Awaited<ReturnType<ApiClient['post']>>) =>
      expectProblem(response, 400, 'validation_failed').errors?.[0]?.path;
    const service = (body: Record<string, unknown>) => admin.post(`/api/directory/organisations/${own.id}/services`, body);
    expect(firstPath(await service({ serviceArea: 'legal', description: 'x', minAge: 18, maxAge: 10 }))).toBe('maxAge');
    expect(firstPath(await service({ serviceArea: 'hairdressing', description: 'x' }))).toBe('serviceArea');
    expect(firstPath(await service({ serviceArea: 'legal', description: '' }))).toBe('description');
    const contact = (body: Record<string, unknown>) => admin.post(`/api/directory/organisations/${own.id}/contacts`, body);
    expect(firstPath(await contact({ name: 'A', phone: 'call me' }))).toBe('phone');
    expect(firstPath(await contact({ name: 'A', email: 'nope' }))).toBe('email');
    expect(firstPath(await contact({ name: 'A', lineId: '<script>' }))).toBe('lineId');
    expect((await admin.get(`/api/directory/organisations/${own.id}`)).body.services).toHaveLength(own.services.length);
  });
});

describe('contacts due for verification', () => {
  test('183 days after the last check in the country’s calendar a contact needs verification, 182 days not yet', async () => {
    const organisation = await byName('Bangkok Children’s Rights Centre');
    const today = bangkokToday();
    const add = async (name: string, daysAgo: number) => {
      const created = await admin.post(`/api/directory/organisations/${organisation.id}/contacts`, { name, languages: ['th'] });
      await asSystem(t.database.db, (tx) =>
        tx
          .update(directoryContacts)
          .set({ lastVerifiedOn: daysBefore(today, daysAgo) })
          .where(eq(directoryContacts.id, created.body.id)),
      );
      return created.body.id as string;
    };
    const stale = await add('Edge stale (demo)', 183);
    const fresh = await add('Edge fresh (demo)', 182);
    const contacts = (await admin.get(`/api/directory/organisations/${organisation.id}`)).body.contacts as {
      id: string;
      needsVerification: boolean;
    }[];
    expect(contacts.find((c) => c.id === stale)!.needsVerification).toBe(true);
    expect(contacts.find((c) => c.id === fresh)!.needsVerification).toBe(false);

    const due = (await admin.get('/api/directory/contacts/unverified')).body.items as { id: string; organisationName: string }[];
    expect(due.map((c) => c.id)).toContain(stale);
    expect(due.map((c) => c.id)).not.toContain(fresh);
    // Seeded: never verified, and verified 190, 210, 250, 300 and 400 days ago.
    expect(due.map((c) => c.organisationName)).toEqual(
      expect.arrayContaining([
        'Lao Women’s Reintegration Centre (demo)',
        'Legal Aid Clinic for Migrant Workers (demo)',
        'Mae Sot Migrant Community Support Group (demo)',
      ]),
    );

    // An agency administrator is reminded of her own agency's contacts only.
    const hers = (await agencyadmin.get('/api/directory/contacts/unverified')).body.items as { organisationAgencyId: string }[];
    const ownAgency = (await byName('Chiang Rai Provincial Office')).agencyId;
    expect(hers.length).toBeGreaterThan(0);
    expect(hers.every((c) => c.organisationAgencyId === ownAgency)).toBe(true);

    const flagged = names(await search(socialworker, { needsVerification: 'true' }));
    expect(flagged).toContain('Bangkok Children’s Rights Centre (demo)');
    expect(flagged).not.toContain('International Migration Assistance Office, Bangkok (demo)');
  });
});

describe('exports', () => {
  test('XLSX: one row per service with the area labelled in the requester’s language', async () => {
    const file = await socialworker.download('/api/directory/export?format=xlsx&locale=th&serviceArea=legal');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('ทำเนียบบริการ');
    expect(sheet.getRow(1).getCell(1).value).toBe('หน่วยงาน');
    const rows: string[][] = [];
    sheet.eachRow((row, index) => {
      if (index > 1) rows.push((row.values as unknown[]).slice(1).map(String));
    });
    const clinic = rows.find((row) => row[0] === 'Legal Aid Clinic for Migrant Workers (demo)' && row[4] === 'ความช่วยเหลือทางกฎหมาย');
    expect(clinic).toBeDefined();
    expect(clinic![10]).toContain('Aung Ko Ko');
    expect(rows.map((row) => row[4])).toContain('การช่วยเหลือด้านเอกสารและสถานะ');
    const exported = await auditOf('directory.export');
    expect(exported.at(-1)!.details).toMatchObject({ format: 'xlsx', filters: ['serviceArea'] });
  });

  test('PDF: Thai, Khmer, Lao and Burmese text set and extractable, one heading per service area', async () => {
    const file = await socialworker.download('/api/directory/export?format=pdf&locale=th');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    fs.writeFileSync(path.join(OUTPUT_DIR, 'directory-th.pdf'), file.bytes);
    const pdf = await readPdf(file.bytes);
    expect(pdf.text).toContain('ทำเนียบบริการ');
    expect(pdf.text).toContain('ที่พักที่ปลอดภัย');
    expect(pdf.text).toContain('ការទទួលនៅព្រំដែនប៉ោយប៉ែត');
    expect(pdf.text).toContain('ທີ່ພັກຊົ່ວຄາວ');
    expect(pdf.text).toContain('မြန်မာနှင့်ကရင်ဘာသာဖြင့်');
    expect(pdf.text).toContain('Nok Wongsakul');
    for (let page = 1; page <= Math.min(pdf.pages, 2); page++) {
      const rendered = await renderPdfPage(file.bytes, page, 80);
      expect(rendered.inkRatio).toBeGreaterThan(0.01);
      fs.writeFileSync(path.join(OUTPUT_DIR, `directory-th-${page}.png`), rendered.png);
    }
    const english = await readPdf((await socialworker.download('/api/directory/export?format=pdf&locale=en&serviceArea=medical')).bytes);
    expect(english.text).toContain('Medical care');
    expect(english.text).not.toContain('Legal aid');
  });

  test('exports refuse bad formats and anonymous callers', async () => {
    expect((await socialworker.get('/api/directory/export?format=docx')).status).toBe(400);
    expectProblem(await t.client().get('/api/directory/export?format=pdf'), 401, 'unauthenticated');
  });
});
