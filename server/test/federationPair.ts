import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type InstanceDocument, PACKET_VERSION, type PacketKind } from '@seamless/contracts';
import { buildApp } from '../src/app.js';
import { totpCodeAt } from '../src/auth/totp.js';
import type { InstanceIdentity } from '../src/federation/instanceIdentity.js';
import { sealPacket } from '../src/federation/packets.js';
import { localToday } from '../src/followUp/schedule.js';
import { type ApiClient, DEMO_PASSWORD, startTestApp, type TestApp } from './harness.js';

/** One country's instance in a pair: its app, its federation admin, and the other side as it registered it. */
export type FederationSide = {
  app: TestApp;
  admin: ApiClient;
  /** This instance's identity document, as partners fetch it. */
  document: InstanceDocument;
  /** The other instance's id in this instance's partner register. */
  partnerId: string;
  /** The agency here that receives what the partner sends. */
  receivingAgencyId: string;
};

export type FederationPair = {
  thailand: FederationSide;
  cambodia: FederationSide;
  /** The fault-injecting proxy partners reach the proxied side through, when one was asked for. */
  proxy: FaultProxy | null;
  /**
   * Closes one side's app, as a process stopping does (the delivery runner first settles the
   * push in flight), then starts a new app on the same database, data directory and port:
   * partners reach it where they did before, and it holds the same keys.
   */
  restart(side: 'thailand' | 'cambodia'): Promise<void>;
  close(): Promise<void>;
};

const RETRY = { FEDERATION_RETRY_SECONDS: '0.2' };

async function agencyIdByAcronym(admin: ApiClient, acronym: string): Promise<string> {
  const listed = await admin.get('/api/admin/agencies?pageSize=200');
  const agency = (listed.body.items as { id: string; acronym: string | null }[]).find((item) => item.acronym === acronym);
  if (!agency) throw new Error(`no demo agency ${acronym}: ${listed.status}`);
  return agency.id;
}

async function identityOf(app: TestApp): Promise<InstanceDocument> {
  const response = await app.client().get<InstanceDocument>('/api/federation/identity');
  if (response.status !== 200) throw new Error(`identity document: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * `registrar` trusts `partner`: from the document at `documentUrl`, or from the document itself
 * when the partner is to be reached through a proxy (the fingerprint covers the keys, not the endpoint).
 */
async function register(registrar: ApiClient, partnerDocument: InstanceDocument, receivingAgencyId: string, via: string | null) {
  const body = via
    ? { document: { ...partnerDocument, endpoint: via } }
    : { documentUrl: `${partnerDocument.endpoint}/api/federation/identity` };
  const response = await registrar.post('/api/admin/federation/partners', {
    ...body,
    confirmedFingerprint: partnerDocument.fingerprint,
    receivingAgencyId,
  });
  if (response.status !== 201) throw new Error(`register partner: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/**
 * Thailand and Cambodia, each registered as the other's trusted partner by its federation admin
 * (`admin`, `kh.admin`), delivering with fast retries. With `proxyInFrontOf`, the other side
 * reaches that side only through a FaultProxy, so tests can take the link down or garble it.
 */
export async function startFederationPair(options: { proxyInFrontOf?: 'thailand' | 'cambodia' } = {}): Promise<FederationPair> {
  const [thApp, khApp] = await Promise.all([startTestApp(RETRY), startTestApp({ ...RETRY, INSTANCE_COUNTRY: 'KH' })]);
  const [thAdmin, khAdmin] = await Promise.all([thApp.login('admin'), khApp.login('kh.admin')]);
  const [thDocument, khDocument] = await Promise.all([identityOf(thApp), identityOf(khApp)]);
  const proxy = options.proxyInFrontOf
    ? await FaultProxy.start(options.proxyInFrontOf === 'thailand' ? thApp.baseUrl : khApp.baseUrl)
    : null;
  const thReceiving = await agencyIdByAcronym(thAdmin, 'DATIP');
  const khReceiving = await agencyIdByAcronym(khAdmin, 'MoSVY');
  const khAsSeenByTh = await register(thAdmin, khDocument, thReceiving, options.proxyInFrontOf === 'cambodia' ? proxy!.url : null);
  const thAsSeenByKh = await register(khAdmin, thDocument, khReceiving, options.proxyInFrontOf === 'thailand' ? proxy!.url : null);
  const sides = {
    thailand: { app: thApp, admin: thAdmin, document: thDocument, partnerId: khAsSeenByTh, receivingAgencyId: thReceiving },
    cambodia: { app: khApp, admin: khAdmin, document: khDocument, partnerId: thAsSeenByKh, receivingAgencyId: khReceiving },
  };
  const restarted: { close(): Promise<unknown> }[] = [];
  return {
    ...sides,
    proxy,
    async restart(side) {
      const { app } = sides[side];
      const port = (app.app.server.address() as AddressInfo).port;
      await app.app.close();
      const fresh = await buildApp({ config: app.config, database: app.database, keyRing: app.keyRing });
      await fresh.listen({ port, host: '127.0.0.1' });
      restarted.push(fresh);
      sides[side].app = { ...app, app: fresh };
    },
    async close() {
      await proxy?.close();
      for (const app of restarted) await app.close();
      await Promise.all([thApp.close(), khApp.close()]);
    },
  };
}

/**
 * A colleague in another agency of the same instance, holding the given roles. Roles that open
 * victim data sign in only with a second factor: the colleague enrols one on first sign-in.
 */
export async function addColleague(app: TestApp, admin: ApiClient, username: string, agencyId: string, roleKeys: string[]) {
  const created = await admin.post('/api/admin/users', {
    username,
    displayName: username,
    agencyId,
    roleKeys,
    password: DEMO_PASSWORD,
  });
  if (created.status !== 201) throw new Error(`create ${username}: ${created.status} ${JSON.stringify(created.body)}`);
  const client = app.client();
  const login = await client.post('/api/auth/login', { username, password: DEMO_PASSWORD });
  if (login.body?.stage === 'enrolment') {
    const enrolment = await client.post('/api/auth/second-factor/enrol');
    const confirmed = await client.post('/api/auth/second-factor/confirm', { code: totpCodeAt(enrolment.body.secret, Date.now()) });
    if (confirmed.status !== 200) throw new Error(`enrol ${username}: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  } else if (login.status !== 200) {
    throw new Error(`login ${username}: ${login.status} ${JSON.stringify(login.body)}`);
  }
  return client;
}

export const thaiToday = () => localToday('TH', new Date());

/** The Thai agencies the journeys take a case through: Chiang Rai's provincial office and the police division. */
export async function thaiJourneyAgencies(admin: ApiClient): Promise<{ chiangrai: string; police: string }> {
  return { chiangrai: await agencyIdByAcronym(admin, 'PSDHS Chiang Rai'), police: await agencyIdByAcronym(admin, 'ATPD') };
}

/**
 * A packet signed and sealed by hand for `to`, as a partner — or whoever holds its keys — could
 * make one outside its own instance: issued now, valid a day, the first of a new thread unless told.
 */
export function handMadePacket(
  signer: InstanceIdentity,
  to: InstanceDocument,
  packet: { kind: PacketKind; body: Record<string, unknown>; id?: string; thread?: string; sequence?: number; consent?: unknown },
) {
  const now = Date.now();
  return sealPacket(
    signer,
    { encryptionKey: to.encryptionKey },
    {
      id: packet.id ?? randomUUID(),
      kind: packet.kind,
      version: PACKET_VERSION,
      from: signer.instanceId,
      to: to.instanceId,
      issuedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 86_400_000).toISOString(),
      thread: packet.thread ?? randomUUID(),
      sequence: packet.sequence ?? 1,
      consent: (packet.consent ?? null) as never,
      body: packet.body,
    },
  );
}

let womenCreated = 0;

/**
 * A Cambodian woman's case that Chiang Rai's social worker takes through Thai identification over
 * the API (interview, Presumed by the provincial MDT, Identified by the police inquiry officer),
 * and, unless `consent` is null, her consent to repatriation with these terms.
 */
export async function identifiedCambodianCase(
  worker: ApiClient,
  agencies: { chiangrai: string; police: string },
  consent: { sections: string[]; countries: string[] } | null = { sections: ['identity'], countries: ['KH'] },
) {
  womenCreated += 1;
  const today = thaiToday();
  const person = { givenName: `Srey Leak ${womenCreated}`, familyName: 'Sam', nameAsWritten: `សំ ស្រីលក្ខណ៍ ${womenCreated}` };
  const expectStatus = (response: { status: number; body: any }, status: number, what: string) => {
    if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const kase = expectStatus(
    await worker.post('/api/cases', {
      person: { ...person, gender: 'Feminine', birthDate: '1999-03-14', citizenship: ['KH'] },
      intake: { channel: 'border_screening', urgency: 'routine' },
      locale: 'en',
    }),
    201,
    'open case',
  );
  const interview = expectStatus(
    await worker.post(`/api/cases/${kase.id}/interviews`, {
      // The day the case is opened: the interview follows the intake (identification checks it).
      conductedOn: today,
      place: 'Mae Sai',
      language: 'km',
      participantAgencyIds: [agencies.police],
      stepsCompleted: ['pre_screening', 'mdt_interview_with_interpreter'],
      indicators: { act: ['recruitment', 'transportation'], means: ['deception'], purpose: ['forced_labour'] },
      account: 'A broker in Poipet promised her factory work and sold her to a fishing-net workshop.',
      status: 'completed',
    }),
    201,
    'interview',
  );
  const decide = (caseVersion: number, toStatus: string, decidingAgencyId: string, decidedByName: string) =>
    worker.post(`/api/cases/${kase.id}/trafficking-status`, {
      toStatus,
      decidingAgencyId,
      decidedOn: today,
      decidedByName,
      reasons: 'Recruitment by deception for forced labour.',
      interviewId: interview.id,
      caseVersion,
    });
  const presumed = expectStatus(await decide(kase.version, 'Presumed', agencies.chiangrai, 'Provincial MDT, Chiang Rai'), 201, 'presume');
  expectStatus(await decide(presumed.caseVersion, 'Identified', agencies.police, 'Pol. Lt. Col. Somchai'), 201, 'identify');
  const recorded = consent
    ? expectStatus(
        await worker.post(`/api/cases/${kase.id}/consents`, { purpose: 'repatriation', ...consent, givenBy: 'victim', givenOn: today }),
        201,
        'consent',
      )
    : null;
  return { caseId: kase.id as string, reference: kase.reference as string, consentId: recorded?.id as string, person };
}

/** Polls until `check` returns a value other than undefined, or fails with what it saw last. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What one fault does to the next request through the proxy. */
export type Fault =
  /** The connection is cut before the request reaches the receiver. */
  | 'drop'
  /** The receiver gets and answers the request; the answer is lost on the way back. */
  | 'lose_answer'
  /** The proxy answers 503 itself. */
  | 'unavailable'
  /** The receiver gets the request twice; the sender sees the first answer. */
  | 'duplicate'
  /** The request reaches the receiver after this many milliseconds. */
  | { delayMs: number }
  /** The proxy answers with this status and a problem document itself, as a receiver refusing the packet for good would. */
  | { refuseWith: number };

export type ProxiedExchange = { path: string; body: string; status: number; answer: any; fault: Fault | 'held' | null };

type Held = { path: string; body: string; method: string; headers: http.IncomingHttpHeaders; response: http.ServerResponse };

/**
 * A loopback HTTP proxy in front of one instance that injects link faults: down (connections
 * refused, or 502 answers), one-off faults for the next requests, or holding requests to release
 * them in another order. Every exchange that reached the receiver is logged with its answer.
 */
export class FaultProxy {
  /** Connections are cut at once ('refuse') or answered 502 by a gateway that cannot reach the receiver. */
  down: false | 'refuse' | 'bad_gateway' = false;
  /** Holds every request until `release` sends them on. */
  holding = false;
  /** Like a reverse proxy publishing the instance under a path: only requests below it pass, without it. */
  pathPrefix = '';
  readonly faults: Fault[] = [];
  readonly exchanges: ProxiedExchange[] = [];
  readonly held: Held[] = [];
  /** Connections cut while the link was down ('refuse'): how often the sender tried. */
  refused = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: http.Server,
    private readonly target: string,
  ) {}

  get url() {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  static async start(target: string) {
    const proxy: FaultProxy = new FaultProxy(
      http.createServer((request, response) => void proxy.handle(request, response)),
      target,
    );
    proxy.server.on('connection', (socket) => {
      if (proxy.down === 'refuse') {
        proxy.refused += 1;
        socket.destroy();
        return;
      }
      proxy.sockets.add(socket);
      socket.on('close', () => proxy.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** Takes the link down; open connections are cut too, so nothing slips through on a kept-alive socket. */
  goDown(how: 'refuse' | 'bad_gateway' = 'refuse') {
    this.down = how;
    if (how === 'refuse') for (const socket of this.sockets) socket.destroy();
  }

  comeBack() {
    this.down = false;
  }

  /** Exchanges that carried a packet to the receiver's inbox. */
  get inboxExchanges() {
    return this.exchanges.filter((exchange) => exchange.path === '/api/federation/inbox');
  }

  /**
   * Sends the held requests on one by one in the given order (indexes into `held`), each answered
   * before the next leaves; with `loseAnswers` the receiver's answers never reach the senders.
   */
  async release(order: number[] = this.held.map((_, index) => index), options: { loseAnswers?: boolean } = {}) {
    const held = order.map((index) => this.held[index]!);
    this.held.length = 0;
    this.holding = false;
    for (const request of held) {
      const exchange = await this.forward(request.method, request.path, request.headers, request.body, 'held');
      if (options.loseAnswers) request.response.socket?.destroy();
      else this.answer(request.response, exchange.status, exchange.answer);
    }
  }

  async close() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    let path = request.url ?? '/';
    if (this.down === 'refuse') return request.socket.destroy();
    if (this.pathPrefix) {
      if (!path.startsWith(`${this.pathPrefix}/`)) return this.answer(response, 404, { title: 'Not found' });
      path = path.slice(this.pathPrefix.length);
    }
    if (this.down === 'bad_gateway') return this.answer(response, 502, { title: 'Bad gateway' });
    if (this.holding) {
      this.held.push({ path, body, method: request.method ?? 'GET', headers: request.headers, response });
      return;
    }
    const fault = this.faults.shift() ?? null;
    if (fault === 'drop') return request.socket.destroy();
    if (fault === 'unavailable') return this.answer(response, 503, { title: 'Service unavailable' });
    if (typeof fault === 'object' && fault && 'refuseWith' in fault) return this.answer(response, fault.refuseWith, { title: 'Refused' });
    if (typeof fault === 'object' && fault && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const exchange = await this.forward(request.method ?? 'GET', path, request.headers, body, fault);
    if (fault === 'duplicate') await this.forward(request.method ?? 'GET', path, request.headers, body, fault);
    if (fault === 'lose_answer') return request.socket.destroy();
    this.answer(response, exchange.status, exchange.answer);
  }

  private async forward(method: string, path: string, headers: http.IncomingHttpHeaders, body: string, fault: ProxiedExchange['fault']) {
    const passed: Record<string, string> = {};
    for (const name of ['content-type', 'accept', 'origin', 'cookie', 'x-csrf-token']) {
      const value = headers[name];
      if (typeof value === 'string') passed[name] = value;
    }
    const response = await fetch(`${this.target}${path}`, { method, headers: passed, body: method === 'GET' ? undefined : body });
    const text = await response.text();
    let answer: unknown = text;
    try {
      answer = JSON.parse(text);
    } catch {
      // Not JSON: kept as text.
    }
    const exchange = { path, body, status: response.status, answer, fault };
    this.exchanges.push(exchange);
    return exchange;
  }

  private answer(response: http.ServerResponse, status: number, body: unknown) {
    response.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  }
}
