/**
 * Spreadsheets opened for bulk changes. Main keeps its own copy of every file (a run works from that copy,
 * never from the operator's file, which may be edited or moved meanwhile) and its fingerprint, so a run can
 * refuse to continue on a file that is no longer the one it previewed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { BulkFile, BulkSettings } from '../model/bulk';
import type { Locale } from '../model/connection';
import { deskError, type DeskError } from '../errors/desk-error';
import { cellText } from '../spreadsheets/cell-text';
import { readTable } from '../spreadsheets/read-table';
import type { Table } from '../spreadsheets/table';
import { isTableProblem } from '../spreadsheets/table-problem';
import { writeJsonAtomic } from '../storage/json-file';

export interface OpenedFile {
  file: BulkFile;
  table: Table;
  /** sha256 of the bytes as read: a run checks it before it continues. */
  sha256: string;
}

export interface BulkFileStore {
  /** Reads a file the operator chose (or dropped); a file that cannot be used is a DeskError of kind badFile. */
  open(input: { name: string; bytes: Buffer }, sheet?: string): Promise<OpenedFile>;
  /** Another sheet of an opened workbook. */
  chooseSheet(fileId: string, sheet: string): Promise<OpenedFile>;
  /** An opened file, read again from main's copy when it is no longer in memory. */
  get(fileId: string): Promise<OpenedFile>;
}

const SAMPLE_ROWS = 5;

interface Meta {
  name: string;
  sheet?: string;
  sha256: string;
}

export function createBulkFileStore(dir: string, settings: () => Promise<BulkSettings>, locale: () => Promise<Locale>): BulkFileStore {
  // The last few files stay parsed in memory; older ones are read again from their copy when asked for.
  const recent = new Map<string, OpenedFile>();
  const remember = (opened: OpenedFile) => {
    recent.delete(opened.file.fileId);
    recent.set(opened.file.fileId, opened);
    while (recent.size > 3) recent.delete(recent.keys().next().value!);
    return opened;
  };
  const folder = (fileId: string) => join(dir, fileId);
  const sourceOf = (fileId: string, name: string) => join(folder(fileId), `source${extname(name).toLowerCase()}`);

  async function parse(fileId: string, name: string, bytes: Buffer, sheet: string | undefined, sha256: string): Promise<OpenedFile> {
    const limits = await settings();
    let table: Table;
    try {
      table = await readTable({ name, bytes }, { sheet, maxRows: limits.maxRows, maxBytes: limits.maxFileMegabytes * 1024 * 1024 });
    } catch (err) {
      throw asBadFile(err, name);
    }
    return remember({ file: describe(fileId, name, table, await locale()), table, sha256 });
  }

  return {
    async open(input, sheet) {
      const fileId = randomUUID();
      const sha256 = createHash('sha256').update(input.bytes).digest('hex');
      const opened = await parse(fileId, input.name, input.bytes, sheet, sha256);
      await mkdir(folder(fileId), { recursive: true, mode: 0o700 });
      await writeFile(sourceOf(fileId, input.name), input.bytes, { mode: 0o600 });
      await writeJsonAtomic(join(folder(fileId), 'meta.json'), { name: input.name, sheet: opened.table.sheet, sha256 } satisfies Meta);
      return opened;
    },
    async chooseSheet(fileId, sheet) {
      const { file, sha256 } = await this.get(fileId);
      const bytes = await readFile(sourceOf(fileId, file.name));
      const opened = await parse(fileId, file.name, bytes, sheet, sha256);
      await writeJsonAtomic(join(folder(fileId), 'meta.json'), { name: file.name, sheet, sha256 } satisfies Meta);
      return opened;
    },
    async get(fileId) {
      const kept = recent.get(fileId);
      if (kept) return kept;
      let meta: Meta;
      let bytes: Buffer;
      try {
        meta = JSON.parse(await readFile(join(folder(fileId), 'meta.json'), 'utf8')) as Meta;
        bytes = await readFile(sourceOf(fileId, meta.name));
      } catch (err) {
        throw deskError('staleRun', `The copy of the file is gone: ${(err as Error).message}`);
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (sha256 !== meta.sha256) throw deskError('staleRun', `The copy of ${meta.name} changed on disk since it was loaded`);
      return parse(fileId, meta.name, bytes, meta.sheet, sha256);
    },
  };
}

function describe(fileId: string, name: string, table: Table, locale: Locale): BulkFile {
  return {
    fileId,
    name,
    format: table.format,
    ...(table.csv ? { csv: table.csv } : {}),
    ...(table.sheets ? { sheets: table.sheets, sheet: table.sheet } : {}),
    headers: table.headers,
    rowCount: table.rows.length,
    sample: table.rows.slice(0, SAMPLE_ROWS).map((row) => row.cells.map((cell) => cellText(cell, locale))),
  };
}

/** A problem of the file as an error the operator reads in their language (the code picks the text). */
function asBadFile(err: unknown, name: string): DeskError | unknown {
  if (!isTableProblem(err)) return err;
  const params: Record<string, string | number | string[]> = {};
  for (const [key, value] of Object.entries(err.params as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number' || Array.isArray(value)) params[key] = value as string | number | string[];
  }
  return deskError('badFile', `${name}: ${err.message}`, {
    code: err.code,
    params,
    ...(err.line !== undefined ? { line: err.line } : {}),
    details: `File: ${name}\nProblem: ${err.code}${err.line !== undefined ? ` (line ${err.line})` : ''}\n${JSON.stringify(err.params)}`,
  });
}
