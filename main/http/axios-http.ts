/** HttpClient over axios: the only file that imports axios. */
import type { Agent } from 'node:https';
import axios, { type AxiosInstance, type CreateAxiosDefaults } from 'axios';
import { HttpFailure, type HttpClient } from './http-client';
import { classifyTransportFailure, type ProxyAddress } from './transport-failure';

/** A fetch() such as Electron's net.fetch (which takes no URL objects). */
export type FetchImplementation = (input: string | Request, init?: RequestInit) => Promise<Response>;

export interface AxiosHttpOptions {
  /**
   * Send through this fetch: in the app, Electron's net.fetch, so Chromium's network stack applies the system
   * proxy, PAC file and the OS's certificate store (a company's TLS inspection root). Without it, Node's stack.
   */
  fetch?: FetchImplementation;
  /** Node's stack only: an HTTP proxy to go through (a CONNECT tunnel for https). */
  proxy?: ProxyAddress;
  /** Node's stack only: the TLS agent, e.g. one that trusts extra certificates. */
  httpsAgent?: Agent;
}

function transportSettings(o: AxiosHttpOptions): CreateAxiosDefaults {
  if (o.fetch) {
    const send = o.fetch;
    // axios may hand over a URL object; net.fetch takes a string or a Request.
    return { adapter: 'fetch', env: { fetch: (input, init) => send(input instanceof URL ? input.href : input, init) } };
  }
  return {
    ...(o.proxy ? { proxy: { protocol: 'http', host: o.proxy.host, port: o.proxy.port } } : {}),
    ...(o.httpsAgent ? { httpsAgent: o.httpsAgent } : {}),
  };
}

/**
 * Node's stack through a proxy: a refused CONNECT (403, 407) comes back as the proxy's own answer, which axios
 * hands over as if Campaign had sent it. Only Campaign's answers arrive over TLS, so an https answer on a plain
 * socket is the proxy's refusal.
 */
function refusedTunnel(o: AxiosHttpOptions, url: string, request: unknown): boolean {
  if (o.fetch || !o.proxy || !url.startsWith('https:')) return false;
  const socket = (request as { socket?: { encrypted?: boolean } | null } | undefined)?.socket;
  return !!socket && socket.encrypted !== true;
}

export function createAxiosHttp(o: AxiosHttpOptions = {}): HttpClient {
  const instance: AxiosInstance = axios.create({
    // Answers are read as text and parsed by the caller, so a body that is not JSON becomes a clear error.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    // Not followed by either adapter (the fetch adapter turns this into redirect: 'manual').
    maxRedirects: 0,
    validateStatus: () => true,
    ...transportSettings(o),
  });
  return {
    async send(request) {
      try {
        const res = await instance.request({
          method: request.method,
          url: request.url,
          headers: request.headers,
          data: request.body,
          timeout: request.timeoutMs,
        });
        if (refusedTunnel(o, request.url, res.request)) {
          const says = typeof res.data === 'string' ? res.data.slice(0, 300) : '';
          // Named as Node's own proxy support names it.
          throw new HttpFailure('proxy', 'ERR_PROXY_TUNNEL', `The proxy refused the tunnel to ${new URL(request.url).host}: HTTP ${res.status} ${res.statusText} ${says}`.trim());
        }
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(res.headers)) headers[name.toLowerCase()] = value === undefined || value === null ? undefined : String(value);
        return { status: res.status, headers, body: typeof res.data === 'string' ? res.data : String(res.data ?? '') };
      } catch (err) {
        if (err instanceof HttpFailure) throw err;
        const { kind, code, message } = classifyTransportFailure(err, o.fetch ? undefined : o.proxy);
        throw new HttpFailure(kind, code, message);
      }
    },
  };
}
