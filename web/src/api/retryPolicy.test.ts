import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from './client';
import { type ConnectionTrouble, watchConnection } from './connectionStatus';
import { ApiProblem, NetworkError, retryAfterSeconds } from './problem';
import { createQueryClient } from './queryClient';

interface Seen {
  method: string;
  at: number;
}

/** A real HTTP server that answers the given statuses in turn, each 429 with `Retry-After: 1`. */
async function serverAnswering(statuses: number[]): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', at: Date.now() });
    const status = statuses[Math.min(seen.length - 1, statuses.length - 1)] ?? 200;
    if (status === 429) {
      response.writeHead(429, { 'content-type': 'application/problem+json', 'retry-after': '1' });
      response.end(
        JSON.stringify({
          type: 'urn:seamless:problem:too_many_requests',
          title: 'Too Many Requests',
          status: 429,
          code: 'too_many_requests',
        }),
      );
      return;
    }
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: status === 200 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('Retry-After', () => {
  it('is read as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds(new Date(10_000 + 3_000).toUTCString(), 10_000)).toBe(3);
    expect(retryAfterSeconds(null)).toBeUndefined();
    expect(retryAfterSeconds('soon')).toBeUndefined();
  });
});

describe('a read the server throttles', () => {
  it('is asked again after Retry-After, the banner says so meanwhile, and the data arrives', async () => {
    const { url, seen } = await serverAnswering([429, 200]);
    const client = createQueryClient();
    const troubles: (ConnectionTrouble | null)[] = [];
    const stop = watchConnection(client, (trouble) => troubles.push(trouble));

    const data = await client.fetchQuery({ queryKey: ['throttled'], queryFn: () => api.get<{ ok: boolean }>(`${url}/api/cases`) });
    stop();

    expect(data).toEqual({ ok: true });
    expect(seen).toHaveLength(2);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(950);
    expect(troubles).toHaveLength(2);
    expect(troubles[0]).toMatchObject({ reason: 'busy' });
    expect(troubles[0]!.retryAt - seen[0]!.at).toBeGreaterThanOrEqual(900);
    expect(troubles[1]).toBeNull();
  });

  it('is reported to a banner that starts watching while the read already waits to be asked again', async () => {
    const { url, seen } = await serverAnswering([429, 200]);
    const client = createQueryClient();
    const reading = client.fetchQuery({ queryKey: ['throttled-early'], queryFn: () => api.get<{ ok: boolean }>(`${url}/api/cases`) });
    await expect.poll(() => seen.length).toBe(1);
    await expect.poll(() => client.getQueryState(['throttled-early'])?.fetchFailureCount).toBe(1);
    const troubles: (ConnectionTrouble | null)[] = [];
    const stop = watchConnection(client, (trouble) => troubles.push(trouble));

    expect(troubles).toEqual([expect.objectContaining({ reason: 'busy' })]);
    expect(await reading).toEqual({ ok: true });
    stop();
    expect(troubles.at(-1)).toBeNull();
  });

  it('is not asked again when the answer is a 403, which would not change', async () => {
    const { url, seen } = await serverAnswering([403, 200]);
    const client = createQueryClient();
    await expect(client.fetchQuery({ queryKey: ['refused'], queryFn: () => api.get(`${url}/api/cases`) })).rejects.toBeInstanceOf(
      ApiProblem,
    );
    expect(seen).toHaveLength(1);
  });
});

describe('a write', () => {
  it('is sent once more after a 429, which the server answered before doing anything', async () => {
    const { url, seen } = await serverAnswering([429, 200]);
    const client = createQueryClient();
    const result = await client
      .getMutationCache()
      .build(client, { mutationFn: () => api.post<{ ok: boolean }>(`${url}/api/cases`, { name: 'x' }) })
      .execute(undefined);
    expect(result).toEqual({ ok: true });
    expect(seen.map((request) => request.method)).toEqual(['POST', 'POST']);
  });

  it('is sent at most twice, so a server that keeps refusing gets a clear failure', async () => {
    const { url, seen } = await serverAnswering([429]);
    const client = createQueryClient();
    const mutation = client.getMutationCache().build(client, { mutationFn: () => api.post(`${url}/api/cases`, {}) });
    await expect(mutation.execute(undefined)).rejects.toMatchObject({ status: 429 });
    expect(seen).toHaveLength(2);
  });

  it('lost on the way is reported, not repeated: it may have been carried out', async () => {
    const { url, server } = await serverAnswering([200]);
    await new Promise((resolve) => server.close(resolve));
    const client = createQueryClient();
    const troubles: (ConnectionTrouble | null)[] = [];
    const stop = watchConnection(client, (trouble) => troubles.push(trouble));
    const mutation = client.getMutationCache().build(client, { mutationFn: () => api.post(`${url}/api/cases`, {}) });
    const lost = await mutation.execute(undefined).catch((error: unknown) => error);
    stop();
    expect(lost).toBeInstanceOf(NetworkError);
    expect((lost as NetworkError).write).toBe(true);
    expect(mutation.state.failureCount).toBe(1);
    expect(troubles).toEqual([]);
  });
});

describe('a read that finds no connection', () => {
  it('is tried again while the banner says the connection is lost, and succeeds once the server is back', async () => {
    const { url, server } = await serverAnswering([200]);
    const address = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const client = createQueryClient();
    const troubles: (ConnectionTrouble | null)[] = [];
    const stop = watchConnection(client, (trouble) => {
      troubles.push(trouble);
      // The line comes back while the page waits for its next try.
      if (trouble?.reason === 'offline' && !server.listening) server.listen(address.port, '127.0.0.1');
    });
    const data = await client.fetchQuery({ queryKey: ['offline'], queryFn: () => api.get<{ ok: boolean }>(`${url}/api/cases`) });
    stop();
    expect(data).toEqual({ ok: true });
    expect(troubles[0]).toMatchObject({ reason: 'offline' });
    expect(troubles.at(-1)).toBeNull();
  });
});
