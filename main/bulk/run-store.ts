/**
 * A bulk run on disk, one folder each: run.json (what it is: file, mapping, connection, the preview's
 * fingerprint), plan.jsonl (the preview's rows as the operator saw and confirmed them) and journal.jsonl (what
 * happened to each row). Everything a run needs to continue after a crash is in its folder.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type BulkMapping, type PreviewRow } from '../model/bulk';
import type { ConnectionInfo } from '../model/connection';
import { deskError } from '../errors/desk-error';
import { writeJsonAtomic } from '../storage/json-file';
import { createRunJournal, type RunJournal } from './run-journal';

export interface RunDefinition {
  runId: string;
  previewId: string;
  createdAt: string;
  osUser: string;
  connection: ConnectionInfo;
  /** The file the run works from (main's own copy and its fingerprint); an undo run has none. */
  file: { name: string; format: 'csv' | 'xlsx' | 'undo'; fileId?: string; sha256?: string };
  mapping?: BulkMapping;
  /** The run this one undoes. */
  undoOf?: string;
  /** sha256 of plan.jsonl: the preview the operator confirmed. */
  planDigest: string;
  /** Rows that change a profile. */
  rows: number;
}

export interface StoredRun {
  definition: RunDefinition;
  plan: PreviewRow[];
  journal: RunJournal;
}

export interface RunStore {
  create(definition: Omit<RunDefinition, 'runId' | 'planDigest' | 'rows'>, plan: readonly PreviewRow[]): Promise<StoredRun>;
  /** A run as stored; a plan that no longer matches its fingerprint is a staleRun error. */
  load(runId: string): Promise<StoredRun>;
  /** Every run folder's definition, newest first. */
  list(): Promise<RunDefinition[]>;
}

// run.json is ours, but read back after a crash: checked, not trusted.
const definitionSchema = z.object({
  runId: z.string(),
  previewId: z.string(),
  createdAt: z.string(),
  osUser: z.string(),
  connection: z.object({ id: z.string(), name: z.string(), environment: z.enum(['production', 'stage']), tenant: z.string() }),
  file: z.object({ name: z.string(), format: z.enum(['csv', 'xlsx', 'undo']), fileId: z.string().optional(), sha256: z.string().optional() }),
  mapping: z.custom<BulkMapping>((v) => typeof v === 'object' && v !== null).optional(),
  undoOf: z.string().optional(),
  planDigest: z.string(),
  rows: z.number(),
}) satisfies z.ZodType<RunDefinition>;

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

export function createRunStore(dir: string): RunStore {
  const folder = (runId: string) => join(dir, runId);

  async function readDefinition(runId: string): Promise<RunDefinition> {
    return definitionSchema.parse(JSON.parse(await readFile(join(folder(runId), 'run.json'), 'utf8')));
  }

  return {
    async create(base, plan) {
      const runId = randomUUID();
      const text = plan.map((row) => JSON.stringify(row)).join('\n') + '\n';
      const definition: RunDefinition = { ...base, runId, planDigest: digest(text), rows: plan.filter((r) => r.status === 'change').length };
      await mkdir(folder(runId), { recursive: true, mode: 0o700 });
      await writeFile(join(folder(runId), 'plan.jsonl'), text, { mode: 0o600, flush: true });
      // run.json last: a folder without it is an aborted start, never offered to continue.
      await writeJsonAtomic(join(folder(runId), 'run.json'), definition);
      return { definition, plan: [...plan], journal: createRunJournal(join(folder(runId), 'journal.jsonl')) };
    },

    async load(runId) {
      let definition: RunDefinition;
      let text: string;
      try {
        definition = await readDefinition(runId);
        text = await readFile(join(folder(runId), 'plan.jsonl'), 'utf8');
      } catch (err) {
        throw deskError('staleRun', `Bulk run ${runId} cannot be read: ${(err as Error).message}`);
      }
      if (digest(text) !== definition.planDigest) {
        throw deskError('staleRun', `The preview of bulk run ${runId} changed on disk since it was confirmed`);
      }
      const plan = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as PreviewRow);
      return { definition, plan, journal: createRunJournal(join(folder(runId), 'journal.jsonl')) };
    },

    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return [];
      }
      const definitions = await Promise.all(names.map((name) => readDefinition(name).catch(() => undefined)));
      return definitions.filter((d): d is RunDefinition => d !== undefined).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}
