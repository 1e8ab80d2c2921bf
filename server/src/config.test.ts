import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const POSTGRES = 'postgres://seamless@db.internal:5432/seamless';

describe('configuration', () => {
  it('loads the demo on the embedded database unless told not to', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('keeps the demo and its published password off a real PostgreSQL server unless asked for explicitly', () => {
    expect(loadConfig({ DATABASE_URL: POSTGRES }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: POSTGRES, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('names the field of a setting it cannot read', () => {
    expect(() => loadConfig({ SEED_DEMO: 'sometimes' })).toThrow(/SEED_DEMO/);
  });

  it('refuses several worker processes on the embedded database, which one process opens', () => {
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS: 2 processes need a PostgreSQL server \(DATABASE_URL\)/);
    expect(loadConfig({ WORKERS: '2', DATABASE_URL: 'postgres://db.example/seamless' }).workers).toBe(2);
    expect(loadConfig({}).workers).toBe(1);
  });

  it('runs daily work on the Bangkok clock unless another IANA zone is named', () => {
    expect(loadConfig({}).scheduleTimeZone).toBe('Asia/Bangkok');
    expect(loadConfig({ SCHEDULE_TIME_ZONE: 'Asia/Yangon' }).scheduleTimeZone).toBe('Asia/Yangon');
    expect(() => loadConfig({ SCHEDULE_TIME_ZONE: 'Bangkok' })).toThrow(/SCHEDULE_TIME_ZONE/);
  });
});
