import fs from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  type FederationPair,
  handMadePacket,
  identifiedCambodianCase,
  startFederationPair,
  thaiJourneyAgencies,
} from '../../test/federationPair.js';
import { type ApiClient, expectProblem, startTestApp } from '../../test/harness.js';
import { asSystem } from '../db/actorContext.js';
import { federationOutbox, partnerInstances } from '../db/schema/index.js';
import { localToday } from '../followUp/schedule.js';
import {
  generateInstanceKeys,
  InstanceIdentity,
  instanceKeyFilePath,
  instanceKeysFileSchema,
  loadInstanceIdentity,
} from './instanceIdentity.js';
import { announcementOf } from './keyRotation.js';

/**
 * Issue 12: an instance takes new keys without its partners registering it anew. Cambodia learns
 * Thailand's new keys from a packet signed with the old ones; what Thailand sealed before the
 * rotation still arrives, what it signs after waits for the announcement, and an old key is
 * accepted only as long as a packet it signed can be valid.
 */

let pair: FederationPair;
let thWorker: ApiClient;
let khWorker: ApiClient;
let agencies: { chiangrai: string; police: string };
/** Thailand's keys before the rotation, as someone who kept a copy holds them. */
let retiredThailand: InstanceIdentity;

beforeAll(async () => {
  pair = await startFederationPair({ proxyInFrontOf: 'cambodia' });
  thWorker = await pair.thailand.app.login('th.socialworker');
  khWorker = await pair.cambodia.app.login('kh.socialworker');
  agencies = await thaiJourneyAgencies(pair.thailand.admin);
}, 120_000);

afterAll(async () => {
  await pair?.close();
});

async function requestRepatriation() {
  const woman = await identifiedCambodianCase(thWorker, agencies);
  const sent = await thWorker.post(`/api/cases/${woman.caseId}/repatriations`, {
    partnerId: pair.thailand.partnerId,
    consentId: woman.consentId,
    sections: ['identity'],
    reason: 'She asks to go home to her mother in Battambang.',
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  return sent.body.id as string;
}

const inCambodia = (id: string, what: string) =>
  eventually(async () => ((await khWorker.get(`/api/repatriations/${id}`)).status === 200 ? true : undefined), what);

const thailandAsCambodiaKnowsIt = async () => {
  const [partner] = await asSystem(pair.cambodia.app.database.db, (tx) =>
    tx.select().from(partnerInstances).where(eq(partnerInstances.id, pair.cambodia.partnerId)),
  );
  return partner!;
};

describe('rotating an instance’s keys', () => {
  it('Cambodia takes Thailand’s new keys from a packet signed with the old ones; nothing sent before or after is lost', async () => {
    const proxy = pair.proxy!;
    const before = (await pair.thailand.admin.get('/api/federation/identity')).body;
    retiredThailand = await InstanceIdentity.fromKeys(
      instanceKeysFileSchema.parse(JSON.parse(fs.readFileSync(instanceKeyFilePath(pair.thailand.app.config.dataDir), 'utf8'))),
      { country: 'TH', name: 'Seamless Thailand' },
    );
    proxy.goDown();
    const sealedBefore = await requestRepatriation();

    const rotated = await pair.thailand.admin.post('/api/admin/federation/identity/rotation', {});
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    expect(rotated.body).toMatchObject({ previousFingerprint: before.fingerprint, announcedTo: 1 });
    expect(rotated.body.instance.fingerprint).not.toBe(before.fingerprint);
    // Partners know the instance by its id: it stays.
    expect(rotated.body.instance.instanceId).toBe(before.instanceId);
    const after = (await pair.thailand.admin.get('/api/federation/identity')).body;
    expect(after).toMatchObject({ instanceId: before.instanceId, fingerprint: rotated.body.instance.fingerprint });
    expect(after.signingKey).not.toEqual(before.signingKey);

    // Signed with the new keys: it waits until Cambodia has been told of them.
    const sealedAfter = await requestRepatriation();
    const outbox = ok(await pair.thailand.admin.get('/api/admin/federation/deliveries?direction=outgoing&status=pending&pageSize=50'));
    expect(outbox.items.map((item: { kind: string }) => item.kind).sort()).toEqual(
      ['key_rotation', 'repatriation_request', 'repatriation_request'].sort(),
    );

    proxy.comeBack();
    await inCambodia(sealedBefore, 'the request sealed before the rotation, in Cambodia');
    await inCambodia(sealedAfter, 'the request signed with the new keys, in Cambodia');
    const rejectedInCambodia = ok(await pair.cambodia.admin.get('/api/admin/federation/rejections')).items;
    expect(rejectedInCambodia).toEqual([]);

    const known = await thailandAsCambodiaKnowsIt();
    expect(known.fingerprint).toBe(rotated.body.instance.fingerprint);
    expect(known.signingKey).toEqual(after.signingKey);
    expect(known.instanceId).toBe(before.instanceId);
    expect(known.previousKeys).toEqual([expect.objectContaining({ fingerprint: before.fingerprint, signingKey: before.signingKey })]);
    const partners = ok(await pair.cambodia.admin.get('/api/admin/federation')).partners;
    expect(partners.find((partner: { id: string }) => partner.id === pair.cambodia.partnerId)).toMatchObject({
      fingerprint: rotated.body.instance.fingerprint,
      status: 'active',
      keysRotatedAt: expect.any(String),
    });

    // Cambodia answers, sealing for Thailand's new keys; Thailand's status follows.
    const khToday = localToday('KH', new Date());
    const verified = await khWorker.post(`/api/repatriations/${sealedAfter}/verification`, {
      outcome: 'confirmed',
      method: 'Family book checked by the commune chief.',
      verifiedOn: khToday,
    });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    await eventually(
      async () => ((await thWorker.get(`/api/repatriations/${sealedAfter}`)).body.status === 'nationality_verified' ? true : undefined),
      'the verification back in Thailand',
    );

    const audit = ok(await pair.cambodia.admin.get('/api/admin/audit?action=federation.partner_keys_rotated'));
    expect(audit.items).toHaveLength(1);
  });

  it('takes a retired key only for the packets named as on their way, never for new keys, and only while they can be valid', async () => {
    const packet = (kind: 'repatriation_request' | 'key_rotation', body: Record<string, unknown>) =>
      handMadePacket(retiredThailand, pair.cambodia.document, { kind, body });
    // Whoever kept the old key cannot speak for Thailand: not a new request, not new keys of their own.
    for (const sealed of [
      await packet('repatriation_request', { sendingCaseReference: 'TH-OLD-KEY' }),
      await packet('key_rotation', await announcementOf(retiredThailand.instanceId, await generateInstanceKeys(), [])),
    ]) {
      const refused = await pair.cambodia.app.client().post('/api/federation/inbox', { packet: sealed });
      expectProblem(refused, 403, 'packet_rejected');
      expect(refused.body.errors[0]).toMatchObject({ code: 'unknown_sender' });
    }
    expect((await thailandAsCambodiaKnowsIt()).fingerprint).not.toBe(retiredThailand.fingerprint);

    const [old] = await asSystem(pair.thailand.app.database.db, (tx) =>
      tx
        .select({ sealed: federationOutbox.sealed, packetId: federationOutbox.packetId, threadId: federationOutbox.threadId })
        .from(federationOutbox)
        .where(sql`${federationOutbox.kind} = 'repatriation_request' and ${federationOutbox.status} = 'delivered'`)
        .orderBy(federationOutbox.createdAt)
        .limit(1),
    );
    // Delivered already: a duplicate, recognised and not applied twice.
    const again = await pair.cambodia.app.client().post('/api/federation/inbox', { packet: old!.sealed });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.outcome).toBe('duplicate');
    // Other content under the id of a packet that was on its way: the partner named the bytes, not the id.
    const impostor = await handMadePacket(retiredThailand, pair.cambodia.document, {
      id: old!.packetId,
      thread: old!.threadId,
      kind: 'repatriation_request',
      body: { sendingCaseReference: 'TH-IMPOSTOR' },
    });
    const refusedImpostor = await pair.cambodia.app.client().post('/api/federation/inbox', { packet: impostor });
    expectProblem(refusedImpostor, 403, 'packet_rejected');
    expect(refusedImpostor.body.errors[0]).toMatchObject({ code: 'unknown_sender' });

    await asSystem(pair.cambodia.app.database.db, (tx) =>
      tx.execute(sql`update partner_instances set previous_keys = jsonb_set(previous_keys, '{0,acceptedUntil}', to_jsonb(now() - interval '1 second'))
        where id = ${pair.cambodia.partnerId}::uuid`),
    );
    const late = await pair.cambodia.app.client().post('/api/federation/inbox', { packet: old!.sealed });
    expectProblem(late, 403, 'packet_rejected');
    expect(late.body.errors[0]).toMatchObject({ path: 'packet', code: 'unknown_sender' });
  });

  it('refuses an announcement whose new keys are not proven by their own signature, and keeps the partner’s keys', async () => {
    const known = await thailandAsCambodiaKnowsIt();
    const thailand = await loadInstanceIdentity({ dataDir: pair.thailand.app.config.dataDir, country: 'TH' });
    const stranger = await generateInstanceKeys();
    // Someone else's public keys with a made-up proof: Thailand's signature on the packet is not enough.
    const forged = await handMadePacket(thailand, pair.cambodia.document, {
      kind: 'key_rotation',
      body: {
        signingKey: { kty: 'OKP', crv: 'Ed25519', x: stranger.signing.x },
        encryptionKey: { kty: 'OKP', crv: 'X25519', x: stranger.encryption.x },
        fingerprint: known.fingerprint,
        proof: 'a.b.c',
        inFlight: [],
      },
    });
    const answered = await pair.cambodia.app.client().post('/api/federation/inbox', { packet: forged });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.outcome).toBe('refused');
    expect((await thailandAsCambodiaKnowsIt()).fingerprint).toBe(known.fingerprint);

    // Nor Cambodia's own keys, properly proven: packets Cambodia signs would pass as Thailand's.
    const cambodiaKeys = instanceKeysFileSchema.parse(
      JSON.parse(fs.readFileSync(instanceKeyFilePath(pair.cambodia.app.config.dataDir), 'utf8')),
    );
    const ownKeys = await handMadePacket(thailand, pair.cambodia.document, {
      kind: 'key_rotation',
      body: await announcementOf(thailand.instanceId, cambodiaKeys, []),
    });
    const takeover = await pair.cambodia.app.client().post('/api/federation/inbox', { packet: ownKeys });
    expect(takeover.body.outcome).toBe('refused');
    expect((await thailandAsCambodiaKnowsIt()).fingerprint).toBe(known.fingerprint);

    // Nor keys it held before, written with the unused bits of their last character set: the same
    // 32 bytes, another string, another fingerprint.
    const recast = (x: string) => `${x.slice(0, -1)}${String.fromCharCode(x.charCodeAt(x.length - 1) + 1)}`;
    const retired = instanceKeysFileSchema.parse(JSON.parse(fs.readFileSync(instanceKeyFilePath(pair.thailand.app.config.dataDir), 'utf8')))
      .previous![0]!;
    const aliased = {
      signing: { ...retired.signing, x: recast(retired.signing.x) },
      encryption: { ...retired.encryption, x: recast(retired.encryption.x) },
    };
    const oldKeysAgain = await handMadePacket(thailand, pair.cambodia.document, {
      kind: 'key_rotation',
      body: await announcementOf(thailand.instanceId, aliased, []),
    });
    const reused = await pair.cambodia.app.client().post('/api/federation/inbox', { packet: oldKeysAgain });
    expect(reused.body.outcome).toBe('refused');
    expect((await thailandAsCambodiaKnowsIt()).fingerprint).toBe(known.fingerprint);
  });

  it('is the federation admin’s alone; keys set in the environment are rotated where they are kept', async () => {
    const ngo = await pair.thailand.app.login('th.ngo');
    for (const client of [thWorker, ngo, await pair.thailand.app.login('th.agencyadmin')]) {
      expectProblem(await client.post('/api/admin/federation/identity/rotation', {}), 403, 'forbidden');
    }
    // None of them moved the keys: Cambodia still knows Thailand by the ones Thailand publishes.
    const published = (await pair.thailand.admin.get('/api/federation/identity')).body.fingerprint;
    expect((await thailandAsCambodiaKnowsIt()).fingerprint).toBe(published);

    const fromEnvironment = await startTestApp({ SEAMLESS_INSTANCE_KEYS: JSON.stringify(await generateInstanceKeys()) });
    try {
      const admin = await fromEnvironment.login('admin');
      const before = (await admin.get('/api/federation/identity')).body.fingerprint;
      expectProblem(await admin.post('/api/admin/federation/identity/rotation', {}), 409, 'conflict');
      expect((await admin.get('/api/federation/identity')).body.fingerprint).toBe(before);
    } finally {
      await fromEnvironment.close();
    }
  });
});

function ok(response: { status: number; body: any }) {
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}
