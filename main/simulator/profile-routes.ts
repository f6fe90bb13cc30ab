import type { SimContext } from './context';
import { CampaignError, RST, notFound, oops } from './errors';
import type { ApiName } from './fields';
import type { Incoming, Reply } from './http-io';
import { listPage } from './lists';
import { isWellFormedPKey } from './pkey';
import type { ProfileRecord } from './profile-store';
import { profileHref, renderProfile } from './profile-view';
import { validateWrite } from './validation';

export interface ProfileCall {
  inc: Incoming;
  api: ApiName;
  ctx: SimContext;
  now: number;
}

const ok = (body: unknown, status = 200): Reply => ({ status, body });

function jsonBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new CampaignError(500, `${RST} The request body is not valid JSON.`); // inferred
  }
}

function requiredParam(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null) throw new CampaignError(500, `${RST} The '${name}' parameter is mandatory.`); // inferred
  return value;
}

/** byEmail: exact, case-insensitive. byText: case-sensitive prefix of email or last name. */
function filterFor(name: string, params: URLSearchParams): ((r: ProfileRecord) => boolean) | undefined {
  const text = (r: ProfileRecord, field: string) => String(r.values[field] ?? '');
  if (name === 'byEmail') {
    const email = requiredParam(params, 'email').toLowerCase();
    return (r) => text(r, 'email').toLowerCase() === email;
  }
  if (name === 'byText') {
    const prefix = requiredParam(params, 'text');
    return (r) => text(r, 'email').startsWith(prefix) || text(r, 'lastName').startsWith(prefix);
  }
  return undefined;
}

function list(call: ProfileCall, matching: ProfileRecord[], listHref: string): Reply {
  const page = listPage(matching, listHref, call.inc.url.searchParams);
  return ok({
    content: page.records.map((r) => renderProfile(r, call.api, call.ctx.baseUrl, call.now)),
    count: { href: page.countHref },
    ...(page.nextHref ? { next: { href: page.nextHref } } : {}),
    serverSidePagination: true,
  });
}

/** GET …/profile[/byEmail|/byText][/_count]: `rest` is what follows `profile`. */
export function profileCollection(call: ProfileCall, rest: string[]): Reply {
  const all = call.ctx.store.all();
  const root = `${call.ctx.baseUrl}/${call.api}/profile`;
  const [first, second] = rest;
  if (first === undefined) return list(call, all, root);
  if (first === '_count' && rest.length === 1) return ok({ count: all.length });
  const filter = filterFor(first, call.inc.url.searchParams);
  if (!filter || rest.length > 2 || (second !== undefined && second !== '_count')) throw oops();
  const matching = all.filter(filter);
  return second === '_count' ? ok({ count: matching.length }) : list(call, matching, `${root}/${first}`);
}

export function createProfile(call: ProfileCall): Reply {
  const values = validateWrite(jsonBody(call.inc.rawBody), call.api);
  const record = call.ctx.store.create(values, call.now);
  return ok(renderProfile(record, call.api, call.ctx.baseUrl, call.now), 201); // 201 inferred (the doc gives none)
}

/** GET, PATCH or DELETE …/profile/<PKey>. */
export function oneProfile(call: ProfileCall, pkey: string): Reply {
  const { inc, api, ctx, now } = call;
  if (!isWellFormedPKey(pkey)) throw new CampaignError(500, `${RST} XTK-170036 Unable to parse expression '${pkey}'.`);
  const record = ctx.store.get(pkey);
  if (!record) throw notFound();
  switch (inc.method) {
    case 'GET': {
      const profile = renderProfile(record, api, ctx.baseUrl, now);
      return ok(ctx.wrapGetInContent ? { content: [profile] } : profile);
    }
    case 'PATCH':
      ctx.store.update(pkey, validateWrite(jsonBody(inc.rawBody), api), now);
      return ok({ PKey: pkey, href: profileHref(ctx.baseUrl, api, pkey) });
    case 'DELETE':
      ctx.store.remove(pkey);
      return ok({});
    default:
      throw oops();
  }
}
