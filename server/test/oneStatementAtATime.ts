import { afterAll, expect } from 'vitest';

/**
 * A transaction is one connection running one statement at a time: reads fired together on it
 * only queue in PostgreSQL's driver, which warns once per process (and will refuse in pg 9). Any
 * test file whose code does so fails here, on the PostgreSQL run.
 */
const overlapping: string[] = [];
process.on('warning', (warning) => {
  if (warning.message.includes('already executing a query')) overlapping.push(warning.stack ?? warning.message);
});

afterAll(() => {
  expect(overlapping, 'statements issued on a connection already running one').toEqual([]);
});
