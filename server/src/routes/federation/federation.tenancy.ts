import { expect } from 'vitest';
import { expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { repatriationFixture } from '../repatriations/repatriations.tenancy.js';

/**
 * Federation: the instance's identity and inbox are public and hold nothing private; partners,
 * deliveries and the manual route are the federation admin's (system administrators), every other
 * role gets 403 whatever its agency; the partner list for choosing where to send carries no keys.
 */
export function federationMatrix(c: TenancyContext): RouteMatrix {
  const everyoneElse = () => [c.socialworker, c.agencyadmin, c.ngo, c.shelter, c.psychologist, c.police, c.hotline, c.data];
  const adminOnly =
    (method: 'get' | 'post', path: (fixture: Awaited<ReturnType<typeof repatriationFixture>>) => string, body?: unknown) => async () => {
      const fixture = await repatriationFixture(c);
      for (const client of everyoneElse()) {
        const response = method === 'get' ? await client.get(path(fixture)) : await client.post(path(fixture), body);
        expectStatus(response, 403, 'forbidden');
      }
    };

  return {
    'GET /api/federation/identity': {
      why: 'the instance’s public identity document: public keys and an address, no private key',
      anonymous: 'public',
      probe: async () => {
        const document = await ok(c.t.client().get('/api/federation/identity'));
        expect(JSON.stringify(document)).not.toMatch(/"d"\s*:/);
        expect(document.signingKey).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String) });
      },
    },
    'POST /api/federation/inbox': {
      why: 'partners push signed, encrypted packets; anything else is turned away with nothing applied',
      anonymous: 'public',
      probe: async () => {
        const rejected = expectStatus(await c.t.client().post('/api/federation/inbox', { packet: 'a.b.c.d.e' }), 403, 'packet_rejected');
        expect(rejected.errors[0]).toMatchObject({ path: 'packet', code: 'undecryptable' });
        expectStatus(await c.t.client().post('/api/federation/inbox', { packet: 'not a packet' }), 400, 'packet_rejected');
      },
    },
    'GET /api/federation/partners': {
      why: 'names and countries of trusted partners for those who send cases; no keys; others 403',
      anonymous: { path: '/api/federation/partners' },
      probe: async () => {
        const { partnerId } = await repatriationFixture(c);
        const { items } = await ok(c.socialworker.get('/api/federation/partners'));
        expect(items).toContainEqual({ id: partnerId, name: 'Probe Cambodia', country: 'KH' });
        for (const client of [c.police, c.data, c.psychologist, c.hotline])
          expectStatus(await client.get('/api/federation/partners'), 403, 'forbidden');
      },
    },
    'GET /api/admin/federation': {
      why: 'partners and the instance’s identity are the federation admin’s',
      anonymous: { path: '/api/admin/federation' },
      probe: async () => {
        await adminOnly('get', () => '/api/admin/federation')();
        const { partners } = await ok(c.admin.get('/api/admin/federation'));
        expect(partners.map((partner: { name: string }) => partner.name)).toContain('Probe Cambodia');
      },
    },
    'POST /api/admin/federation/identity/rotation': {
      why: 'only the federation admin gives the instance new keys; the keys stay as they were',
      anonymous: { path: '/api/admin/federation/identity/rotation', body: {} },
      probe: async () => {
        const before = await ok(c.t.client().get('/api/federation/identity'));
        await adminOnly('post', () => '/api/admin/federation/identity/rotation', {})();
        expect((await ok(c.t.client().get('/api/federation/identity'))).fingerprint).toBe(before.fingerprint);
      },
    },
    'POST /api/admin/federation/partners': {
      why: 'only the federation admin registers a partner',
      anonymous: { path: '/api/admin/federation/partners', body: {} },
      probe: adminOnly('post', () => '/api/admin/federation/partners', {
        documentUrl: 'http://127.0.0.1:9/api/federation/identity',
        confirmedFingerprint: 'x',
        receivingAgencyId: UNKNOWN_ID,
      }),
    },
    'POST /api/admin/federation/partners/:id/status': {
      why: 'only the federation admin suspends or revokes a partner; the partner stays active',
      anonymous: { path: `/api/admin/federation/partners/${UNKNOWN_ID}/status`, body: {} },
      probe: async () => {
        await adminOnly('post', ({ partnerId }) => `/api/admin/federation/partners/${partnerId}/status`, {
          status: 'revoked',
          reason: 'Probe',
        })();
        const { partnerId } = await repatriationFixture(c);
        const { partners } = await ok(c.admin.get('/api/admin/federation'));
        expect(partners.find((partner: { id: string }) => partner.id === partnerId).status).toBe('active');
      },
    },
    'GET /api/admin/federation/deliveries': {
      why: 'the delivery monitor is the federation admin’s',
      anonymous: { path: '/api/admin/federation/deliveries' },
      probe: async () => {
        await adminOnly('get', () => '/api/admin/federation/deliveries')();
        const { outgoingId } = await repatriationFixture(c);
        const { items } = await ok(c.admin.get('/api/admin/federation/deliveries?direction=outgoing'));
        expect(items.map((item: { threadId: string }) => item.threadId)).toContain(outgoingId);
      },
    },
    'GET /api/admin/federation/rejections': {
      why: 'packets turned away are listed for the federation admin only',
      anonymous: { path: '/api/admin/federation/rejections' },
      probe: adminOnly('get', () => '/api/admin/federation/rejections'),
    },
    'POST /api/admin/federation/deliveries/:packetId/retry': {
      why: 'only the federation admin sends a packet again',
      anonymous: { path: `/api/admin/federation/deliveries/${UNKNOWN_ID}/retry`, body: {} },
      probe: adminOnly('post', () => `/api/admin/federation/deliveries/${UNKNOWN_ID}/retry`),
    },
    'GET /api/admin/federation/deliveries/:packetId/file': {
      why: 'a sealed packet file is carried across by the federation admin only',
      anonymous: { path: `/api/admin/federation/deliveries/${UNKNOWN_ID}/file` },
      probe: async () => {
        const { items } = await ok(c.admin.get('/api/admin/federation/deliveries?direction=outgoing'));
        const packetId = items[0].packetId as string;
        await adminOnly('get', () => `/api/admin/federation/deliveries/${packetId}/file`)();
        const file = await c.admin.get(`/api/admin/federation/deliveries/${packetId}/file`);
        expect(file.status).toBe(200);
        expect(file.headers.get('content-type')).toContain('application/jose');
      },
    },
    'POST /api/admin/federation/import': {
      why: 'only the federation admin imports a carried packet or receipt',
      anonymous: { path: '/api/admin/federation/import', body: {} },
      probe: adminOnly('post', () => '/api/admin/federation/import', { content: 'a.b.c.d.e' }),
    },
  };
}
