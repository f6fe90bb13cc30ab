import type { SimContext } from './context';
import { CampaignError, oops } from './errors';
import { API_NAMES, type ApiName } from './fields';
import { checkGateway, tooManyRequests } from './gateway';
import type { Incoming, Reply } from './http-io';
import { issueToken } from './ims';
import { type ProfileCall, createProfile, oneProfile, profileCollection } from './profile-routes';
import { profileMetadata } from './metadata';

export const IMS_PATH = '/ims/token/v3';

/** Answers one request (faults and latency are the server's business). */
export function route(inc: Incoming, ctx: SimContext, now: number): Reply {
  if (inc.url.pathname === IMS_PATH) {
    // The rate limit covers every route; IMS answering with the gateway's 429 body is a simplification.
    if (ctx.limiter && !ctx.limiter.allow(now)) return tooManyRequests(ctx.retryAfterSeconds);
    return issueToken(inc.rawBody, ctx.clients, ctx.tokens, ctx.tokenLifetimeSec, now);
  }
  // /<tenant>/campaign/<apiName>/<resource>/…
  const [, tenant, campaign, api = '', ...rest] = inc.url.pathname.split('/');
  if (campaign !== 'campaign' || tenant !== ctx.tenant) return oops().reply();
  const denied = checkGateway(inc.headers, ctx, now);
  if (denied) return denied;
  if (!API_NAMES.includes(api)) return oops().reply();
  try {
    return campaignResource({ inc, api: api as ApiName, ctx, now }, rest.filter((s) => s !== ''));
  } catch (error) {
    if (error instanceof CampaignError) return error.reply();
    throw error;
  }
}

const COLLECTIONS = ['_count', 'byEmail', 'byText'];

function campaignResource(call: ProfileCall, segments: string[]): Reply {
  const [resource, first, ...more] = segments;
  const method = call.inc.method;
  if (resource === 'resourceType' && first === 'profile' && more.length === 0 && method === 'GET') {
    return { status: 200, body: profileMetadata(call.api, call.ctx.baseUrl, call.ctx.metadata) };
  }
  if (resource !== 'profile') throw oops();
  if (first === undefined && method === 'POST') return createProfile(call);
  if (method === 'GET' && (first === undefined || COLLECTIONS.includes(first))) {
    return profileCollection(call, segments.slice(1));
  }
  if (first !== undefined && more.length === 0) return oneProfile(call, first);
  throw oops();
}
