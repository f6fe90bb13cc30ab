import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { resolveConfig } from './config';
import type { SimContext } from './context';
import { FaultList, MALFORMED_BODY, statusFaultReply } from './faults';
import { type Incoming, type Reply, flattenHeaders, parseRecordedBody, queryOf, readBody, sendReply } from './http-io';
import { TokenStore } from './ims';
import { ProfileStore } from './profile-store';
import { renderProfile } from './profile-view';
import { RateLimiter } from './rate-limiter';
import { IMS_PATH, route } from './router';
import { seedProfiles } from './seed-profiles';
import type { Fault, SimRequest, Simulator, SimulatorOptions } from './types';
import { validateWrite } from './validation';

export type { ExtraClient, Fault, SimRequest, Simulator, SimulatorOptions } from './types';

/** Starts the Campaign + IMS simulator on 127.0.0.1 (a random port unless options.port is set). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const config = resolveConfig(options);
  const tokens = new TokenStore(config.tokenLifetimeSec);
  const store = new ProfileStore(seedProfiles(config.profileCount));
  const faults = new FaultList();
  const requests: SimRequest[] = [];
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
    const record: SimRequest = {
      method: inc.method,
      path: inc.url.pathname,
      query: queryOf(inc.url),
      headers: flattenHeaders(req.headers),
      body: parseRecordedBody(rawBody, req.headers['content-type']),
      status: 0,
      at: Date.now(),
    };
    requests.push(record);
    if (latencyMs > 0) await sleep(latencyMs);
    const answer = (reply: Reply) => {
      record.status = reply.status;
      sendReply(res, reply, requestId);
    };
    const fault = faults.take(inc.method, inc.url.pathname);
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

  return {
    baseUrl: ctx.baseUrl,
    imsUrl: `${origin}${IMS_PATH}`,
    tenant: config.tenant,
    apiKey: config.apiKey,
    clientSecret: config.clientSecret,
    accessToken,
    requests,
    clearRequests: () => {
      requests.length = 0; // same array, so references held by tests stay live
    },
    pkeys: () => store.all().map((r) => r.pkey),
    getProfile: (pkey) => {
      const record = store.get(pkey);
      return record && renderProfile(record, 'profileAndServicesExt', ctx.baseUrl, Date.now());
    },
    changeProfile: (pkey, patch) => {
      if (!store.get(pkey)) throw new Error(`changeProfile: no profile ${pkey}`);
      store.update(pkey, validateWrite(patch, 'profileAndServicesExt'), Date.now());
    },
    expireTokens: () => tokens.expireAll(),
    injectFault: (fault: Fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    setLatency: (ms) => {
      latencyMs = Math.max(0, ms);
    },
    setNormalizer: (field, fn) => store.setNormalizer(field, fn),
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
}
