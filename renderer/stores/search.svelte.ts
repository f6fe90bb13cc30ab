/** The one search box: what was typed, the last search and its results, kept while a profile is open. */
import type { AppError } from '../../main/model/errors';
import type { FindKind, ProfileHit } from '../../main/model/profile';
import { desk } from '../lib/desk';

export interface SearchState {
  connectionId: string;
  /** What was searched for, as sent. */
  query: string;
  kind: FindKind;
  hits: ProfileHit[];
  next?: string;
}

class Search {
  /** The text in the search box, kept across screens. */
  input = $state('');
  /** The last search and its results (all pages loaded so far). */
  result = $state.raw<SearchState | null>(null);
  /** The profile last opened from the results, so coming back puts the focus on its row. */
  lastOpened = $state<string | null>(null);

  /** Runs a search; the results replace the previous ones. */
  async find(connectionId: string, query: string): Promise<AppError | null> {
    const answer = await desk.findProfiles({ connectionId, query });
    if (!answer.ok) return answer.error;
    this.result = { connectionId, query, ...answer.value };
    this.lastOpened = null;
    return null;
  }

  /** The next page, appended; answers the hits that were new. */
  async more(): Promise<{ added: ProfileHit[] } | { error: AppError } | null> {
    const current = this.result;
    if (!current?.next) return null;
    const answer = await desk.findMoreProfiles({ connectionId: current.connectionId, next: current.next, kind: current.kind });
    if (!answer.ok) return { error: answer.error };
    const known = new Set(current.hits.map((h) => h.pkey));
    const added = answer.value.hits.filter((h) => !known.has(h.pkey));
    const { next: _old, ...rest } = current;
    this.result = { ...rest, hits: [...current.hits, ...added], ...(answer.value.next ? { next: answer.value.next } : {}) };
    return { added };
  }

  clear(): void {
    this.result = null;
    this.input = '';
    this.lastOpened = null;
  }
}

export const search = new Search();
