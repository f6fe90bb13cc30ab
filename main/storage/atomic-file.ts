import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that a crash never leaves half of it: a temp file in the same folder (rename is atomic
 * only within one file system), fsync, rename.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, opts: { mode?: number; createDir?: boolean } = {}): Promise<void> {
  const dir = dirname(file);
  if (opts.createDir !== false) await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${basename(file)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(tmp, 'wx', opts.mode ?? 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
