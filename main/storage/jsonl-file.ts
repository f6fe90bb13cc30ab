/**
 * Append-only JSON-lines files (the audit trail, a bulk run's journal): one line per append, written in one
 * call and fsynced before append returns, so a crash tears at most the last line; the reader skips (and
 * counts) what it cannot read instead of failing.
 */
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

const NEWLINE = 0x0a;

export async function appendJsonLine(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  // 'a+' rather than 'a': appending stays atomic, and the last byte can be read (see below).
  const handle = await open(file, 'a+', 0o600);
  try {
    const { size, mode } = await handle.stat();
    if ((mode & 0o077) !== 0) await handle.chmod(0o600);
    // After a crash the file may end in a torn line; start on a fresh line so this entry is not glued to it.
    const torn = size > 0 && (await lastByte(handle, size)) !== NEWLINE;
    const line = Buffer.from(`${torn ? '\n' : ''}${JSON.stringify(value)}\n`, 'utf8');
    const { bytesWritten } = await handle.write(line);
    if (bytesWritten !== line.length) throw new Error(`${file}: short write (${bytesWritten} of ${line.length} bytes)`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Every line `parse` accepts (undefined = unreadable), and how many it did not. A missing file is empty. */
export async function readJsonLines<T>(file: string, parse: (value: unknown) => T | undefined): Promise<{ entries: T[]; skippedLines: number }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], skippedLines: 0 };
    throw e;
  }
  const entries: T[] = [];
  let skippedLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let entry: T | undefined;
    try {
      entry = parse(JSON.parse(line));
    } catch {
      entry = undefined;
    }
    if (entry === undefined) skippedLines++;
    else entries.push(entry);
  }
  return { entries, skippedLines };
}

async function lastByte(handle: FileHandle, size: number): Promise<number | undefined> {
  const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
  return buffer[0];
}
