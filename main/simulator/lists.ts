import { CampaignError, RST } from './errors';
import type { ProfileRecord } from './profile-store';

const DEFAULT_LINE_COUNT = 25;
const SORTABLE = ['lastName', 'firstName', 'email'];
const collator = new Intl.Collator('de');

// The cursor only has to look opaque: clients must follow next.href, never build it.
const encodeCursor = (offset: number): string => `@${Buffer.from(`lineStart/${offset}`).toString('base64url')}`;
function decodeCursor(cursor: string): number {
  const m = /^lineStart\/(\d+)$/.exec(Buffer.from(cursor.slice(1), 'base64url').toString('utf8'));
  if (!cursor.startsWith('@') || !m) throw new CampaignError(500, `${RST} XTK-170036 Unable to parse expression '${cursor}'.`);
  return Number(m[1]);
}

/** Query string with '@' left readable, spaces as %20 (as in `_order=lastName%20desc`). */
function queryString(params: URLSearchParams): string {
  const parts = [...params].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%40/g, '@')}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function lineCount(params: URLSearchParams): number {
  const raw = params.get('_lineCount');
  if (raw === null) return DEFAULT_LINE_COUNT;
  if (!/^[1-9]\d*$/.test(raw)) throw new CampaignError(500, `${RST} The value '${raw}' of the '_lineCount' parameter is not valid.`); // inferred
  return Number(raw);
}

function ordered(records: ProfileRecord[], order: string | null): ProfileRecord[] {
  if (order === null) return records;
  const [field = '', direction, ...rest] = order.trim().split(/\s+/);
  if (!SORTABLE.includes(field) || rest.length > 0 || (direction !== undefined && direction !== 'desc' && direction !== 'asc')) {
    throw new CampaignError(500, `${RST} The '${order}' sort order is not valid for the 'profile' resource.`); // inferred
  }
  const sign = direction === 'desc' ? -1 : 1;
  const text = (r: ProfileRecord) => String(r.values[field] ?? '');
  return [...records].sort((a, b) => sign * collator.compare(text(a), text(b))); // stable: ties keep creation order
}

export interface ListPage {
  records: ProfileRecord[];
  countHref: string;
  nextHref?: string;
}

/** One page of `matching`, with the count link and, unless it is the last page, the next link. */
export function listPage(matching: ProfileRecord[], listHref: string, params: URLSearchParams): ListPage {
  const size = lineCount(params);
  const start = params.has('_lineStart') ? decodeCursor(params.get('_lineStart') ?? '') : 0;
  const sorted = ordered(matching, params.get('_order'));
  const countParams = new URLSearchParams(params);
  countParams.delete('_lineStart');
  const page: ListPage = {
    records: sorted.slice(start, start + size),
    countHref: `${listHref}/_count${queryString(countParams)}`,
  };
  if (start + size < sorted.length) {
    const nextParams = new URLSearchParams(params);
    nextParams.set('_lineStart', encodeCursor(start + size));
    page.nextHref = `${listHref}${queryString(nextParams)}`;
  }
  return page;
}
