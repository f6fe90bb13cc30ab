/**
 * A bulk run's journal: what happened to each row, appended with fsync before the next step. After a crash,
 * a power cut or a reboot it says exactly where the run stopped, and which rows sent a PATCH whose answer was
 * never seen (those are re-read before anything is sent again).
 */
import { z } from 'zod';
import { rowOutcomes } from '../model/bulk';
import { errorKinds } from '../model/errors';
import { appendJsonLine, readJsonLines } from '../storage/jsonl-file';

const fieldValue = z.union([z.string(), z.boolean(), z.number(), z.null()]);

const event = z.discriminatedUnion('phase', [
  /** The PATCH is about to be sent: from here on, Campaign may have the change. */
  z.strictObject({ phase: z.literal('sending'), line: z.number().int().positive() }),
  /** Campaign answered the PATCH. */
  z.strictObject({ phase: z.literal('sent'), line: z.number().int().positive() }),
  /** The row's final outcome. */
  z.strictObject({
    phase: z.literal('done'),
    line: z.number().int().positive(),
    outcome: z.enum(rowOutcomes),
    checks: z.array(z.strictObject({ path: z.string(), sent: fieldValue, server: fieldValue.optional(), match: z.boolean() })).optional(),
    error: z.strictObject({ kind: z.enum(errorKinds), message: z.string(), details: z.string(), status: z.number().optional(), code: z.string().optional(), serverMessage: z.string().optional() }).optional(),
  }),
  /** The operator paused, resumed or stopped the run; it finished. */
  z.strictObject({ phase: z.literal('state'), state: z.enum(['paused', 'resumed', 'stopped', 'finished']) }),
]);

export type JournalEvent = z.infer<typeof event>;
export type DoneEvent = Extract<JournalEvent, { phase: 'done' }>;

/** Where each row stands according to the journal. */
export interface JournalState {
  done: Map<number, DoneEvent>;
  /** Rows whose PATCH went out (or may have) without an outcome: re-read before anything is sent again. */
  inDoubt: Map<number, 'sending' | 'sent'>;
  /** The last run-level state written. */
  state?: 'paused' | 'resumed' | 'stopped' | 'finished';
  skippedLines: number;
}

export interface RunJournal {
  append(entry: JournalEvent): Promise<void>;
  read(): Promise<JournalState>;
}

export function createRunJournal(file: string): RunJournal {
  return {
    append: (entry) => appendJsonLine(file, event.parse(entry)),
    async read() {
      const { entries, skippedLines } = await readJsonLines(file, (value) => {
        const parsed = event.safeParse(value);
        return parsed.success ? parsed.data : undefined;
      });
      const state: JournalState = { done: new Map(), inDoubt: new Map(), skippedLines };
      for (const e of entries) {
        if (e.phase === 'state') state.state = e.state;
        else if (e.phase === 'done') {
          state.done.set(e.line, e);
          state.inDoubt.delete(e.line);
        } else if (!state.done.has(e.line)) state.inDoubt.set(e.line, e.phase);
      }
      return state;
    },
  };
}
