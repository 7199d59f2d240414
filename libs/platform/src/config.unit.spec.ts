import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 3000 and the embedded PostgreSQL under .data', () => {
    const config = loadConfig({}, '/srv/kensho');
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, dataDir: '/srv/kensho/.data', eventStoreConnectionString: null });
  });

  it('honours PORT and DATABASE_URL', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kensho' });
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgres://postgres@127.0.0.1:5432/kensho' });
  });

  it('rates KPIs at 1.0 (on track) and 0.8 (roughly on track) unless told otherwise', () => {
    expect(loadConfig({}).kpiRating).toEqual({ onTrack: 1, roughly: 0.8 });
    expect(loadConfig({ KPI_RATING_ON_TRACK: '0.95', KPI_RATING_ROUGHLY: '0.7' }).kpiRating).toEqual({ onTrack: 0.95, roughly: 0.7 });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must use postgres:\/\//],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a URL/],
    [{ EVENTSTORE_CONNECTION_STRING: 'http://x' }, /EVENTSTORE_CONNECTION_STRING must start with esdb:\/\//],
    [{ EVENTSTORE_CONNECTION_STRING: 'kurrentdb://localhost:2113?tls=false' }, /kurrentdb:\/\/ is not understood .* write esdb:\/\//],
    [{ EVENTSTORE_CONNECTION_STRING: 'kdb+discover://a,b?tls=false' }, /kdb:\/\/ is not understood .* write esdb\+discover:\/\//],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ KPI_RATING_ON_TRACK: 'high' }, /KPI_RATING_ON_TRACK must be a decimal rate/],
    [{ KPI_RATING_ON_TRACK: '0' }, /KPI_RATING_ON_TRACK must be above 0 and at most 10/],
    [{ KPI_RATING_ROUGHLY: '-0.5' }, /KPI_RATING_ROUGHLY must be a decimal rate/],
    [{ KPI_RATING_ROUGHLY: '80%' }, /KPI_RATING_ROUGHLY must be a decimal rate/],
    [{ KPI_RATING_ON_TRACK: '0.9', KPI_RATING_ROUGHLY: '0.95' }, /KPI_RATING_ROUGHLY must not be above KPI_RATING_ON_TRACK \(0.9\)/],
  ])('stops on a bad value and names it: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
