/**
 * Why a request got no answer, read from whatever the transport threw: Node's errors (a `code` such as
 * ECONNREFUSED or DEPTH_ZERO_SELF_SIGNED_CERT, often wrapped in a `cause`) and Chromium's net::ERR_* names
 * as Electron's net.fetch reports them (in the message). Pure, so every name can be tested without a network.
 */
import type { HttpFailureKind } from './http-client';

/** OpenSSL's and Node's names for a certificate this computer does not accept. */
const NODE_CERTIFICATE = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_CHAIN_TOO_LONG',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Chromium: every ERR_CERT_* plus the few named otherwise (a proxy's own certificate, ERR_PROXY_CERTIFICATE_INVALID, is a proxy problem). */
const CHROMIUM_CERTIFICATE = /^ERR_(CERT_\w+|CERTIFICATE_TRANSPARENCY_REQUIRED|SSL_PINNED_KEY_NOT_IN_CERT_CHAIN)$/;
const CHROMIUM_PROXY =
  /^ERR_(PROXY_\w+|TUNNEL_CONNECTION_FAILED|MANDATORY_PROXY_CONFIGURATION_FAILED|NO_SUPPORTED_PROXIES|UNEXPECTED_PROXY_AUTH|HTTPS_PROXY_TUNNEL_RESPONSE_REDIRECT|SOCKS_\w+|PAC_\w+)$/;
const CHROMIUM_TIMEOUT = new Set(['ERR_TIMED_OUT', 'ERR_CONNECTION_TIMED_OUT']);
/** axios's own timeout codes. */
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);
/** Node's own proxy support (NODE_USE_ENV_PROXY) names a refused CONNECT so. */
const NODE_PROXY = new Set(['ERR_PROXY_TUNNEL']);

export interface ProxyAddress {
  host: string;
  port: number;
}

export interface TransportFailure {
  kind: HttpFailureKind;
  /** The most telling name, for IT: net::ERR_CERT_AUTHORITY_INVALID, DEPTH_ZERO_SELF_SIGNED_CERT, ECONNREFUSED… */
  code?: string;
  /** Every message in the chain, outermost first, for IT. */
  message: string;
}

interface Link {
  code?: string;
  message: string;
  address?: string;
  host?: string;
  port?: number;
}

/** The error and its causes (axios and fetch wrap the transport's own error), at most a few deep. */
function chain(err: unknown): Link[] {
  const links: Link[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const o = typeof current === 'object' ? (current as Record<string, unknown>) : {};
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    links.push({
      code: text(o.code),
      message: text(o.message) ?? String(current),
      address: text(o.address),
      host: text(o.hostname) ?? text(o.host),
      port: typeof o.port === 'number' ? o.port : undefined,
    });
    current = o.cause;
  }
  return links;
}

/** The net::ERR_* name in a message, without its prefix. */
const chromiumName = (message: string): string | undefined => /\bnet::(ERR_[A-Z0-9_]+)/.exec(message)?.[1];

/**
 * `proxy` is the proxy Node's stack was told to use: failing to reach THAT address (refused, not found) is the
 * proxy's fault, not Campaign's. Chromium says so itself.
 */
export function classifyTransportFailure(err: unknown, proxy?: ProxyAddress): TransportFailure {
  const links = chain(err);
  const message = [...new Set(links.map((l) => l.message))].join(' ← ');
  const found = (kind: HttpFailureKind, code: string | undefined): TransportFailure => (code ? { kind, code, message } : { kind, message });

  for (const link of links) {
    const name = chromiumName(link.message);
    if (name && CHROMIUM_CERTIFICATE.test(name)) return found('certificate', `net::${name}`);
    if (name && CHROMIUM_PROXY.test(name)) return found('proxy', `net::${name}`);
    if (link.code && NODE_CERTIFICATE.has(link.code)) return found('certificate', link.code);
    if (link.code && NODE_PROXY.has(link.code)) return found('proxy', link.code);
    if (proxy && link.code && atProxy(link, proxy)) return found('proxy', link.code);
  }
  for (const link of links) {
    const name = chromiumName(link.message);
    if (name && CHROMIUM_TIMEOUT.has(name)) return found('timeout', `net::${name}`);
    if (link.code && TIMEOUT_CODES.has(link.code)) return found('timeout', link.code);
  }
  const named = links.map((l) => chromiumName(l.message)).find(Boolean);
  // The innermost code is the transport's own (ECONNREFUSED), the outer ones are wrappers' (ERR_NETWORK).
  const code = named ? `net::${named}` : links.map((l) => l.code).filter(Boolean).at(-1);
  return found('network', code);
}

function atProxy(link: Link, proxy: ProxyAddress): boolean {
  if (link.port !== undefined) return link.port === proxy.port && (link.address === undefined || sameHost(link.address, proxy.host));
  return link.host !== undefined && sameHost(link.host, proxy.host);
}

const sameHost = (a: string, b: string): boolean => {
  const norm = (h: string) => (h === 'localhost' || h === '::1' ? '127.0.0.1' : h.replace(/^::ffff:/, '').toLowerCase());
  return norm(a) === norm(b);
};
