import { ENUM_SHAPES, isEnumShape } from './config';
import type { SimulatorOptions } from './types';

function integer(env: NodeJS.ProcessEnv, name: string, min: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`${name} must be a whole number >= ${min}, got "${raw}"`);
  return Number(raw);
}

/**
 * Options of `npm run sim` from SIM_PORT, SIM_LATENCY_MS, SIM_TOKEN_LIFETIME_SEC, SIM_PROFILES (how many), SIM_RATE_LIMIT ("10/1") and
 * SIM_ENUM_SHAPE (labelled | names | keyed: how the metadata lists enum values).
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv): SimulatorOptions {
  const options: SimulatorOptions = {
    port: integer(env, 'SIM_PORT', 0),
    latencyMs: integer(env, 'SIM_LATENCY_MS', 0),
    tokenLifetimeSec: integer(env, 'SIM_TOKEN_LIFETIME_SEC', 1),
    profileCount: integer(env, 'SIM_PROFILES', 0),
  };
  const rate = env.SIM_RATE_LIMIT;
  if (rate) {
    const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(rate);
    if (!m || Number(m[1]) < 1 || !(Number(m[2]) > 0)) {
      throw new Error(`SIM_RATE_LIMIT must look like "10/1" (requests/seconds), got "${rate}"`);
    }
    options.rateLimit = { requests: Number(m[1]), perSeconds: Number(m[2]) };
  }
  const shape = env.SIM_ENUM_SHAPE;
  if (shape) {
    if (!isEnumShape(shape)) throw new Error(`SIM_ENUM_SHAPE must be one of ${ENUM_SHAPES.join(', ')}, got "${shape}"`);
    options.enumShape = shape;
  }
  return options;
}
