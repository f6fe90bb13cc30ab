/**
 * The audit trail on disk: JSON lines, appended and fsynced one line per write call, so a crash can tear
 * at most the last line; the reader skips (and counts) what it cannot read instead of failing.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
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

const NEWLINE = 0x0a;

export function createAuditLog({ file, osUser, now = () => new Date() }: AuditLogOptions): AuditLog {
  return {
    async append(entry) {
      // Validating here keeps anything the schema does not name (a token, say) out of the file.
      const full = auditEntrySchema.parse({ ...entry, id: randomUUID(), time: now().toISOString(), osUser });
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      // 'a+' rather than 'a': appending stays atomic, and the last byte can be read (see below).
      const handle = await open(file, 'a+', 0o600);
      try {
        const { size, mode } = await handle.stat();
        if ((mode & 0o077) !== 0) await handle.chmod(0o600);
        // After a crash the file may end in a torn line; start on a fresh line so this entry is not glued to it.
        const torn = size > 0 && (await lastByte(handle, size)) !== NEWLINE;
        const line = Buffer.from(`${torn ? '\n' : ''}${JSON.stringify(full)}\n`, 'utf8');
        const { bytesWritten } = await handle.write(line);
        if (bytesWritten !== line.length) throw new Error(`audit log: short write (${bytesWritten} of ${line.length} bytes)`);
        await handle.sync();
      } finally {
        await handle.close();
      }
    },

    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], skippedLines: 0 };
        throw e;
      }
      const entries: AuditEntry[] = [];
      let skippedLines = 0;
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        const entry = parseLine(line);
        if (entry) entries.push(entry);
        else skippedLines++;
      }
      return { entries, skippedLines };
    },
  };
}

async function lastByte(handle: FileHandle, size: number): Promise<number | undefined> {
  const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
  return buffer[0];
}

function parseLine(line: string): AuditEntry | undefined {
  try {
    const parsed = auditEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
