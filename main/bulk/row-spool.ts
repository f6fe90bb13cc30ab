/**
 * The rows of a dry run, kept on disk rather than in memory: a 100,000-row preview must not cost main more
 * than a 10,000-row one. Each row is one JSON line in a spool file; memory holds only where each line is and
 * what it is (status, causes), enough to count, filter and page without reading the file.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { rowProblems, type PreviewRow, type PreviewRowStatus, type RowProblemCause, type RowsFilter } from '../model/bulk';

const STATUS: readonly PreviewRowStatus[] = ['change', 'unchanged', 'problem'];
const causeBit = (cause: RowProblemCause) => 1 << rowProblems.indexOf(cause);

export interface RowSpool {
  put(index: number, row: PreviewRow): void;
  get(index: number): PreviewRow | undefined;
  /** Rows matching the filter, in file order. */
  page(filter: RowsFilter, offset: number, limit: number): { rows: PreviewRow[]; total: number };
  /** Every settled row, in file order. */
  all(): PreviewRow[];
  /** Lets the file go (a preview dropped, or the app closing). */
  close(): void;
}

export function createRowSpool(file: string, size: number): RowSpool {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const fd = openSync(file, 'w+', 0o600);
  const at = new Float64Array(size);
  const length = new Uint32Array(size); // 0: not settled yet
  const status = new Uint8Array(size);
  const causes = new Uint32Array(size);
  let end = 0;
  let closed = false;

  const matches = (i: number, filter: RowsFilter): boolean => {
    if (length[i] === 0) return false;
    switch (filter.kind) {
      case 'all':
        return true;
      case 'cause':
        return (causes[i]! & causeBit(filter.cause)) !== 0;
      case 'outcome':
        return false;
      default:
        return STATUS[status[i]!] === filter.kind;
    }
  };

  function get(i: number): PreviewRow | undefined {
    if (closed || !length[i]) return undefined;
    const buffer = Buffer.alloc(length[i]!);
    readSync(fd, buffer, 0, buffer.length, at[i]!);
    return JSON.parse(buffer.toString('utf8')) as PreviewRow;
  }

  return {
    put(i, row) {
      const bytes = Buffer.from(JSON.stringify(row), 'utf8');
      writeSync(fd, bytes, 0, bytes.length, end);
      at[i] = end;
      length[i] = bytes.length;
      end += bytes.length;
      status[i] = STATUS.indexOf(row.status);
      causes[i] = row.problems.reduce((bits, p) => bits | causeBit(p.cause), 0);
    },
    get,
    page(filter, offset, limit) {
      const rows: PreviewRow[] = [];
      let total = 0;
      for (let i = 0; i < size; i++) {
        if (!matches(i, filter)) continue;
        if (total >= offset && rows.length < limit) rows.push(get(i)!);
        total++;
      }
      return { rows, total };
    },
    all() {
      const rows: PreviewRow[] = [];
      for (let i = 0; i < size; i++) {
        const row = get(i);
        if (row) rows.push(row);
      }
      return rows;
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
      rmSync(file, { force: true });
    },
  };
}
