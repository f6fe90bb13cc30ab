import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** What a route answers; the server decides whether it reaches the client (faults may drop it). */
export interface Reply {
  status: number;
  body?: unknown; // sent as JSON
  raw?: string; // sent verbatim instead of body (malformed answers)
  headers?: Record<string, string>;
}

export interface Incoming {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

/** Body as tests want to inspect it: JSON or form fields when parseable, else the text itself. */
export function parseRecordedBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function sendReply(res: ServerResponse, reply: Reply, requestId: string): void {
  if (res.destroyed || res.writableEnded) return; // the client or close() went away during the latency wait
  const payload = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  res.writeHead(reply.status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'x-request-id': requestId,
    ...reply.headers,
  });
  res.end(payload);
}
