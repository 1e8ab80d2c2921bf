import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { asSystem } from '../src/db/actorContext.js';
import { federationOutbox, repatriations } from '../src/db/schema/index.js';
import { enqueuePacket } from '../src/federation/outbox.js';
import { partnerById } from '../src/federation/partners.js';
import { prng } from '../src/matching/synthetic/generate.js';
import { type FederationPair, startFederationPair } from '../test/federationPair.js';
import { type Bench, entry, percentile } from './context.js';

const LOSS = 0.01;

/** A repatriation request as the Thai side would send it: one thread each, applied as a new queue entry in Cambodia. */
function requestBody(index: number) {
  return {
    sendingCaseReference: `TH-BENCH-${index}`,
    sections: ['identity'],
    person: {
      givenName: `Bench ${index}`,
      familyName: 'Returnee',
      gender: 'Feminine',
      citizenship: ['KH'],
      aliases: [],
      languages: [],
      documents: [],
      contacts: [],
    },
    identification: null,
    reason: 'Benchmark',
    proposedDate: null,
  };
}

async function enqueueRequests(pair: FederationPair, count: number): Promise<{ packetIds: string[]; threads: string[] }> {
  const { app } = pair.thailand;
  const federation = app.app.federation;
  const today = new Date().toISOString().slice(0, 10);
  return asSystem(app.database.db, async (tx) => {
    const partner = (await partnerById(tx, pair.thailand.partnerId))!;
    const packetIds: string[] = [];
    const threads: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const thread = randomUUID();
      threads.push(thread);
      packetIds.push(
        await enqueuePacket(tx, federation.outbox, {
          partner,
          kind: 'repatriation_request',
          threadId: thread,
          sequence: 1,
          consent: {
            id: randomUUID(),
            purpose: 'repatriation',
            sections: ['identity'],
            countries: ['KH'],
            givenBy: 'victim',
            givenOn: today,
            expiresOn: null,
          },
          body: requestBody(index),
          createdBy: null,
        }),
      );
    }
    return { packetIds, threads };
  });
}

async function settledAll(pair: FederationPair, packetIds: string[], timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await pair.thailand.app.database.db
      .select({ open: count() })
      .from(federationOutbox)
      .where(and(inArray(federationOutbox.packetId, packetIds), ne(federationOutbox.status, 'delivered')));
    if (row?.open === 0) return;
    if (Date.now() > until) throw new Error(`federation bench: ${row?.open} packets still undelivered`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The rawest delivery of the same bytes: a sequential HTTP POST to a server that only reads the body and answers. */
async function rawPosts(sealed: string[]) {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const samples: number[] = [];
  const started = performance.now();
  for (const packet of sealed) {
    const one = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ packet }),
    });
    await response.text();
    samples.push(performance.now() - one);
  }
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => server.close(resolve));
  return { rate: sealed.length / seconds, samples };
}

/**
 * Cross-border delivery (issue 12): Thailand's outbox to Cambodia's inbox over HTTP through a
 * loopback proxy that drops 1% of requests, each packet sealed (Ed25519 signature inside an
 * X25519/A256GCM JWE), pushed, opened, checked, applied as a new repatriation in Cambodia's queue
 * and settled by a signed receipt. Throughput: a batch sent as fast as the runner goes. Latency:
 * one packet at a time, from commit to settled receipt. Baseline: the same sealed bytes posted
 * sequentially to a bare HTTP server. Every packet must be applied exactly once.
 */
export const federationDelivery: Bench = {
  name: 'federation-delivery',
  async run({ quick }) {
    const batch = quick ? 100 : 400;
    const singles = quick ? 30 : 100;
    const pair = await startFederationPair({ proxyInFrontOf: 'cambodia' });
    try {
      const random = prng(7);
      // One fault per request reaching the proxy, retries included: 1% of them cut the connection.
      pair.proxy!.faults.push(
        ...Array.from({ length: (batch + singles) * 3 }, () => (random() < LOSS ? ('drop' as const) : { delayMs: 0 })),
      );
      const runner = pair.thailand.app.app.federation.delivery;

      const started = performance.now();
      const { packetIds, threads } = await enqueueRequests(pair, batch);
      runner.kick();
      await settledAll(pair, packetIds, 600_000);
      const rate = batch / ((performance.now() - started) / 1000);

      const latencies: number[] = [];
      const singleThreads: string[] = [];
      for (let index = 0; index < singles; index += 1) {
        const one = performance.now();
        const sent = await enqueueRequests(pair, 1);
        runner.kick();
        await settledAll(pair, sent.packetIds, 120_000);
        latencies.push(performance.now() - one);
        singleThreads.push(...sent.threads);
      }

      const applied = await asSystem(pair.cambodia.app.database.db, (tx) =>
        tx
          .select({ id: repatriations.id })
          .from(repatriations)
          .where(inArray(repatriations.id, [...threads, ...singleThreads])),
      );
      if (applied.length !== batch + singles) throw new Error(`federation bench: ${applied.length} applied of ${batch + singles}`);
      const sealed = (
        await asSystem(pair.thailand.app.database.db, (tx) =>
          tx.select({ sealed: federationOutbox.sealed }).from(federationOutbox).where(inArray(federationOutbox.packetId, packetIds)),
        )
      ).map((row) => row.sealed);
      const dropped = pair.proxy!.faults.length;
      const raw = await rawPosts(sealed);
      const [attempts] = await asSystem(pair.thailand.app.database.db, (tx) =>
        tx
          .select({ total: sql<number>`sum(${federationOutbox.attempts})::int` })
          .from(federationOutbox)
          .where(eq(federationOutbox.status, 'delivered')),
      );
      console.info(`federation-delivery: ${attempts?.total} pushes for ${batch + singles} packets (${dropped} faults unused)`);
      return [
        entry('federation-delivery', 'packets per second, 1% loss, batch', rate, raw.rate, 'packets/s', batch),
        entry(
          'federation-delivery-p50',
          'ms from commit to signed receipt, 1% loss',
          percentile(latencies, 50),
          percentile(raw.samples, 50),
          'ms',
          singles,
        ),
        entry(
          'federation-delivery-p95',
          'ms from commit to signed receipt, 1% loss',
          percentile(latencies, 95),
          percentile(raw.samples, 95),
          'ms',
          singles,
        ),
      ];
    } finally {
      await pair.close();
    }
  },
};
