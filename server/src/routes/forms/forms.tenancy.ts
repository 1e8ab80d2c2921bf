import { expect } from 'vitest';
import { expectStatus, ok, type RouteMatrix, type TenancyContext } from '../../../test/tenancy.js';

/** Forms and picklists hold configuration, never personal data; only form administrators change them. */
export function formsMatrix(c: TenancyContext): RouteMatrix {
  const refuseNonAdmins = async (request: (client: TenancyContext['ngo']) => Promise<{ status: number; body: any; headers: Headers }>) => {
    for (const client of [c.socialworker, c.agencyadmin, c.ngo, c.data]) expectStatus(await request(client), 403, 'forbidden');
  };
  return {
    'GET /api/forms/:form': {
      why: "returns the form of the caller's own country and agency: configuration, no records",
      anonymous: { path: '/api/forms/intake' },
      probe: async () => {
        const form = await ok(c.ngo.get('/api/forms/intake'));
        expect(form.lookups.length).toBeGreaterThan(0);
        expect(JSON.stringify(form)).not.toMatch(/P-[2-9A-Z]{6}/);
      },
    },
    'GET /api/admin/forms': {
      why: 'form administration is for admin:forms only',
      anonymous: { path: '/api/admin/forms' },
      probe: async () => {
        await refuseNonAdmins((client) => client.get('/api/admin/forms'));
        expect((await ok(c.admin.get('/api/admin/forms?countryCode=TH'))).items.length).toBeGreaterThan(0);
      },
    },
    'PUT /api/admin/forms/:countryCode/:form': {
      why: 'only form administrators change a form; others are refused and nothing changes',
      anonymous: { path: '/api/admin/forms/TH/intake', body: {} },
      probe: async () => {
        const [before] = (await ok(c.admin.get('/api/admin/forms?countryCode=TH'))).items.filter(
          (form: { form: string; agencyId: string | null }) => form.form === 'intake' && !form.agencyId,
        );
        await refuseNonAdmins((client) =>
          client.put('/api/admin/forms/TH/intake', { definition: before.definition, version: before.version }),
        );
        const [after] = (await ok(c.admin.get('/api/admin/forms?countryCode=TH'))).items.filter(
          (form: { form: string; agencyId: string | null }) => form.form === 'intake' && !form.agencyId,
        );
        expect(after.version).toBe(before.version);
      },
    },
    'GET /api/admin/lookups': {
      why: 'picklist administration is for admin:forms only',
      anonymous: { path: '/api/admin/lookups' },
      probe: async () => {
        await refuseNonAdmins((client) => client.get('/api/admin/lookups'));
      },
    },
    'PUT /api/admin/lookups/:countryCode/:listKey': {
      why: 'only form administrators change a picklist',
      anonymous: { path: '/api/admin/lookups/TH/th_provinces', body: {} },
      probe: async () => {
        const lists = (await ok(c.admin.get('/api/admin/lookups?countryCode=TH'))).items;
        const list = lists[0];
        await refuseNonAdmins((client) =>
          client.put(`/api/admin/lookups/TH/${list.key}`, { labels: list.labels, values: list.values, version: list.version }),
        );
        expect((await ok(c.admin.get('/api/admin/lookups?countryCode=TH'))).items[0].version).toBe(list.version);
      },
    },
  };
}
