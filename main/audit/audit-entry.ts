/**
 * The shape of one audit line. Campaign cannot tell which operator changed a profile, so the app records it.
 * No field can hold a credential: strict objects refuse unknown keys, so nothing extra rides along.
 */
import { z } from 'zod';
import { environments, type ConnectionInfo } from '../model/connection';
import type { HistoryChange, Verification } from '../model/history';
import type { FieldValue } from '../model/profile';
import type { FieldCheck } from '../model/save';

const fieldValue: z.ZodType<FieldValue> = z.union([z.string(), z.boolean(), z.number(), z.null()]);

const change = z.strictObject({ path: z.string().min(1), old: fieldValue, new: fieldValue }) satisfies z.ZodType<HistoryChange>;

const connection = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  environment: z.enum(environments),
  tenant: z.string(),
}) satisfies z.ZodType<ConnectionInfo>;

const stamp = { id: z.uuid(), time: z.iso.datetime(), osUser: z.string() };

const base = {
  ...stamp,
  /** Links the attempt and the outcome of one save. */
  saveId: z.string().min(1),
  connection,
  pkey: z.string().min(1),
  profileName: z.string(),
  changes: z.array(change),
  /** The saveId of the change this one undoes. */
  undoOf: z.string().min(1).optional(),
  /** A row of a bulk run: the run, and the row's line in its file. */
  runId: z.string().min(1).optional(),
  line: z.number().int().positive().optional(),
};

const patchResult = z.strictObject({
  ok: z.boolean(),
  status: z.number().int().optional(),
  errorKind: z.string().optional(),
  message: z.string().optional(),
});

const fieldCheck = z.strictObject({
  path: z.string().min(1),
  sent: fieldValue,
  // Absent when the verifying GET did not return the field.
  server: fieldValue.optional(),
  match: z.boolean(),
}) satisfies z.ZodType<FieldCheck>;

const verification = z.strictObject({
  status: z.enum(['confirmed', 'different', 'notVerified']),
  fields: z.array(fieldCheck).optional(),
}) satisfies z.ZodType<Verification>;

/** Written BEFORE the PATCH, so a crash during the save still leaves a trace. */
const attempt = z.strictObject({ ...base, phase: z.literal('attempt') });
/** Written AFTER the PATCH: what Campaign answered and what the verifying GET showed. */
const outcome = z.strictObject({ ...base, phase: z.literal('outcome'), patch: patchResult, verification: verification.optional() });

/** A bulk run as a whole: which file, on which connection, by whom; its rows are attempt/outcome pairs with its runId. */
const run = z.strictObject({
  ...stamp,
  phase: z.literal('run'),
  runId: z.string().min(1),
  event: z.enum(['started', 'finished', 'stopped']),
  connection,
  file: z.strictObject({ name: z.string().max(300), format: z.enum(['csv', 'xlsx', 'undo']) }),
  /** The run this one undoes. */
  undoOf: z.string().min(1).optional(),
  /** Rows to change when started; outcomes by kind when finished or stopped. */
  rows: z.number().int().nonnegative(),
  counts: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

export const auditEntrySchema = z.discriminatedUnion('phase', [attempt, outcome, run]);
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AttemptEntry = z.infer<typeof attempt>;
export type OutcomeEntry = z.infer<typeof outcome>;
export type RunEntry = z.infer<typeof run>;

type New<T> = Omit<T, 'id' | 'time' | 'osUser'>;
/** What a caller hands to `append`; the log adds id, time and OS user. */
export type NewAttemptEntry = New<AttemptEntry>;
export type NewOutcomeEntry = New<OutcomeEntry>;
export type NewAuditEntry = NewAttemptEntry | NewOutcomeEntry | New<RunEntry>;
