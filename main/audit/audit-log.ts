/** The audit trail on disk: JSON lines in one file, appended with fsync (storage/jsonl-file.ts). */
import { randomUUID } from 'node:crypto';
import { appendJsonLine, readJsonLines } from '../storage/jsonl-file';
import { auditEntrySchema, type AuditEntry, type NewAuditEntry } from './audit-entry';

export interface AuditLogOptions {
  file: string;
  /** The operator as the OS knows them (os.userInfo().username); Campaign only ever sees the API client. */
  osUser: string;
  now?: () => Date;
}

export interface AuditReadResult {
  entries: AuditEntry[];
  /** Lines that were not a valid entry, typically one torn by a crash during the last write. */
  skippedLines: number;
}

export interface AuditLog {
  append(entry: NewAuditEntry): Promise<void>;
  read(): Promise<AuditReadResult>;
}

export function createAuditLog({ file, osUser, now = () => new Date() }: AuditLogOptions): AuditLog {
  return {
    async append(entry) {
      // Validating here keeps anything the schema does not name (a token, say) out of the file.
      await appendJsonLine(file, auditEntrySchema.parse({ ...entry, id: randomUUID(), time: now().toISOString(), osUser }));
    },
    read: () => readJsonLines(file, (value) => {
      const parsed = auditEntrySchema.safeParse(value);
      return parsed.success ? parsed.data : undefined;
    }),
  };
}
