/**
 * The shape of one audit line. Campaign cannot tell which operator changed a profile, so the app records it.
 * No field can hold a credential: strict objects refuse unknown keys, so nothing extra rides along.
 */
import { z } from 'zod';
import { environments } from '../model/connection';
import type { HistoryChange, Verification } from '../model/history';
import type { FieldValue } from '../model/profile';
import type { FieldCheck } from '../model/save';

const fieldValue: z.ZodType<FieldValue> = z.union([z.string(), z.boolean(), z.number(), z.null()]);

const change = z.strictObject({ path: z.string().min(1), old: fieldValue, new: fieldValue }) satisfies z.ZodType<HistoryChange>;

const base = {
  id: z.uuid(),
  time: z.iso.datetime(),
  osUser: z.string(),
  /** Links the attempt and the outcome of one save. */
  saveId: z.string().min(1),
  connection: z.strictObject({
    id: z.string().min(1),
    name: z.string(),
    environment: z.enum(environments),
    tenant: z.string(),
  }),
  pkey: z.string().min(1),
  profileName: z.string(),
  changes: z.array(change),
  /** The saveId of the change this one undoes. */
  undoOf: z.string().min(1).optional(),
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

export const auditEntrySchema = z.discriminatedUnion('phase', [attempt, outcome]);
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AttemptEntry = z.infer<typeof attempt>;
export type OutcomeEntry = z.infer<typeof outcome>;

/** What a caller hands to `append`; the log adds id, time and OS user. */
export type NewAuditEntry = Omit<AttemptEntry, 'id' | 'time' | 'osUser'> | Omit<OutcomeEntry, 'id' | 'time' | 'osUser'>;
