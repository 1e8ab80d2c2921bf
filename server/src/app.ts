import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { flushDeniedReads } from './audit/deniedReads.js';
import type { Config } from './config.js';
import { crossBorderReferralApplier } from './crossBorderReferral/applier.js';
import type { KeyRing } from './crypto/keyRing.js';
import type { DatabaseHandle } from './db/client.js';
import { packetApplier } from './federation/applyPacket.js';
import { type Federation, openFederation } from './federation/federation.js';
import { keyRotationApplier } from './federation/keyRotation.js';
import { AttachmentStore } from './files/attachmentStore.js';
import { answerClientError } from './http/clientErrors.js';
import { registerErrorHandler } from './http/errorHandler.js';
import { registerJsonBodyParser } from './http/jsonBody.js';
import { pageShell } from './http/pageShell.js';
import { AppError, problemBody } from './http/problem.js';
import { isRateLimitExempt, rateLimitKey } from './http/rateLimit.js';
import { registerResponseHeaders } from './http/responseHeaders.js';
import { isApiPath, registerSecurity } from './http/security.js';
import { sharedRateLimitStore } from './http/sharedRateLimitStore.js';
import { rejectImplausibleText } from './http/textGuard.js';
import { webCacheControl } from './http/webAssets.js';
import { openJobQueue } from './jobs/jobQueue.js';
import type { JobQueue } from './jobs/queue.js';
import { registerRelinkage } from './jobs/relinkage.js';
import { registerScheduledWork } from './jobs/scheduledWork.js';
import { createMailer, mailSettingsFrom } from './mail/mailer.js';
import { repatriationApplier } from './repatriation/appliers.js';
import { registerRoutes } from './routes/index.js';
import { statisticReleaseApplier } from './statistics/regional/releaseApplier.js';

export type AppDeps = {
  config: Config;
  database: DatabaseHandle;
  keyRing: KeyRing;
  /** Where log lines go instead of standard output (tests read them). */
  logStream?: DestinationStream;
};

/** What route groups are given: the app's dependencies and the job queue buildApp opened. */
export type RouteDeps = AppDeps & { jobs: JobQueue; federation: Federation };

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's federation: identity, outbox and the delivery runner (jobs and benchmarks reach it here). */
    federation: Federation;
  }
}

/** Log lines name the route pattern, never the concrete URL: query strings can carry names. */
const requestSerializer = (request: FastifyRequest) => ({
  id: request.id,
  method: request.method,
  route: request.routeOptions?.url ?? 'unmatched',
});

const trustNearest = (hops: number) => (_address: string, hop: number) => hop < hops;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      serializers: { req: requestSerializer as never },
      redact: { paths: ['req.headers', 'res.headers', '*.password', '*.newPassword', '*.currentPassword', '*.code'], remove: true },
    },
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: config.bodyLimitBytes,
    // A hop count trusts that many proxies nearest to us.
    trustProxy: typeof config.trustProxy === 'number' ? trustNearest(config.trustProxy) : config.trustProxy,
    clientErrorHandler: answerClientError,
    return503OnClosing: true,
    // URLs the router itself cannot parse still get a problem document.
    frameworkErrors: (_error, request: FastifyRequest, reply: FastifyReply) => {
      reply
        .status(400)
        .header('x-request-id', request.id)
        .type('application/problem+json')
        .send(problemBody(400, 'validation_failed', 'The address could not be understood.', undefined, request.id));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerResponseHeaders(app, { hsts: config.cookieSecure });
  registerJsonBodyParser(app);

  registerErrorHandler(app);
  app.addHook('preValidation', rejectImplausibleText);
  await app.register(fastifyCookie);
  registerSecurity(
    app,
    database.db,
    { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours, demo: config.seedDemo },
    deps.keyRing.macKey('csrf'),
  );
  await app.register(fastifyRateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: rateLimitKey,
    allowList: isRateLimitExempt,
    // Several processes share one PostgreSQL, so they share its count; PGlite runs in one process only.
    ...(database.kind === 'postgres' ? { store: sharedRateLimitStore(database.db) } : {}),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Seamless API',
        version: '0.1.0',
        description: 'Case management for counter-trafficking agencies. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  const jobs = await openJobQueue(database, app.log);
  const files = new AttachmentStore(path.join(config.dataDir, 'attachments'), deps.keyRing);
  const federation = await openFederation({
    config,
    db: database.db,
    keyRing: deps.keyRing,
    log: app.log,
    files,
    apply: packetApplier({
      repatriation: repatriationApplier(deps.keyRing, config.instanceCountry, files),
      crossBorderReferral: crossBorderReferralApplier(deps.keyRing, config.instanceCountry),
      keyRotation: keyRotationApplier(config.federationPacketDays, () => federation.identity.fingerprint),
      statisticRelease: statisticReleaseApplier(config.instanceCountry),
    }),
  });
  app.decorate('federation', federation);
  await app.register(async (api) => registerRoutes(api, { ...deps, jobs, federation }));
  app.addHook('onClose', () => jobs.stop());
  federation.delivery.start();
  app.addHook('onClose', () => federation.delivery.stop());
  await registerScheduledWork(jobs, {
    db: database.db,
    keyRing: deps.keyRing,
    mailer: createMailer(database.db, mailSettingsFrom(process.env, config.seedDemo)),
    log: app.log,
    timeZone: config.scheduleTimeZone,
    dailyScansCron: config.dailyScansCron,
  });
  await registerRelinkage(jobs, { db: database.db, keyRing: deps.keyRing, log: app.log });
  // Refused case reads gathered for the audit trail are written before the database closes.
  app.addHook('onClose', () => flushDeniedReads(database.db));

  const webIndex = path.join(config.webDist, 'index.html');
  const hasWeb = fs.existsSync(webIndex);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each text file (scripts/precompress.mjs).
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', webCacheControl(config.webDist, file)),
      // The page shell is served with a fresh CSP nonce by the not-found handler below, never as a file.
      allowedPath: (pathName) => pathName !== '/index.html',
    });
  }
  const sendPageShell = hasWeb ? pageShell(webIndex) : undefined;
  app.setNotFoundHandler((request, reply) => {
    const acceptsHtml = request.headers.accept?.includes('text/html');
    if (sendPageShell && request.method === 'GET' && acceptsHtml && !isApiPath(request)) {
      // The web app routes on the client; every page URL gets its shell.
      return sendPageShell(reply);
    }
    throw new AppError(404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
  });
  return app;
}
