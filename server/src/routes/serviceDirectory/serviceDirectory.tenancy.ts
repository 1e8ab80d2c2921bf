import { expect } from 'vitest';
import { expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';

/**
 * The service directory holds no victim data, so every signed-in user reads all of it. What must
 * not cross agencies is keeping it: an agency administrator changes her own agency's entry only,
 * everyone else without `directory:manage` changes nothing, and a refused change leaves the
 * entry as its keeper reads it.
 */
export function serviceDirectoryMatrix(c: TenancyContext): RouteMatrix {
  type Entry = { id: string; agencyId: string | null; version: number; hours: string | null; services: any[]; contacts: any[] };
  const entryOf = async (agencyId: string): Promise<Entry> => {
    const page = await ok(c.admin.get('/api/directory/organisations?pageSize=100'));
    return page.items.find((item: Entry) => item.agencyId === agencyId);
  };
  /** The NGO's entry: the Chiang Rai administrator, the shelter and the police must not change it. */
  const ngoEntry = () => entryOf(c.agency.ngo);
  const outsiders = () => [c.agencyadmin, c.shelter, c.police, c.socialworker, c.data];
  const unchanged = async (before: Entry) => {
    const after = await ok(c.admin.get(`/api/directory/organisations/${before.id}`));
    expect(after.version).toBe(before.version);
    expect(after.hours).toBe(before.hours);
    expect(after.contacts.map((contact: { id: string; lastVerifiedOn: string | null }) => [contact.id, contact.lastVerifiedOn])).toEqual(
      before.contacts.map((contact) => [contact.id, contact.lastVerifiedOn]),
    );
  };

  return {
    'GET /api/directory/organisations': {
      why: 'the directory holds no victim data: every signed-in user reads every organisation, nothing else comes with it',
      anonymous: { path: '/api/directory/organisations' },
      probe: async () => {
        const page = await ok(c.ngo.get('/api/directory/organisations?pageSize=100'));
        expect(page.items.length).toBeGreaterThanOrEqual(6);
        for (const item of page.items) {
          expect(Object.keys(item)).not.toContain('searchText');
          expect(item.abilities.update).toBe(false);
        }
      },
    },
    'GET /api/directory/organisations/:id': {
      why: 'one organisation of the directory; the caller’s abilities say only her own agency’s entry is hers to change',
      anonymous: { path: `/api/directory/organisations/${UNKNOWN_ID}` },
      probe: async () => {
        const ngo = await ngoEntry();
        expect((await ok(c.agencyadmin.get(`/api/directory/organisations/${ngo.id}`))).abilities.update).toBe(false);
        const own = await entryOf(c.agency.chiangrai);
        expect((await ok(c.agencyadmin.get(`/api/directory/organisations/${own.id}`))).abilities.update).toBe(true);
        expectStatus(await c.ngo.get(`/api/directory/organisations/${UNKNOWN_ID}`), 404, 'not_found');
      },
    },
    'POST /api/directory/organisations': {
      why: 'only directory keepers add organisations, an agency administrator only her own agency’s',
      anonymous: { path: '/api/directory/organisations', body: {} },
      probe: async () => {
        const body = { name: 'Probe organisation', organisationType: 'NGO', countryCode: 'TH', agencyId: c.agency.ngo };
        expectStatus(await c.agencyadmin.post('/api/directory/organisations', body), 403, 'forbidden');
        for (const client of [c.ngo, c.shelter, c.police])
          expectStatus(await client.post('/api/directory/organisations', body), 403, 'forbidden');
        const names = (await ok(c.admin.get('/api/directory/organisations?q=Probe%20organisation'))).items;
        expect(names).toEqual([]);
      },
    },
    'PATCH /api/directory/organisations/:id': {
      why: 'another agency’s entry is refused and stays as its keeper reads it',
      anonymous: { path: `/api/directory/organisations/${UNKNOWN_ID}`, body: { version: 1 } },
      probe: async () => {
        const ngo = await ngoEntry();
        for (const client of outsiders()) {
          expectStatus(
            await client.patch(`/api/directory/organisations/${ngo.id}`, { hours: 'closed', version: ngo.version }),
            403,
            'forbidden',
          );
        }
        await unchanged(ngo);
      },
    },
    'POST /api/directory/organisations/:id/services': {
      why: 'services are added to an entry only by its keepers',
      anonymous: { path: `/api/directory/organisations/${UNKNOWN_ID}/services`, body: {} },
      probe: async () => {
        const ngo = await ngoEntry();
        for (const client of outsiders()) {
          expectStatus(
            await client.post(`/api/directory/organisations/${ngo.id}/services`, { serviceArea: 'legal', description: 'probe' }),
            403,
            'forbidden',
          );
        }
        expect((await ok(c.admin.get(`/api/directory/organisations/${ngo.id}`))).services).toHaveLength(ngo.services.length);
      },
    },
    'PATCH /api/directory/organisations/:id/services/:serviceId': {
      why: 'another agency’s services are refused and unchanged',
      anonymous: { path: `/api/directory/organisations/${UNKNOWN_ID}/services/${UNKNOWN_ID}`, body: { version: 1 } },
      probe: async () => {
        const ngo = await ngoEntry();
        const service = ngo.services[0];
        for (const client of outsiders()) {
          expectStatus(
            await client.patch(`/api/directory/organisations/${ngo.id}/services/${service.id}`, {
              description: 'probe',
              version: service.version,
            }),
            403,
            'forbidden',
          );
        }
        const after = (await ok(c.admin.get(`/api/directory/organisations/${ngo.id}`))).services[0];
        expect(after).toEqual(service);
      },
    },
    'POST /api/directory/organisations/:id/contacts': {
      why: 'contacts are added to an entry only by its keepers',
      anonymous: { path: `/api/directory/organisations/${UNKNOWN_ID}/contacts`, body: {} },
      probe: async () => {
        const ngo = await ngoEntry();
        for (const client of outsiders()) {
          expectStatus(await client.post(`/api/directory/organisations/${ngo.id}/contacts`, { name: 'probe' }), 403, 'forbidden');
        }
        await unchanged(ngo);
      },
    },
    'PATCH /api/directory/organisations/:id/contacts/:contactId': {
      why: 'another agency’s contacts are refused and unchanged',
      anonymous: { path: `/api/directory/organisations/${UNKNOWN_ID}/contacts/${UNKNOWN_ID}`, body: { version: 1 } },
      probe: async () => {
        const ngo = await ngoEntry();
        const contact = ngo.contacts[0];
        for (const client of outsiders()) {
          expectStatus(
            await client.patch(`/api/directory/organisations/${ngo.id}/contacts/${contact.id}`, {
              phone: '+66 1',
              version: contact.version,
            }),
            403,
            'forbidden',
          );
        }
        expect((await ok(c.admin.get(`/api/directory/organisations/${ngo.id}`))).contacts[0]).toEqual(contact);
      },
    },
    'DELETE /api/directory/organisations/:id/contacts/:contactId': {
      why: 'another agency’s contacts cannot be removed',
      anonymous: { path: `/api/directory/organisations/${UNKNOWN_ID}/contacts/${UNKNOWN_ID}` },
      probe: async () => {
        const ngo = await ngoEntry();
        for (const client of outsiders()) {
          expectStatus(await client.delete(`/api/directory/organisations/${ngo.id}/contacts/${ngo.contacts[0].id}`), 403, 'forbidden');
        }
        await unchanged(ngo);
      },
    },
    'POST /api/directory/organisations/:id/contacts/:contactId/verify': {
      why: 'only the entry’s keepers vouch for its contacts',
      anonymous: { path: `/api/directory/organisations/${UNKNOWN_ID}/contacts/${UNKNOWN_ID}/verify`, body: {} },
      probe: async () => {
        const ngo = await ngoEntry();
        for (const client of outsiders()) {
          expectStatus(await client.post(`/api/directory/organisations/${ngo.id}/contacts/${ngo.contacts[0].id}/verify`), 403, 'forbidden');
        }
        await unchanged(ngo);
      },
    },
    'GET /api/directory/contacts/unverified': {
      why: 'the reminder list is for keepers: an agency administrator sees her own agency’s contacts only, caseworkers none',
      anonymous: { path: '/api/directory/contacts/unverified' },
      probe: async () => {
        const hers = (await ok(c.agencyadmin.get('/api/directory/contacts/unverified'))).items;
        expect(hers.every((contact: { organisationAgencyId: string }) => contact.organisationAgencyId === c.agency.chiangrai)).toBe(true);
        for (const client of [c.ngo, c.shelter, c.police, c.data]) {
          expectStatus(await client.get('/api/directory/contacts/unverified'), 403, 'forbidden');
        }
      },
    },
    'GET /api/directory/export': {
      why: 'the whole directory for every signed-in user, as everyone reads it; no victim data in it',
      anonymous: { path: '/api/directory/export?format=xlsx' },
      probe: async () => {
        const file = await c.ngo.download('/api/directory/export?format=xlsx');
        expect(file.status).toBe(200);
        expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
      },
    },
  };
}
