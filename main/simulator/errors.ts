import type { Reply } from './http-io';

export const OOPS = 'Oops. Something went wrong. Check your URI and try again.';
/** Campaign prefixes most of its REST errors with this. */
export const RST = 'RST-360011 An error has occurred - please repeat your request.';

/** An error Campaign itself reports: body `{"code": status, "message": ...}` (validation failures are 500). */
export class CampaignError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
  reply(): Reply {
    return { status: this.status, body: { code: this.status, message: this.message } };
  }
}

export const oops = (): CampaignError => new CampaignError(500, OOPS);

// Wording inferred: the doc only gives "404 RST-360011 …".
export const notFound = (): CampaignError =>
  new CampaignError(404, `${RST} Document of identifier 'nms:recipient' not found.`);

/** An error from the Adobe I/O gateway in front of Campaign. */
export function gatewayError(status: number, code: string, message: string, headers?: Record<string, string>): Reply {
  return { status, body: { error_code: code, message }, headers };
}
