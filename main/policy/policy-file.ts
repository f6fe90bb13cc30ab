/**
 * IT's machine-wide policy file: read once at start (synchronously: the language it may fix is needed before
 * Electron is ready), validated strictly. A file that is present but unusable is never ignored: it is reported,
 * and the safest reading applies (connections locked, production saves confirmed by typing, none of its
 * connections used).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { apiNames, authModes, DEFAULT_SCOPES, environments, locales } from '../model/connection';
import { ErrorKind, type AppError } from '../model/errors';
import { PolicyRule, type ManagedConnection, type PolicyView } from '../model/policy';

const managedConnection = z.strictObject({
  /** IT's stable key: keychain entries and the audit trail follow it across renames. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'use 1–40 letters, digits, "-" or "_"'),
  name: z.string().trim().min(1).max(80),
  tenant: z.string().regex(/^[A-Za-z0-9_-]+$/, 'use the tenant id as in mc.adobe.io/<tenant>'),
  environment: z.enum(environments),
  apiName: z.enum(apiNames).default('profileAndServicesExt'),
  baseUrl: z.url({ protocol: /^https?$/ }).or(z.literal('')).default(''),
  authMode: z.enum(authModes).default('oauth'),
  imsUrl: z.url({ protocol: /^https?$/ }).or(z.literal('')).default(''),
  scopes: z.string().trim().min(1).default(DEFAULT_SCOPES),
});

const policySchema = z
  .strictObject({
    version: z.literal(1),
    connections: z.array(managedConnection).max(100).default([]),
    lockConnections: z.boolean().default(false),
    hideDemo: z.boolean().default(false),
    confirmProductionSaves: z.boolean().default(false),
    maxRequestsPerSecond: z.number().int().min(1).max(1000).optional(),
    maxBulkRows: z.number().int().min(1).max(10_000_000).optional(),
    language: z.enum(locales).optional(),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.connections.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['connections', i, 'id'], message: `the id "${c.id}" is used twice` });
      seen.add(c.id);
    });
  });

export type Policy = z.output<typeof policySchema>;

export interface PolicyReading {
  view: PolicyView;
  connections: ManagedConnection[];
}

const MANAGED_PREFIX = 'it-';

export function readPolicyFile(file: string, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): PolicyReading {
  let text: string;
  try {
    text = read(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { view: { ...NO_POLICY, file }, connections: [] };
    return broken(file, `The policy file ${file} cannot be read: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')); // Notepad saves UTF-8 with a BOM
  } catch (e) {
    return broken(file, `The policy file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.length > 0 ? i.path.join('.') : '(top level)'}: ${i.message}`);
    return broken(file, `The policy file ${file} does not follow the policy's format`, lines);
  }
  const p = parsed.data;
  return {
    view: {
      state: 'applied',
      file,
      lockConnections: p.lockConnections,
      hideDemo: p.hideDemo,
      confirmProductionSaves: p.confirmProductionSaves,
      ...(p.maxRequestsPerSecond !== undefined ? { maxRequestsPerSecond: p.maxRequestsPerSecond } : {}),
      ...(p.maxBulkRows !== undefined ? { maxBulkRows: p.maxBulkRows } : {}),
      ...(p.language ? { language: p.language } : {}),
    },
    connections: p.connections.map(({ id, ...settings }) => ({ ...settings, id: `${MANAGED_PREFIX}${id}` })),
  };
}

const NO_POLICY: Omit<PolicyView, 'file'> = { state: 'none', lockConnections: false, hideDemo: false, confirmProductionSaves: false };

/** The safest reading of a policy that cannot be used. */
function broken(file: string, message: string, issues: string[] = []): PolicyReading {
  const problem: AppError = {
    kind: ErrorKind.policy,
    code: PolicyRule.broken,
    message,
    details: [message, ...issues, '', 'Until the file is fixed, Profile Desk locks its connections, asks for typed confirmation of', 'production saves and uses none of the connections in the file.'].join('\n'),
  };
  return { view: { state: 'broken', file, lockConnections: true, hideDemo: false, confirmProductionSaves: true, problem }, connections: [] };
}
