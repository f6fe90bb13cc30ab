// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogFile } from '../../../main/logging/log-file';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function logPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'profile-desk-log-'));
  dirs.push(dir);
  return join(dir, 'logs', 'profile-desk.log');
}
const line = (n: number) => JSON.stringify({ n, message: 'x'.repeat(80) }); // ~100 bytes

describe('log file', () => {
  it('writes lines in order, creating its folder, readable only by the user', async () => {
    const file = logPath();
    const log = createLogFile({ file });
    for (let n = 0; n < 5; n++) log.append(line(n));
    expect(await log.tail(10)).toEqual([0, 1, 2, 3, 4].map(line));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('rotates at the size cap and keeps only the chosen number of older files', async () => {
    const file = logPath();
    const log = createLogFile({ file, maxBytes: 1_000, keep: 2 });
    for (let n = 0; n < 100; n++) log.append(line(n));
    await log.tail(1);
    for (const f of [file, `${file}.1`, `${file}.2`]) expect(statSync(f).size, f).toBeLessThanOrEqual(1_000);
    expect(existsSync(`${file}.3`)).toBe(false);
    // The newest lines survive, in order, across the generations.
    const kept = [`${file}.2`, `${file}.1`, file].flatMap((f) => readFileSync(f, 'utf8').trim().split('\n'));
    expect(kept.at(-1)).toBe(line(99));
    expect(kept).toEqual(kept.map((l) => JSON.parse(l).n).map(line));
    expect(JSON.parse(kept[0]!).n).toBeGreaterThan(60);
  });

  it('tail reads the newest lines across generations', async () => {
    const file = logPath();
    const log = createLogFile({ file, maxBytes: 2_000, keep: 3 });
    for (let n = 0; n < 40; n++) log.append(line(n));
    expect(await log.tail(15)).toEqual(Array.from({ length: 15 }, (_, i) => line(25 + i)));
    expect(existsSync(`${file}.2`)).toBe(true);
    expect(await log.tail(200)).toHaveLength(40);
  });

  it('continues an existing file, counting its size', async () => {
    const file = logPath();
    const first = createLogFile({ file, maxBytes: 1_000 });
    for (let n = 0; n < 8; n++) first.append(line(n));
    await first.tail(1);
    const second = createLogFile({ file, maxBytes: 1_000 });
    for (let n = 8; n < 12; n++) second.append(line(n));
    await second.tail(1);
    expect(statSync(file).size).toBeLessThanOrEqual(1_000);
    expect(readFileSync(`${file}.1`, 'utf8')).toContain(line(0));
  });

  it('never throws into the caller when the disk refuses', async () => {
    const file = logPath();
    const log = createLogFile({ file });
    log.append(line(1));
    await log.tail(1);
    const impossible = createLogFile({ file: join(file, 'below-a-file.log') }); // a file cannot hold a folder
    expect(() => impossible.append(line(2))).not.toThrow();
    expect(await impossible.tail(5)).toEqual([]);
  });
});
