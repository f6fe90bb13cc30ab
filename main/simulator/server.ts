import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { resolveConfig } from './config';
import type { SimContext } from './context';
import { MALFORMED_BODY, statusFaultReply } from './faults';
import { type Incoming, type Reply, flattenHeaders, parseRecordedBody, queryOf, readBody, sendReply } from './http-io';
import { TokenStore } from './ims';
import { ProfileStore } from './profile-store';
import { RateLimiter } from './rate-limiter';
import { IMS_PATH, route } from './router';
import { seedProfiles } from './seed-profiles';
import type { Fault, SimRequest, Simulator, SimulatorOptions } from './types';

export type { ExtraClient, Fault, SimRequest, Simulator, SimulatorOptions } from './types';

/**
 * How the test entry (test-hooks.ts) looks inside a running simulator. The Demo runs without hooks, so it
 * keeps no request log and takes no faults.
 */
export interface ServerHooks {
  /** Each request as it arrives; its status is filled in when it is answered. */
  record(request: SimRequest): void;
  /** A fault to play instead of the normal answer, if one is due. */
  fault(method: string, path: string): Fault | undefined;
}

/** What only the test entry may reach. */
export interface SimulatorInternals {
  store: ProfileStore;
  tokens: TokenStore;
  ctx: SimContext;
  setLatency(ms: number): void;
}

/** Starts the Campaign + IMS simulator on 127.0.0.1 (a random port unless options.port is set). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return (await launchSimulator(options)).simulator;
}

export async function launchSimulator(
  options: SimulatorOptions,
  hooks?: ServerHooks,
): Promise<{ simulator: Simulator; internals: SimulatorInternals }> {
  const config = resolveConfig(options);
  const tokens = new TokenStore(config.tokenLifetimeSec);
  const store = new ProfileStore(seedProfiles(config.profileCount));
  const timers = new Set<NodeJS.Timeout>();
  let latencyMs = config.latencyMs;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A simulator bug must not pass for a network failure in the app's tests: say so in a 500.
      if (res.headersSent) res.destroy();
      else sendReply(res, { status: 500, body: { code: 500, message: `Simulator error: ${String(error)}` } }, randomUUID());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ctx: SimContext = {
    tenant: config.tenant,
    baseUrl: `${origin}/${config.tenant}/campaign`,
    store,
    wrapGetInContent: config.wrapGetInContent,
    metadata: config.metadata,
    tokenLifetimeSec: config.tokenLifetimeSec,
    clients: config.clients,
    tokens,
    limiter: config.rateLimit ? new RateLimiter(config.rateLimit.requests, config.rateLimit.perSeconds) : null,
    retryAfterSeconds: config.retryAfterSeconds,
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const rawBody = await readBody(req);
    const inc: Incoming = { method: req.method ?? 'GET', url: new URL(req.url ?? '/', origin), headers: req.headers, rawBody };
    const record: SimRequest | undefined = hooks && {
      method: inc.method,
      path: inc.url.pathname,
      query: queryOf(inc.url),
      headers: flattenHeaders(req.headers),
      body: parseRecordedBody(rawBody, req.headers['content-type']),
      status: 0,
      at: Date.now(),
    };
    if (record) hooks?.record(record);
    if (latencyMs > 0) await sleep(latencyMs);
    const answer = (reply: Reply) => {
      if (record) record.status = reply.status;
      sendReply(res, reply, requestId);
    };
    const fault = hooks?.fault(inc.method, inc.url.pathname);
    switch (fault?.kind) {
      case undefined:
        return answer(route(inc, ctx, Date.now()));
      case 'status':
        return answer(statusFaultReply(fault, config.retryAfterSeconds));
      case 'malformed':
        return answer({ status: 200, raw: MALFORMED_BODY });
      case 'reset':
        res.destroy();
        return;
      case 'lostAnswer':
        route(inc, ctx, Date.now()); // the change is applied; only the answer is lost
        res.destroy();
        return;
      case 'timeout':
        return; // held until the client gives up or close() ends the connection
    }
  }

  const accessToken = tokens.issue(config.apiKey, Date.now());
  let closing: Promise<void> | undefined;

  const simulator: Simulator = {
    baseUrl: ctx.baseUrl,
    imsUrl: `${origin}${IMS_PATH}`,
    tenant: config.tenant,
    apiKey: config.apiKey,
    clientSecret: config.clientSecret,
    accessToken,
    profileCount: config.profileCount,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // includes sockets held by 'timeout' faults and idle keep-alives
      });
      return closing;
    },
  };
  return {
    simulator,
    internals: {
      store,
      tokens,
      ctx,
      setLatency: (ms) => {
        latencyMs = Math.max(0, ms);
      },
    },
  };
}
