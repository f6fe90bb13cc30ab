import { describe, expect, it } from 'vitest';
import { classifyTransportFailure } from '../../../main/http/transport-failure';

/** Shaped as they arrive: axios wraps the transport's error, undici's fetch wraps it in TypeError('fetch failed'). */
const nodeError = (code: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { code, ...extra });
const wrapped = (inner: unknown, code = 'ERR_NETWORK', message = 'Network Error') => Object.assign(new Error(message, { cause: inner }), { code });
const chromium = (name: string) => new Error(name);

describe('classifyTransportFailure', () => {
  it("names Chromium's certificate errors as net.fetch reports them", () => {
    for (const name of [
      'net::ERR_CERT_AUTHORITY_INVALID',
      'net::ERR_CERT_DATE_INVALID',
      'net::ERR_CERT_COMMON_NAME_INVALID',
      'net::ERR_CERT_INVALID',
      'net::ERR_CERT_REVOKED',
      'net::ERR_CERT_WEAK_SIGNATURE_ALGORITHM',
      'net::ERR_CERTIFICATE_TRANSPARENCY_REQUIRED',
      'net::ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN',
    ]) {
      expect(classifyTransportFailure(wrapped(chromium(name), undefined, name)), name).toMatchObject({ kind: 'certificate', code: name });
    }
  });

  it("names Chromium's proxy errors (a PAC file, a tunnel refused, a proxy's own certificate)", () => {
    for (const name of [
      'net::ERR_PROXY_CONNECTION_FAILED',
      'net::ERR_TUNNEL_CONNECTION_FAILED',
      'net::ERR_PROXY_AUTH_UNSUPPORTED',
      'net::ERR_PROXY_AUTH_REQUESTED',
      'net::ERR_PROXY_CERTIFICATE_INVALID',
      'net::ERR_MANDATORY_PROXY_CONFIGURATION_FAILED',
      'net::ERR_NO_SUPPORTED_PROXIES',
      'net::ERR_SOCKS_CONNECTION_FAILED',
      'net::ERR_PAC_SCRIPT_FAILED',
    ]) {
      expect(classifyTransportFailure(chromium(name)), name).toMatchObject({ kind: 'proxy', code: name });
    }
  });

  it("keeps Chromium's other errors as network or timeout", () => {
    expect(classifyTransportFailure(chromium('net::ERR_INTERNET_DISCONNECTED'))).toMatchObject({ kind: 'network', code: 'net::ERR_INTERNET_DISCONNECTED' });
    expect(classifyTransportFailure(chromium('net::ERR_NAME_NOT_RESOLVED'))).toMatchObject({ kind: 'network', code: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(classifyTransportFailure(chromium('net::ERR_CONNECTION_REFUSED'))).toMatchObject({ kind: 'network' });
    expect(classifyTransportFailure(chromium('net::ERR_TIMED_OUT'))).toMatchObject({ kind: 'timeout' });
    expect(classifyTransportFailure(chromium('net::ERR_CONNECTION_TIMED_OUT'))).toMatchObject({ kind: 'timeout' });
  });

  it("names Node's certificate errors, however deep they are wrapped", () => {
    for (const code of [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'CERT_HAS_EXPIRED',
      'CERT_NOT_YET_VALID',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'ERR_TLS_CERT_ALTNAME_INVALID',
    ]) {
      const err = wrapped(new TypeError('fetch failed', { cause: nodeError(code, 'certificate problem') }));
      expect(classifyTransportFailure(err), code).toMatchObject({ kind: 'certificate', code });
    }
  });

  it('blames the proxy for a refusal at the proxy’s address, and only there', () => {
    const proxy = { host: '127.0.0.1', port: 3128 };
    const atProxy = wrapped(nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:3128', { address: '127.0.0.1', port: 3128 }), 'ECONNREFUSED');
    const atCampaign = wrapped(nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443', { address: '127.0.0.1', port: 443 }), 'ECONNREFUSED');
    const proxyUnknown = wrapped(nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND proxy.corp', { hostname: 'proxy.corp' }), 'ENOTFOUND');
    expect(classifyTransportFailure(atProxy, proxy)).toMatchObject({ kind: 'proxy', code: 'ECONNREFUSED' });
    expect(classifyTransportFailure(atCampaign, proxy)).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(classifyTransportFailure(atProxy)).toMatchObject({ kind: 'network' });
    expect(classifyTransportFailure(proxyUnknown, { host: 'proxy.corp', port: 8080 })).toMatchObject({ kind: 'proxy', code: 'ENOTFOUND' });
    expect(classifyTransportFailure(nodeError('ERR_PROXY_TUNNEL', 'Failed to establish tunnel'))).toMatchObject({ kind: 'proxy', code: 'ERR_PROXY_TUNNEL' });
  });

  it("keeps axios's timeouts and names the innermost code of anything else", () => {
    expect(classifyTransportFailure(nodeError('ECONNABORTED', 'timeout of 300ms exceeded'))).toMatchObject({ kind: 'timeout', code: 'ECONNABORTED' });
    expect(classifyTransportFailure(wrapped(nodeError('ECONNRESET', 'socket hang up'), 'ECONNRESET'))).toMatchObject({ kind: 'network', code: 'ECONNRESET' });
    const plain = classifyTransportFailure('something odd');
    expect(plain).toEqual({ kind: 'network', message: 'something odd' });
  });

  it('keeps every message of the chain for IT', () => {
    const err = wrapped(new TypeError('fetch failed', { cause: nodeError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate') }));
    expect(classifyTransportFailure(err).message).toBe('Network Error ← fetch failed ← self-signed certificate');
  });
});
