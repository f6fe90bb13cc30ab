// @vitest-environment node
/**
 * The Campaign client over createAxiosHttp in an office network made real on 127.0.0.1: a company proxy that
 * tunnels (CONNECT) or refuses, and TLS servers whose certificate this computer does not trust (as with TLS
 * inspection by a company CA). Each failure must reach the operator as its own kind, with details for IT,
 * and must not be tried again, since waiting cures neither. Node's stack here; the app's Chromium stack
 * (net.fetch) is covered by its error names below and in transport-failure.test.ts.
 */
import { Agent } from 'node:https';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCampaignClient } from '../../../main/campaign/client';
import { createAxiosHttp, type AxiosHttpOptions } from '../../../main/http/axios-http';
import type { AppError } from '../../../main/model/errors';
import { startTestSimulator, type TestSimulator } from '../../../main/simulator/test-hooks';
import { closedPort, connectProxy, makeCertificates, tlsFront, type Certificates, type Listening } from './office-network-fixtures';
import { failure } from '../helpers/desk-failure';

let certs: Certificates;
let sim: TestSimulator;
const open: Listening[] = [];

beforeAll(async () => {
  certs = makeCertificates();
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
  sim.clearRequests();
});

async function started<T extends Listening>(l: Promise<T>): Promise<T> {
  const it = await l;
  open.push(it);
  return it;
}

/** The client as the app builds it, pointed at https://<host>:<port> in front of the simulator. */
function clientAt(origin: string, http: AxiosHttpOptions, attempts = 1) {
  const path = new URL(sim.baseUrl).pathname;
  return createCampaignClient({
    http: createAxiosHttp(http),
    baseUrl: `${origin}${path}`,
    apiName: 'profileAndServices',
    connectionName: 'Office',
    auth: { current: async () => ({ apiKey: sim.apiKey, accessToken: sim.accessToken }) },
    timeoutMs: 5_000,
    retry: { maxAttempts: attempts, baseDelayMs: 1 },
  });
}

const trusting = (ca: string) => new Agent({ ca });
const simPort = () => Number(new URL(sim.baseUrl).port);
const pkey = () => sim.pkeys()[0]!;

describe('through a company proxy (HTTP CONNECT)', () => {
  it('reaches Campaign through the tunnel, TLS end to end', async () => {
    const front = await started(tlsFront(certs.leaf, simPort()));
    const proxy = await started(connectProxy({ kind: 'forward' }));
    const client = clientAt(`https://localhost:${front.port}`, { proxy: { host: '127.0.0.1', port: proxy.port }, httpsAgent: trusting(certs.ca.cert) });
    expect((await client.getProfile(pkey())).PKey).toBe(pkey());
    expect(proxy.connects).toEqual([`localhost:${front.port}`]);
    expect(sim.requests).toHaveLength(1);
  });

  for (const status of [407, 403] as const) {
    it(`a proxy that refuses the tunnel (${status}) is a proxy problem, not Campaign refusing; nothing reaches Campaign`, async () => {
      const front = await started(tlsFront(certs.leaf, simPort()));
      const proxy = await started(connectProxy({ kind: 'refuse', status }));
      const client = clientAt(`https://localhost:${front.port}`, { proxy: { host: '127.0.0.1', port: proxy.port }, httpsAgent: trusting(certs.ca.cert) }, 3);
      const error = await failure(client.getProfile(pkey()));
      expect(error).toMatchObject({ kind: 'proxy', code: 'ERR_PROXY_TUNNEL' });
      expect(error.serverMessage).toBeUndefined(); // the proxy's HTML page is not shown as Campaign's words
      expect(error.details).toContain(`Transport says: The proxy refused the tunnel to localhost:${front.port}: HTTP ${status}`);
      expect(error.details).toContain(`must let this computer reach localhost:${front.port}`);
      expect(proxy.connects).toHaveLength(1); // not tried again
      expect(front.connections()).toBe(0);
      expect(sim.requests).toHaveLength(0);
    });
  }

  it('a proxy that cannot be reached is a proxy problem', async () => {
    const front = await started(tlsFront(certs.leaf, simPort()));
    const port = await closedPort();
    const client = clientAt(`https://localhost:${front.port}`, { proxy: { host: '127.0.0.1', port }, httpsAgent: trusting(certs.ca.cert) });
    const error = await failure(client.getProfile(pkey()));
    expect(error).toMatchObject({ kind: 'proxy', code: 'ECONNREFUSED' });
    expect(error.details).toMatch(/Transport says: .*ECONNREFUSED/);
    expect(front.connections()).toBe(0);
  });

  it('TLS inspection by a CA this computer does not trust is a certificate problem', async () => {
    const front = await started(tlsFront(certs.leaf, simPort()));
    const proxy = await started(connectProxy({ kind: 'forward' }));
    const client = clientAt(`https://localhost:${front.port}`, { proxy: { host: '127.0.0.1', port: proxy.port } }, 3);
    const error = await failure(client.getProfile(pkey()));
    expect(error).toMatchObject({ kind: 'certificate', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(error.details).toContain("the company's root certificate must be in this computer's certificate store");
    expect(proxy.connects).toHaveLength(1); // a certificate is not cured by trying again
    expect(sim.requests).toHaveLength(0);
  });
});

describe('certificates this computer does not trust', () => {
  const cases: [string, keyof Certificates, string, string | undefined][] = [
    ['a self-signed certificate', 'selfSigned', 'DEPTH_ZERO_SELF_SIGNED_CERT', undefined],
    ['a certificate from an unknown company CA', 'leaf', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', undefined],
    ['a trusted CA, but issued for another name', 'otherName', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ca'],
  ];
  for (const [name, pair, code, trust] of cases) {
    it(`${name} → certificate (${code}), nothing sent, not retried`, async () => {
      const front = await started(tlsFront(certs[pair], simPort()));
      const client = clientAt(`https://127.0.0.1:${front.port}`, trust ? { httpsAgent: trusting(certs.ca.cert) } : {}, 3);
      const error = await failure(client.getProfile(pkey()));
      expect(error).toMatchObject({ kind: 'certificate', code });
      expect(error.message).toBe(`This computer does not trust the certificate 127.0.0.1:${front.port} presented (${code})`);
      expect(front.connections()).toBe(1);
      expect(sim.requests).toHaveLength(0);
    });
  }

  it('the same through the fetch adapter (Node’s own fetch, as the app passes net.fetch)', async () => {
    const front = await started(tlsFront(certs.selfSigned, simPort()));
    const client = clientAt(`https://127.0.0.1:${front.port}`, { fetch });
    expect(await failure(client.getProfile(pkey()))).toMatchObject({ kind: 'certificate', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });
});

describe('the fetch adapter (what the app uses, with Electron’s net.fetch)', () => {
  const overFetch = (f: AxiosHttpOptions['fetch'], attempts = 1) => clientAt(new URL(sim.baseUrl).origin, { fetch: f }, attempts);

  it('reads, writes and reports Campaign’s answers as Node’s adapter does', async () => {
    const client = overFetch(fetch);
    expect((await client.getProfile(pkey())).PKey).toBe(pkey());
    const answer = await client.patchProfileAt(client.profileUrl(pkey()), { phone: '030 1234' });
    expect(answer.PKey).toBe(pkey());
    expect(sim.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { phone: '030 1234' } });
    expect(sim.requests.at(-1)?.headers['x-api-key']).toBe(sim.apiKey);
    expect(await failure(client.getProfile('@nosuchprofileAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'))).toMatchObject({ kind: 'notFound', status: 404 });
  });

  it('gives up after the timeout', async () => {
    sim.injectFault({ kind: 'timeout' });
    const client = createCampaignClient({
      http: createAxiosHttp({ fetch }),
      baseUrl: sim.baseUrl,
      apiName: 'profileAndServices',
      connectionName: 'Office',
      auth: { current: async () => ({ apiKey: sim.apiKey, accessToken: sim.accessToken }) },
      timeoutMs: 300,
      retry: { maxAttempts: 1, baseDelayMs: 1 },
    });
    expect((await failure(client.getProfile(pkey()))).kind).toBe('timeout');
    sim.clearFaults();
  });

  it('a 407 answer is the proxy’s, with its page for IT only', async () => {
    const page = '<html><body>Proxy Authentication Required</body></html>';
    const error = await failure(overFetch(async () => new Response(page, { status: 407 })).getProfile(pkey()));
    expect(error).toMatchObject({ kind: 'proxy', status: 407, message: 'The proxy answered HTTP 407' });
    expect(error.serverMessage).toBeUndefined();
    expect(error.details).toContain(`Proxy says: ${page}`);
  });

  // Electron's net.fetch rejects with Error('net::ERR_…') (lib/browser/api/net-fetch.ts); axios passes it on.
  const chromium: [string, AppError['kind']][] = [
    ['net::ERR_CERT_AUTHORITY_INVALID', 'certificate'],
    ['net::ERR_CERT_DATE_INVALID', 'certificate'],
    ['net::ERR_CERT_COMMON_NAME_INVALID', 'certificate'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'proxy'],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'proxy'],
    ['net::ERR_INTERNET_DISCONNECTED', 'network'],
    ['net::ERR_TIMED_OUT', 'timeout'],
  ];
  for (const [name, kind] of chromium) {
    it(`Chromium's ${name} → ${kind}`, async () => {
      let calls = 0;
      const netFetch = async () => {
        calls++;
        throw new Error(name);
      };
      const error = await failure(overFetch(netFetch, kind === 'network' || kind === 'timeout' ? 1 : 3).getProfile(pkey()));
      expect(error).toMatchObject({ kind, code: name });
      expect(calls).toBe(1);
    });
  }
});
