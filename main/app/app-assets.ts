import { extname, resolve, sep } from 'node:path';

/** The renderer's origin; IPC answers only pages served from here. */
export const APP_ORIGIN = 'app://profile-desk';
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export const isAppUrl = (url: string): boolean => url.startsWith(`${APP_ORIGIN}/`);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Maps an app:// URL to a file under the renderer folder; null for anything outside it. */
export function resolveAsset(rootDir: string, url: string): { file: string; mime: string } | null {
  let pathname: string;
  try {
    const u = new URL(url);
    if (`${u.protocol}//${u.host}` !== APP_ORIGIN) return null;
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  const root = resolve(rootDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  if (!file.startsWith(root + sep)) return null;
  const mime = MIME[extname(file)];
  return mime ? { file, mime } : null;
}
