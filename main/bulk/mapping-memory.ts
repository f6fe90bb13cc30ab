/** Mappings the operator confirmed, remembered for files with the same headers (by headerSignature). */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { BulkMapping } from '../model/bulk';
import { writeJsonAtomic } from '../storage/json-file';

export interface MappingMemory {
  get(signature: string): Promise<BulkMapping | undefined>;
  set(signature: string, mapping: BulkMapping): Promise<void>;
}

const mapping = z.object({
  identity: z.object({ by: z.enum(['pkey', 'email']), column: z.number().int().nonnegative() }),
  columns: z.array(z.object({ column: z.number().int().nonnegative(), field: z.string().nullable(), clearWhenEmpty: z.boolean() })),
}) satisfies z.ZodType<BulkMapping>;
const file = z.object({ version: z.literal(1), mappings: z.record(z.string(), mapping) });

/** The newest few hundred are kept; an unreadable file means "nothing remembered yet". */
const KEEP = 200;

export function createMappingMemory(path: string): MappingMemory {
  async function read(): Promise<Record<string, BulkMapping>> {
    try {
      return file.parse(JSON.parse(await readFile(path, 'utf8'))).mappings;
    } catch {
      return {};
    }
  }
  return {
    get: async (signature) => (await read())[signature],
    async set(signature, value) {
      const { [signature]: _old, ...others } = await read();
      const kept = Object.entries(others).slice(-(KEEP - 1));
      await writeJsonAtomic(path, { version: 1, mappings: { ...Object.fromEntries(kept), [signature]: value } });
    },
  };
}
