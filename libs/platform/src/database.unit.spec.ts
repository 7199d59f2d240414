import { DatabaseUnavailableError, isDatabaseUnavailable } from './database.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises a server that is away, shutting down, refusing or dropping connections', () => {
    expect(isDatabaseUnavailable(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('the database system is starting up', '57P03'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('connection failure', '08006'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('sorry, too many clients already', '53300'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new DatabaseUnavailableError('append outcome unknown'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: withCode('terminating connection', '57P01') }))).toBe(true);
  });

  it("leaves statement errors alone: they are the request's or the code's, not the connection's", () => {
    expect(isDatabaseUnavailable(withCode('unsupported Unicode escape sequence', '22P05'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('injected failure', 'P0001'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('es_append answered nonsense'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
