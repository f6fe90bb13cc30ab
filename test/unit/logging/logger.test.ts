import { describe, expect, it } from 'vitest';
import { createLogger, createRedactor } from '../../../main/logging/logger';

describe('logger', () => {
  it('cuts registered secret values from every line', () => {
    const lines: string[] = [];
    const redactor = createRedactor();
    redactor.add('s3cr3t-token-value');
    createLogger((l) => lines.push(l), redactor).error('failed', { error: 'token s3cr3t-token-value rejected' });
    expect(lines[0]).not.toContain('s3cr3t-token-value');
    expect(lines[0]).toContain('[redacted]');
  });

  it('cuts credential-shaped text it was never told about', () => {
    const r = createRedactor();
    expect(r.redact('Authorization: Bearer abc.def-123')).toBe('Authorization: Bearer [redacted]');
    expect(r.redact('client_secret=xyz&scope=a')).toBe('client_secret=[redacted]&scope=a');
    expect(r.redact('{"accessToken":"tok123"}')).toBe('{"accessToken":"[redacted]"}');
  });

  it('leaves ordinary text alone', () => {
    expect(createRedactor().redact('{"apiKey":{"set":true}}')).toBe('{"apiKey":{"set":true}}');
  });
});
