/**
 * A JSON-lines logger that redacts before it writes: known secret values (registered by whoever reads
 * them from the keychain) and anything shaped like a credential.
 */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface Redactor {
  /** Remember a secret value so that it is cut from everything logged from now on. */
  add(secret: string): void;
  redact(text: string): string;
}

const CREDENTIAL_SHAPES: RegExp[] = [
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /((?:client_secret|access_token|accessToken|clientSecret|apiKey|x-api-key)["']?\s*[:=]\s*["']?)[A-Za-z0-9._~+/=-]+/gi,
];

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  return {
    add(secret) {
      if (secret.length >= 4) secrets.add(secret);
    },
    redact(text) {
      let out = text;
      for (const s of secrets) out = out.split(s).join('[redacted]');
      for (const shape of CREDENTIAL_SHAPES) out = out.replace(shape, '$1[redacted]');
      return out;
    },
  };
}

export function createLogger(write: (line: string) => void, redactor: Redactor, now: () => Date = () => new Date()): Logger {
  const log = (level: string) => (message: string, data?: Record<string, unknown>) =>
    write(redactor.redact(JSON.stringify({ time: now().toISOString(), level, message, ...data })));
  return { info: log('info'), warn: log('warn'), error: log('error') };
}
