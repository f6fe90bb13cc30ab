/**
 * An office network in miniature, on 127.0.0.1: certificates made at run time with the openssl CLI (a company
 * CA as TLS inspection uses, a leaf it signed, a self-signed leaf), a TLS front for the simulator, and an HTTP
 * CONNECT proxy that forwards or refuses.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';

export interface KeyPair {
  key: string;
  cert: string;
}

export interface Certificates {
  /** "Example Corp Inspection CA": trusted only where a test says so. */
  ca: KeyPair;
  /** Signed by the CA, for localhost and 127.0.0.1. */
  leaf: KeyPair;
  /** Signed by the CA, for campaign.example only (wrong name for 127.0.0.1). */
  otherName: KeyPair;
  /** Signed by itself, for localhost and 127.0.0.1. */
  selfSigned: KeyPair;
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export function makeCertificates(): Certificates {
  const dir = mkdtempSync(join(tmpdir(), 'profile-desk-certs-'));
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  try {
    openssl('req', '-x509', ...EC, '-keyout', at('ca.key'), '-out', at('ca.crt'), '-days', '2', '-subj', '/CN=Example Corp Inspection CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    const signed = (name: string, san: string): KeyPair => {
      writeFileSync(at(`${name}.ext`), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n`);
      openssl('req', ...EC, '-keyout', at(`${name}.key`), '-out', at(`${name}.csr`), '-subj', '/CN=campaign');
      openssl('x509', '-req', '-in', at(`${name}.csr`), '-CA', at('ca.crt'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at(`${name}.crt`), '-days', '2', '-extfile', at(`${name}.ext`));
      return { key: readFileSync(at(`${name}.key`), 'utf8'), cert: readFileSync(at(`${name}.crt`), 'utf8') };
    };
    openssl('req', '-x509', ...EC, '-keyout', at('self.key'), '-out', at('self.crt'), '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1');
    return {
      ca: { key: readFileSync(at('ca.key'), 'utf8'), cert: readFileSync(at('ca.crt'), 'utf8') },
      leaf: signed('leaf', 'DNS:localhost,IP:127.0.0.1'),
      otherName: signed('other', 'DNS:campaign.example'),
      selfSigned: { key: readFileSync(at('self.key'), 'utf8'), cert: readFileSync(at('self.crt'), 'utf8') },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Listening {
  port: number;
  close(): Promise<void>;
}

function listening(server: Server | ReturnType<typeof createNetServer>, sockets: Set<Socket>): Promise<Listening> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}

/** TLS in front of a plain-HTTP server (the simulator), with the given certificate; counts handshakes begun. */
export async function tlsFront(pair: KeyPair, targetPort: number): Promise<Listening & { connections: () => number }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createTlsServer({ key: pair.key, cert: pair.cert }, (tls) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    tls.pipe(upstream).pipe(tls);
    const end = () => {
      tls.destroy();
      upstream.destroy();
    };
    tls.on('error', end);
    upstream.on('error', end);
  });
  server.on('connection', (s: Socket) => {
    connections++;
    sockets.add(s);
  });
  // A client that refuses the certificate aborts the handshake: expected here.
  server.on('tlsClientError', () => undefined);
  return { ...(await listening(server, sockets)), connections: () => connections };
}

export type ProxyMode = { kind: 'forward' } | { kind: 'refuse'; status: 403 | 407 };

/** An HTTP proxy that only tunnels (CONNECT), as company proxies do for https; records every CONNECT target. */
export async function connectProxy(mode: ProxyMode): Promise<Listening & { connects: string[] }> {
  const sockets = new Set<Socket>();
  const connects: string[] = [];
  const server = createHttpServer((_req, res) => res.writeHead(405).end());
  server.on('connection', (s: Socket) => sockets.add(s));
  server.on('connect', (req, client: Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    if (mode.kind === 'refuse') {
      const reason = mode.status === 407 ? 'Proxy Authentication Required' : 'Forbidden';
      const body = `<html><body><h1>${reason}</h1><p>Access to ${req.url} is not allowed by Example Corp policy.</p></body></html>`;
      const auth = mode.status === 407 ? 'Proxy-Authenticate: Negotiate\r\nProxy-Authenticate: Basic realm="Example Corp"\r\n' : '';
      client.end(`HTTP/1.1 ${mode.status} ${reason}\r\n${auth}Content-Type: text/html\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    // The proxy resolves the name itself, as a real one would; everything here lives on this machine.
    const upstream = connect(Number(port), host === 'localhost' ? '127.0.0.1' : (host ?? '127.0.0.1'), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', end);
    client.on('error', end);
  });
  return { ...(await listening(server, sockets)), connects };
}

/** A port nothing listens on (opened, then closed again). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  const l = await listening(server, new Set());
  await l.close();
  return l.port;
}
