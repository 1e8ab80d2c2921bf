import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  type FaultProxy,
  type FederationPair,
  identifiedCambodianCase,
  startFederationPair,
} from '../../test/federationPair.js';
import { type ApiClient, expectProblem } from '../../test/harness.js';
import { asSystem } from '../db/actorContext.js';
import type { Db } from '../db/client.js';
import { partnerInstances } from '../db/schema/index.js';
import { generateInstanceKeys, InstanceIdentity } from './instanceIdentity.js';
import { DeliveryRunner } from './outbox.js';

/**
 * Issue 12's fault tests: Thailand pushes packets to Cambodia through a proxy that takes the link
 * down, loses, duplicates and reorders them. Whatever happens on the way, Cambodia applies each
 * packet exactly once and in order — checked on Cambodia's own records, not only on the deliveries.
 */

let pair: FederationPair;
let proxy: FaultProxy;
let thWorker: ApiClient;
let khWorker: ApiClient;
const agencies = {} as { chiangrai: string; police: string };

type Delivery = {
  packetId: string;
  kind: string;
  threadId: string;
  sequence: number;
  status: string;
  attempts: number;
  lastError: string | null;
  via: string | null;
};

const thAdmin = () => pair.thailand.admin;
const khAdmin = () => pair.cambodia.admin;

async function deliveries(admin: ApiClient, direction: 'outgoing' | 'incoming', threadId: string): Promise<Delivery[]> {
  const listed = await admin.get(`/api/admin/federation/deliveries?direction=${direction}&pageSize=200`);
  expect(listed.status, JSON.stringify(listed.body)).toBe(200);
  return (listed.body.items as Delivery[]).filter((item) => item.threadId === threadId).sort((a, b) => a.sequence - b.sequence);
}

/** Cambodia's copies of one repatriation in its receiving queue: the check that it was applied, and once. */
async function cambodianCopies(id: string) {
  const listed = await khWorker.get('/api/repatriations?side=receiving');
  expect(listed.status, JSON.stringify(listed.body)).toBe(200);
  return (listed.body.items as { id: string; status: string }[]).filter((item) => item.id === id);
}

/** Waits until every outgoing packet of the thread is settled, and expects them settled with this status. */
async function allSettled(threadId: string, count: number, status = 'delivered') {
  const settled = await eventually(async () => {
    const sent = await deliveries(thAdmin(), 'outgoing', threadId);
    return sent.length === count && sent.every((item) => item.status !== 'pending') ? sent : undefined;
  }, `${count} packet(s) of ${threadId} settled`);
  expect(
    settled.map((item) => item.status),
    JSON.stringify(settled),
  ).toEqual(settled.map(() => status));
  return settled;
}

/** Chiang Rai asks Cambodia to take a newly identified woman home; answers the sending repatriation. */
async function requestRepatriation() {
  const kase = await identifiedCambodianCase(thWorker, agencies);
  const response = await thWorker.post(`/api/cases/${kase.caseId}/repatriations`, {
    partnerId: pair.thailand.partnerId,
    consentId: kase.consentId,
    sections: ['identity'],
    reason: 'She asks to go home to her family in Battambang.',
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { ...kase, id: response.body.id as string };
}

async function withdraw(id: string) {
  const response = await thWorker.post(`/api/repatriations/${id}/withdraw`, { reason: 'She chose to stay with her sister in Bangkok.' });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.status).toBe('withdrawn');
}

/** The sealed packet as the admin downloads it to carry across by hand. */
async function packetFile(admin: ApiClient, packetId: string) {
  const file = await admin.download(`/api/admin/federation/deliveries/${packetId}/file`);
  expect(file.status).toBe(200);
  expect(file.headers.get('content-type')).toContain('application/jose');
  expect(file.headers.get('content-disposition')).toContain(`packet-${packetId}.jwe`);
  return file.bytes.toString('utf8');
}

/** The inbox's answers, through the proxy, to one packet. */
const answersTo = (packetId: string) =>
  proxy.inboxExchanges.filter((exchange) => exchange.answer?.packetId === packetId).map((exchange) => exchange.answer.outcome);

beforeAll(async () => {
  pair = await startFederationPair({ proxyInFrontOf: 'cambodia' });
  proxy = pair.proxy!;
  [thWorker, khWorker] = await Promise.all([pair.thailand.app.login('th.socialworker'), pair.cambodia.app.login('kh.socialworker')]);
  const listed = (await thAdmin().get('/api/admin/agencies?pageSize=200')).body.items as { id: string; acronym: string }[];
  agencies.chiangrai = listed.find((agency) => agency.acronym === 'PSDHS Chiang Rai')!.id;
  agencies.police = listed.find((agency) => agency.acronym === 'ATPD')!.id;
});

afterAll(() => pair?.close());

// Each test starts on a working link, whatever the one before left behind.
afterEach(async () => {
  proxy.comeBack();
  proxy.pathPrefix = '';
  proxy.faults.length = 0;
  if (proxy.held.length) await proxy.release();
  proxy.holding = false;
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How often a delivery runner of its own, on Thailand's database, asks the database when the next
 * packet is due, over `ms` milliseconds: a runner with nothing it can send should rest, not poll.
 */
async function looksOfARunnerOver(ms: number) {
  const { db } = pair.thailand.app.database;
  let looks = 0;
  const counting = new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property === 'execute') {
        return (...args: unknown[]) => {
          looks += 1;
          return (value as (...inner: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Db;
  const identity = await InstanceIdentity.fromKeys(await generateInstanceKeys(), { country: 'TH', name: 'Seamless Thailand' });
  const runner = new DeliveryRunner(counting, { identity, packetDays: 30, retrySeconds: 0.2 }, pair.thailand.app.app.log);
  runner.start();
  await pause(ms);
  await runner.stop();
  return looks;
}

describe('the delivery runner at rest', () => {
  it('rests while nothing is pending instead of polling the database every 50 ms', async () => {
    expect((await thAdmin().get('/api/admin/federation')).body.partners[0]).toMatchObject({ pending: 0 });
    // The first look comes after half a second; with nothing pending the next one is far off.
    expect(await looksOfARunnerOver(2000)).toBeLessThanOrEqual(2);
  });
});

describe('delivery through a failing link', () => {
  it('keeps a packet while the receiver is down, retries with growing pauses, and applies it once when it is back', async () => {
    proxy.goDown('bad_gateway');
    const sent = await requestRepatriation();
    await eventually(async () => {
      const [packet] = await deliveries(thAdmin(), 'outgoing', sent.id);
      return packet?.lastError === 'http_502' ? packet : undefined;
    }, 'a 502 recorded');
    proxy.goDown('refuse');
    const [pending] = await eventually(async () => {
      const packets = await deliveries(thAdmin(), 'outgoing', sent.id);
      return packets[0]?.lastError === 'unreachable' ? packets : undefined;
    }, 'an unreachable receiver recorded');
    expect(pending).toMatchObject({ kind: 'repatriation_request', sequence: 1, status: 'pending' });
    expect(pending!.attempts).toBeGreaterThanOrEqual(2);
    // Exponential backoff from 0.2 s: over two seconds a handful of tries, not one every tick.
    const triedBefore = proxy.refused;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(proxy.refused - triedBefore).toBeLessThanOrEqual(5);
    const overview = (await thAdmin().get('/api/admin/federation')).body.partners[0];
    expect(overview).toMatchObject({ pending: 1, failing: 1 });
    expect(await cambodianCopies(sent.id)).toEqual([]);

    proxy.comeBack();
    const [delivered] = await allSettled(sent.id, 1);
    expect(delivered).toMatchObject({ via: 'push', lastError: null });
    expect(await cambodianCopies(sent.id)).toEqual([expect.objectContaining({ id: sent.id, status: 'requested' })]);
    const received = await deliveries(khAdmin(), 'incoming', sent.id);
    expect(received).toEqual([expect.objectContaining({ packetId: delivered!.packetId, status: 'applied', via: 'push' })]);
    expect(answersTo(delivered!.packetId)).toEqual(['applied']);
  });

  it('recovers from a dropped connection and a 503 without applying anything twice', async () => {
    proxy.faults.push('drop', 'unavailable');
    const sent = await requestRepatriation();
    const [delivered] = await allSettled(sent.id, 1);
    expect(delivered!.attempts).toBe(3);
    expect(proxy.faults).toEqual([]);
    expect(answersTo(delivered!.packetId)).toEqual(['applied']);
    expect(await cambodianCopies(sent.id)).toHaveLength(1);
  });

  it('applies a packet delivered twice once: the second delivery is answered duplicate', async () => {
    proxy.faults.push('duplicate');
    const sent = await requestRepatriation();
    const [delivered] = await allSettled(sent.id, 1);
    expect(answersTo(delivered!.packetId)).toEqual(['applied', 'duplicate']);
    expect(await cambodianCopies(sent.id)).toEqual([expect.objectContaining({ status: 'requested' })]);
    expect(await deliveries(khAdmin(), 'incoming', sent.id)).toHaveLength(1);
  });

  it('applies once when the receipt is lost on the way back: the retry is answered duplicate and settles the packet', async () => {
    proxy.faults.push('lose_answer');
    const sent = await requestRepatriation();
    const [delivered] = await allSettled(sent.id, 1);
    expect(delivered!.attempts).toBe(2);
    expect(answersTo(delivered!.packetId)).toEqual(['applied', 'duplicate']);
    expect(await cambodianCopies(sent.id)).toHaveLength(1);
  });

  it('answers a replayed packet duplicate and applies nothing again, even after the thread moved on', async () => {
    const sent = await requestRepatriation();
    const [request] = await allSettled(sent.id, 1);
    const sealed = await packetFile(thAdmin(), request!.packetId);
    await withdraw(sent.id);
    await allSettled(sent.id, 2);
    expect(await cambodianCopies(sent.id)).toEqual([expect.objectContaining({ status: 'withdrawn' })]);

    const replay = await pair.cambodia.app.client().post('/api/federation/inbox', { packet: sealed });
    expect(replay.status, JSON.stringify(replay.body)).toBe(200);
    expect(replay.body).toMatchObject({ packetId: request!.packetId, outcome: 'duplicate', receipt: expect.any(String) });
    // The request did not open the repatriation again.
    expect(await cambodianCopies(sent.id)).toEqual([expect.objectContaining({ status: 'withdrawn' })]);
    expect((await deliveries(khAdmin(), 'incoming', sent.id)).map((item) => item.status)).toEqual(['applied', 'applied']);
  });

  it('holds a later packet that overtakes an earlier one, then applies both in order', async () => {
    proxy.holding = true;
    const sent = await requestRepatriation();
    await eventually(async () => (proxy.held.length === 1 ? true : undefined), 'the request held in the proxy');
    await withdraw(sent.id);
    const [, withdrawal] = await deliveries(thAdmin(), 'outgoing', sent.id);
    expect(withdrawal).toMatchObject({ kind: 'repatriation_withdrawal', sequence: 2, status: 'pending', attempts: 0 });
    // The withdrawal overtakes the request: pushed by hand while the request is still on its way.
    const overtaking = fetch(`${proxy.url}/api/federation/inbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ packet: await packetFile(thAdmin(), withdrawal!.packetId) }),
    });
    await eventually(async () => (proxy.held.length === 2 ? true : undefined), 'the withdrawal held in the proxy');
    await proxy.release([1, 0]);
    expect(await (await overtaking).json()).toMatchObject({ packetId: withdrawal!.packetId, outcome: 'held' });

    await allSettled(sent.id, 2);
    expect(await cambodianCopies(sent.id)).toEqual([expect.objectContaining({ status: 'withdrawn' })]);
    const received = await deliveries(khAdmin(), 'incoming', sent.id);
    expect(received.map((item) => [item.kind, item.status])).toEqual([
      ['repatriation_request', 'applied'],
      ['repatriation_withdrawal', 'applied'],
    ]);
    expect(answersTo(withdrawal!.packetId)).toEqual(['held', 'duplicate']);
  });

  it('holds back the rest of a thread behind a packet turned away for good, and sends it on once that one is retried', async () => {
    proxy.faults.push({ refuseWith: 422 });
    const sent = await requestRepatriation();
    const [refused] = await allSettled(sent.id, 1, 'rejected');
    expect(refused!.lastError).toBe('http_422');
    await withdraw(sent.id);
    await pause(1_500);
    const waiting = await deliveries(thAdmin(), 'outgoing', sent.id);
    expect(waiting.map((item) => item.status)).toEqual(['rejected', 'pending']);
    expect(answersTo(waiting[1]!.packetId)).toEqual([]);
    expect(await cambodianCopies(sent.id)).toEqual([]);

    expect((await thAdmin().post(`/api/admin/federation/deliveries/${refused!.packetId}/retry`)).status).toBe(200);
    await allSettled(sent.id, 2);
    expect(await cambodianCopies(sent.id)).toMatchObject([{ status: 'withdrawn' }]);
  });

  it('carries packets and receipts by hand while the link is down, in any order, and settles the deliveries', async () => {
    proxy.goDown('refuse');
    const sent = await requestRepatriation();
    await withdraw(sent.id);
    // One packet of a thread in flight at a time: the withdrawal waits for the request to settle.
    await eventually(async () => ((await deliveries(thAdmin(), 'outgoing', sent.id))[0]!.attempts >= 2 ? true : undefined), 'retries');
    const [request, withdrawal] = await deliveries(thAdmin(), 'outgoing', sent.id);
    expect(withdrawal).toMatchObject({ sequence: 2, status: 'pending', attempts: 0 });
    const files = {
      request: await packetFile(thAdmin(), request!.packetId),
      withdrawal: await packetFile(thAdmin(), withdrawal!.packetId),
    };

    const later = await khAdmin().post('/api/admin/federation/import', { content: files.withdrawal });
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    expect(later.body).toMatchObject({ kind: 'packet', packetId: withdrawal!.packetId, outcome: 'held' });
    expect(await cambodianCopies(sent.id)).toEqual([]);
    const earlier = await khAdmin().post('/api/admin/federation/import', { content: `\n${files.request}\n` });
    expect(earlier.body).toMatchObject({ kind: 'packet', packetId: request!.packetId, outcome: 'applied' });
    expect(await cambodianCopies(sent.id)).toEqual([expect.objectContaining({ status: 'withdrawn' })]);
    const again = await khAdmin().post('/api/admin/federation/import', { content: files.request });
    expect(again.body).toMatchObject({ kind: 'packet', outcome: 'duplicate' });

    // The receipts go back the same way and end Thailand's retries.
    for (const [answer, outcome] of [
      [earlier.body, 'applied'],
      [later.body, 'held'],
    ] as const) {
      const settled = await thAdmin().post('/api/admin/federation/import', { content: answer.receipt });
      expect(settled.status, JSON.stringify(settled.body)).toBe(200);
      expect(settled.body).toEqual({ kind: 'receipt', packetId: answer.packetId, outcome });
    }
    const outgoing = await deliveries(thAdmin(), 'outgoing', sent.id);
    expect(outgoing.map((item) => [item.status, item.via])).toEqual([
      ['delivered', 'file'],
      ['delivered', 'file'],
    ]);
    // A receipt settles once; a receipt is not a packet for the partner to import.
    expectProblem(await thAdmin().post('/api/admin/federation/import', { content: earlier.body.receipt }), 422, 'validation_failed');
    expectProblem(await khAdmin().post('/api/admin/federation/import', { content: earlier.body.receipt }), 422, 'validation_failed');

    proxy.comeBack();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(answersTo(request!.packetId)).toEqual([]);
    expect((await deliveries(khAdmin(), 'incoming', sent.id)).map((item) => [item.status, item.via])).toEqual([
      ['applied', 'file'],
      ['applied', 'file'],
    ]);
  });

  it('delivers, once, a packet whose sender stopped mid-send, from the new process on the same database', async () => {
    proxy.holding = true;
    const sent = await requestRepatriation();
    await eventually(async () => (proxy.held.length === 1 ? true : undefined), 'the request on its way');
    // Thailand's process stops while the request is in flight; Cambodia applies it, but the answer never comes back.
    const restarting = pair.restart('thailand');
    await proxy.release([0], { loseAnswers: true });
    await restarting;
    const [delivered] = await allSettled(sent.id, 1);
    expect(answersTo(delivered!.packetId)).toEqual(['applied', 'duplicate']);
    expect(await cambodianCopies(sent.id)).toEqual([expect.objectContaining({ status: 'requested' })]);
    expect(await deliveries(khAdmin(), 'incoming', sent.id)).toHaveLength(1);
  });
});

describe('where the partner is published', () => {
  it('reaches a partner whose base URL has a path, as behind a reverse proxy', async () => {
    const setEndpoint = (endpoint: string) =>
      asSystem(pair.thailand.app.database.db, (tx) =>
        tx.update(partnerInstances).set({ endpoint }).where(eq(partnerInstances.id, pair.thailand.partnerId)),
      );
    proxy.pathPrefix = '/seamless';
    await setEndpoint(`${proxy.url}/seamless`);
    try {
      const sent = await requestRepatriation();
      const [delivered] = await allSettled(sent.id, 1);
      expect(answersTo(delivered!.packetId)).toEqual(['applied']);
      expect(await cambodianCopies(sent.id)).toHaveLength(1);
    } finally {
      await setEndpoint(proxy.url);
    }
  });
});

describe('a partner no longer trusted', () => {
  it('keeps sending to a partner that suspended us for a while, and delivers once it trusts us again', async () => {
    const setStatus = (status: string) =>
      khAdmin().post(`/api/admin/federation/partners/${pair.cambodia.partnerId}/status`, { status, reason: 'Audit of the Thai keys.' });
    expect((await setStatus('suspended')).body.status).toBe('suspended');
    const sent = await requestRepatriation();
    await eventually(async () => {
      const [packet] = await deliveries(thAdmin(), 'outgoing', sent.id);
      return packet?.lastError === 'http_403:partner_suspended' ? packet : undefined;
    }, 'the suspension heard');
    expect(await cambodianCopies(sent.id)).toEqual([]);
    const rejections = (await khAdmin().get('/api/admin/federation/rejections')).body.items as { reason: string }[];
    expect(rejections.map((item) => item.reason)).toContain('partner_suspended');

    expect((await setStatus('active')).body.status).toBe('active');
    // Suspension is not revocation: the packet waits and goes out again, nobody has to resend it by hand.
    const [delivered] = await allSettled(sent.id, 1);
    expect(answersTo(delivered!.packetId)).toEqual(['applied']);
    expect(await cambodianCopies(sent.id)).toHaveLength(1);
  });

  it('keeps a packet for a suspended partner without pushing it or spinning on it, and sends it once trust returns', async () => {
    proxy.goDown('refuse');
    const sent = await requestRepatriation();
    await eventually(async () => ((await deliveries(thAdmin(), 'outgoing', sent.id))[0]?.attempts ? true : undefined), 'a first try');
    const setStatus = (status: string) =>
      thAdmin().post(`/api/admin/federation/partners/${pair.thailand.partnerId}/status`, { status, reason: 'Checking their keys.' });
    expect((await setStatus('suspended')).body.status).toBe('suspended');
    // Nothing new goes to a suspended partner; what was queued waits.
    const kase = await identifiedCambodianCase(thWorker, agencies);
    const refused = await thWorker.post(`/api/cases/${kase.caseId}/repatriations`, {
      partnerId: pair.thailand.partnerId,
      consentId: kase.consentId,
      sections: ['identity'],
      reason: 'x',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('partner_not_trusted');
    expect((await thWorker.get('/api/federation/partners')).body.items).toEqual([]);
    proxy.comeBack();
    const attempts = (await deliveries(thAdmin(), 'outgoing', sent.id))[0]!.attempts;
    // Checked softly, so that trust returns below whatever the count.
    expect.soft(await looksOfARunnerOver(2500)).toBeLessThanOrEqual(3);
    expect((await deliveries(thAdmin(), 'outgoing', sent.id))[0]).toMatchObject({ status: 'pending', attempts });
    expect(await cambodianCopies(sent.id)).toEqual([]);

    expect((await setStatus('active')).body.status).toBe('active');
    await allSettled(sent.id, 1);
    expect(await cambodianCopies(sent.id)).toHaveLength(1);
  });

  it("turns away a revoked partner's packet before applying anything, records it and alerts the federation admin", async () => {
    const alerts = async () =>
      ((await khAdmin().get('/api/notifications?pageSize=100')).body.items as { kind: string }[]).filter(
        (notice) => notice.kind === 'packet_rejected',
      ).length;
    const alertsBefore = await alerts();
    const revoked = await khAdmin().post(`/api/admin/federation/partners/${pair.cambodia.partnerId}/status`, {
      status: 'revoked',
      reason: 'Keys reported lost by the Thai ministry.',
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body.status).toBe('revoked');

    const sent = await requestRepatriation();
    const [rejected] = await allSettled(sent.id, 1, 'rejected');
    expect(rejected!.lastError).toBe('http_403:partner_revoked');
    expect(await cambodianCopies(sent.id)).toEqual([]);
    expect(await deliveries(khAdmin(), 'incoming', sent.id)).toEqual([]);

    const sealed = await packetFile(thAdmin(), rejected!.packetId);
    const pushed = expectProblem(
      await pair.cambodia.app.client().post('/api/federation/inbox', { packet: sealed }),
      403,
      'packet_rejected',
    );
    expect(pushed.errors).toEqual([{ path: 'packet', code: 'partner_revoked', message: expect.any(String) }]);
    const carried = expectProblem(await khAdmin().post('/api/admin/federation/import', { content: sealed }), 403, 'packet_rejected');
    expect(carried.errors?.[0]).toMatchObject({ path: 'content', code: 'partner_revoked' });
    expect(await cambodianCopies(sent.id)).toEqual([]);

    const rejections = await khAdmin().get('/api/admin/federation/rejections');
    expect(rejections.status).toBe(200);
    const fromThailand = (rejections.body.items as { reason: string; partner: { id: string } | null; via: string }[]).filter(
      (item) => item.reason === 'partner_revoked',
    );
    expect(fromThailand.map((item) => item.via).sort()).toEqual(['file', 'push', 'push']);
    expect(fromThailand.every((item) => item.partner?.id === pair.cambodia.partnerId)).toBe(true);
    // One alert for the reason, however many packets it turned away within the hour.
    expect(await alerts()).toBe(alertsBefore + 1);

    // Sending it again by hand meets the same refusal; nothing is applied.
    const retried = await thAdmin().post(`/api/admin/federation/deliveries/${rejected!.packetId}/retry`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    await eventually(async () => {
      const [packet] = await deliveries(thAdmin(), 'outgoing', sent.id);
      return packet?.status === 'rejected' && packet.attempts === 2 ? packet : undefined;
    }, 'the retry rejected again');
    expect(await cambodianCopies(sent.id)).toEqual([]);
  });
});
