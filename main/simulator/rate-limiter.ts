/** Sliding window: at most `requests` accepted within any `perSeconds`; refused requests do not count. */
export class RateLimiter {
  private readonly accepted: number[] = [];
  private readonly requests: number;
  private readonly windowMs: number;

  constructor(requests: number, perSeconds: number) {
    this.requests = requests;
    this.windowMs = perSeconds * 1000;
  }

  allow(now: number): boolean {
    while (this.accepted.length > 0 && (this.accepted[0] ?? 0) <= now - this.windowMs) this.accepted.shift();
    if (this.accepted.length >= this.requests) return false;
    this.accepted.push(now);
    return true;
  }
}
