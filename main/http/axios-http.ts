/** HttpClient over axios: the only file that imports axios. */
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { HttpFailure, type HttpClient } from './http-client';

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);

function failure(err: unknown): HttpFailure {
  if (err instanceof AxiosError) {
    const kind = TIMEOUT_CODES.has(err.code ?? '') ? 'timeout' : 'network';
    return new HttpFailure(kind, err.code, err.message);
  }
  return new HttpFailure('network', undefined, (err as Error)?.message ?? String(err));
}

export function createAxiosHttp(): HttpClient {
  const instance: AxiosInstance = axios.create({
    // Answers are read as text and parsed by the caller, so a body that is not JSON becomes a clear error.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxRedirects: 0,
    validateStatus: () => true,
  });
  return {
    async send(request) {
      try {
        const res = await instance.request({
          method: request.method,
          url: request.url,
          headers: request.headers,
          data: request.body,
          timeout: request.timeoutMs,
        });
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(res.headers)) headers[name.toLowerCase()] = value === undefined || value === null ? undefined : String(value);
        return { status: res.status, headers, body: typeof res.data === 'string' ? res.data : String(res.data ?? '') };
      } catch (err) {
        throw failure(err);
      }
    },
  };
}
