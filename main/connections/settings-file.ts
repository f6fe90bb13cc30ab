/**
 * The connections settings file: plain JSON without any secret (those live in the keychain).
 * Written atomically so a crash mid-write never leaves half a file behind.
 */
import { readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { apiNames, authModes, environments } from '../model/connection';
import { deskError } from '../errors/desk-error';
import { writeJsonAtomic } from '../storage/json-file';

const storedConnection = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().min(1),
  tenant: z.string().regex(/^[A-Za-z0-9_-]+$/),
  // Connections saved before these existed were pasted-token connections; an unknown one counts as
  // production, so it is marked until the operator says otherwise.
  environment: z.enum(environments).default('production'),
  apiName: z.enum(apiNames),
  baseUrl: z.string(),
  authMode: z.enum(authModes).default('token'),
  imsUrl: z.string().default(''),
  isDemo: z.boolean(),
});
export type StoredConnection = z.output<typeof storedConnection>;

const settingsSchema = z.object({ version: z.literal(1), connections: z.array(storedConnection) });

/** A missing file means "no connections yet". */
export async function readSettings(file: string): Promise<StoredConnection[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw deskError('internal', `Cannot read the settings file ${file}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = settingsSchema.safeParse(data);
  if (parsed.success) return parsed.data.connections;

  const version = (data as { version?: unknown } | undefined)?.version;
  if (typeof version === 'number' && version > 1) {
    // A downgrade must not destroy a newer app's settings: refuse, but leave the file alone.
    throw deskError('internal', `The settings file ${file} was written by a newer Profile Desk (version ${version})`);
  }
  // Move the damaged file aside instead of letting the next save overwrite it, so IT can still recover it.
  const kept = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(file, kept);
  } catch (e) {
    throw deskError('internal', `The settings file ${file} is damaged and could not be moved aside: ${(e as Error).message}`);
  }
  throw deskError(
    'internal',
    `The settings file ${file} is damaged and was kept as ${kept}; connections must be set up again`,
  );
}

/** Atomic (see writeJsonAtomic): a crash mid-write never leaves half a settings file. */
export async function writeSettings(file: string, connections: StoredConnection[]): Promise<void> {
  try {
    await writeJsonAtomic(file, { version: 1, connections });
  } catch (e) {
    throw deskError('internal', `Cannot write the settings file ${file}: ${(e as Error).message}`);
  }
}
