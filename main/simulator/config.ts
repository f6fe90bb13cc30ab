import { PROFILE_FIELDS } from './fields';
import type { MetadataStyle } from './metadata';
import type { EnumShape, ExtraClient, SimulatorOptions } from './types';

export const ENUM_SHAPES: readonly EnumShape[] = ['labelled', 'names', 'keyed'];
export const isEnumShape = (value: unknown): value is EnumShape => (ENUM_SHAPES as readonly unknown[]).includes(value);

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
  metadata: MetadataStyle;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new Error(`Simulator option ${name} must be a number >= 0, got ${value}`);
  return value;
}

function metadataStyle(options: SimulatorOptions): MetadataStyle {
  const enumShape = options.enumShape ?? 'labelled';
  if (!isEnumShape(enumShape)) {
    throw new Error(`Simulator option enumShape must be one of ${ENUM_SHAPES.join(', ')}, got ${String(enumShape)}`);
  }
  const enumsWithoutValues = options.enumsWithoutValues ?? [];
  // A misspelt name would silently leave the values in place and the test would prove nothing.
  const notEnum = enumsWithoutValues.filter((name) => PROFILE_FIELDS[name]?.type !== 'enumeration');
  if (notEnum.length > 0) throw new Error(`Simulator option enumsWithoutValues names no enumeration field: ${notEnum.join(', ')}`);
  return {
    enumShape,
    sizedNumberTypes: options.sizedNumberTypes ?? false,
    timestampsAsStrings: options.timestampsAsStrings ?? false,
    enumsWithoutValues: [...enumsWithoutValues],
  };
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
    metadata: metadataStyle(options),
  };
}
