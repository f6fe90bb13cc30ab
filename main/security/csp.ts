/**
 * The renderer's Content Security Policy. Served as a header by the app:// protocol and repeated in
 * index.html, so the Chromium test harness enforces exactly what the packaged app enforces.
 * The renderer makes no network calls of its own (main does), hence connect-src 'none'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
