/**
 * The log file main writes (JSON lines): capped in size, with a few older generations beside it
 * (profile-desk.log, profile-desk.log.1, …), so months of use never fill a disk yet IT still finds the last days.
 */
import { appendFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface LogFile {
  /** Queued: lines are written in order, one at a time; a failing disk never throws into the caller. */
  append(line: string): void;
  /** The newest `count` lines, across generations, oldest first (after every queued line is written). */
  tail(count: number): Promise<string[]>;
  readonly dir: string;
}

export interface LogFileOptions {
  file: string;
  /** Size at which the file is rotated. */
  maxBytes?: number;
  /** Older files kept beside the current one. */
  keep?: number;
}

const MB = 1024 * 1024;

export function createLogFile({ file, maxBytes = MB, keep = 2 }: LogFileOptions): LogFile {
  const generation = (n: number) => (n === 0 ? file : `${file}.${n}`);
  let size: number | undefined;
  let queue: Promise<void> = Promise.resolve();

  async function rotate(): Promise<void> {
    await rm(generation(keep), { force: true });
    for (let n = keep - 1; n >= 0; n--) await rename(generation(n), generation(n + 1)).catch(() => undefined);
    size = 0;
  }

  async function write(line: string): Promise<void> {
    size ??= await stat(file).then((s) => s.size, () => 0);
    const bytes = Buffer.byteLength(line) + 1;
    if (size > 0 && size + bytes > maxBytes) await rotate();
    await mkdir(dirname(file), { recursive: true });
    await appendFile(file, `${line}\n`, { mode: 0o600 });
    size += bytes;
  }

  return {
    dir: dirname(file),
    append(line) {
      // A log that cannot be written must not take the app down; the next line tries again.
      queue = queue.then(() => write(line)).catch(() => {
        size = undefined;
      });
    },
    async tail(count) {
      await queue;
      const lines: string[] = [];
      for (let n = 0; n <= keep && lines.length < count; n++) {
        const text = await readFile(generation(n), 'utf8').catch(() => '');
        lines.unshift(...text.split('\n').filter((l) => l !== ''));
      }
      return lines.slice(-count);
    },
  };
}
