import type { ArgumentsHost } from '@nestjs/common';
import { ProblemFilter } from './problem.filter.js';

/** Runs the filter on one error and returns what it sent. */
function answer(error: unknown): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  const sent = { status: 0, body: {} as Record<string, unknown>, headers: {} as Record<string, string> };
  const res = {
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    type() {
      return this;
    },
    send: (text: string) => (sent.body = JSON.parse(text)),
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ method: 'PATCH', originalUrl: '/api/v1/sheets/x' }), getResponse: () => res }) };
  new ProblemFilter().catch(error, host as unknown as ArgumentsHost);
  return sent;
}

describe('ProblemFilter: errors from PostgreSQL', () => {
  it.each([
    ['22P05', 'NUL in text or jsonb'],
    ['22021', 'a byte sequence invalid in the encoding'],
  ])('answers text PostgreSQL refused to store (%s: %s) with 400, never 500', (code) => {
    const sent = answer(Object.assign(new Error('unsupported Unicode escape sequence'), { code }));
    expect(sent.status).toBe(400);
    expect(sent.body.code).toBe('request.unstorable_text');
  });

  it('answers a database that is away with 503 and Retry-After', () => {
    const sent = answer(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    expect(sent.status).toBe(503);
    expect(sent.body.code).toBe('service.database_unavailable');
    expect(sent.headers['Retry-After']).toBe('2');
  });

  it('still answers an unknown failure with 500', () => {
    expect(answer(new Error('boom')).status).toBe(500);
  });
});
