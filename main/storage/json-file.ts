import { writeFileAtomic } from './atomic-file';

/** Writes JSON atomically (see writeFileAtomic), readable by the OS user only. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
