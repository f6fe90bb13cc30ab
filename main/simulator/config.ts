import type { ExtraClient, SimulatorOptions } from './types';

export interface SimConfig {
  tenant: string;
  apiKey: string;
  clientSecret: string;
  latencyMs: number;
  tokenLifetimeSec: number;
  rateLimit: { requests: number; perSeconds: number } | null;
  retryAfterSeconds: number;
  profileCount: number;
  port: number;
  clients: ExtraClient[]; // the main credential first
  wrapGetInContent: boolean;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new Error(`Simulator option ${name} must be a number >= 0, got ${value}`);
  return value;
}

export function resolveConfig(options: SimulatorOptions): SimConfig {
  const apiKey = options.apiKey ?? 'demo-client-id';
  const clientSecret = options.clientSecret ?? 'demo-client-secret';
  const rateLimit = options.rateLimit ?? null;
  if (rateLimit && (rateLimit.requests < 1 || !(rateLimit.perSeconds > 0))) {
    throw new Error('Simulator option rateLimit needs requests >= 1 and perSeconds > 0');
  }
  return {
    tenant: options.tenant ?? 'demo-tenant',
    apiKey,
    clientSecret,
    latencyMs: nonNegative('latencyMs', options.latencyMs ?? 0),
    tokenLifetimeSec: nonNegative('tokenLifetimeSec', options.tokenLifetimeSec ?? 86399),
    rateLimit,
    retryAfterSeconds: nonNegative('retryAfterSeconds', options.retryAfterSeconds ?? 1),
    profileCount: Math.floor(nonNegative('profileCount', options.profileCount ?? 60)),
    port: nonNegative('port', options.port ?? 0),
    clients: [{ clientId: apiKey, clientSecret, campaignAccess: true }, ...(options.extraClients ?? [])],
    wrapGetInContent: options.wrapGetInContent ?? false,
  };
}
