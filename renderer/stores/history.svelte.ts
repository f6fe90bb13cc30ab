/** The local audit trail: every save made on this computer, its CSV export, and undoing a change. */
import type { AppError, Result } from '../../main/model/errors';
import type { SavedFile } from '../../main/model/files';
import type { CsvLabels, HistoryFilter, HistoryPage, HistoryRow } from '../../main/model/history';
import { desk } from '../lib/desk';
import { editing } from './editing.svelte';

class History {
  list(filter: HistoryFilter): Promise<Result<HistoryPage>> {
    return desk.listHistory(filter);
  }

  /** The rows of this filter as a CSV file, in the operator's language, saved where the operator chooses. */
  exportCsv(filter: HistoryFilter, labels: CsvLabels): Promise<Result<SavedFile>> {
    return desk.exportHistory({ filter, labels });
  }

  /** Opens the profile as it is now with the row's old values as edits, on the way to Review. */
  undo(row: HistoryRow): Promise<AppError | null> {
    return editing.open(row.connection.id, row.pkey, { as: 'undo', row });
  }
}

export const history = new History();
