import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbActor } from '../src/db/actorContext.js';
import type { SyntheticSet } from '../src/matching/synthetic/generate.js';
import type { ApiClient, TestApp } from '../test/harness.js';

/** One measurement, as DESIGN.md §8 fixes it: ratio = ours / the raw baseline measured in the same run. */
export type BenchEntry = { name: string; metric: string; value: number; baseline: number; ratio: number; unit: string; n: number };

/** What every benchmark gets: a running app over a populated database, signed in as a caseworker. */
export type BenchContext = {
  app: TestApp;
  quick: boolean;
  set: SyntheticSet;
  /** Person ids by synthetic set index. */
  personIds: string[];
  caseIds: string[];
  /** The caseworker's agency owns every synthetic person and case. */
  actor: DbActor;
  client: ApiClient;
  /** Deterministic pseudo-random numbers, so runs pick the same pages and cases. */
  random: () => number;
};

export type Bench = { name: string; run(context: BenchContext): Promise<BenchEntry[]> };

const round = (value: number) => Math.round(value * 1000) / 1000;

export function entry(name: string, metric: string, value: number, baseline: number, unit: string, n: number): BenchEntry {
  return { name, metric, value: round(value), baseline: round(baseline), ratio: baseline ? round(value / baseline) : 0, unit, n };
}

/**
 * A rate held against the least it may fall to on the machine the budget was set on: the
 * baseline is the budget, so a ratio of 1 or more passes. A miss fails the run (exit code 1)
 * once every result is written, rather than stopping the benchmarks after it.
 */
export function budgetEntry(name: string, value: number, budget: number, unit: string, n: number, metric = ''): BenchEntry {
  if (value < budget) {
    console.error(`${name} ${metric}: ${value.toFixed(3)} ${unit} is under its budget of ${budget} ${unit}`);
    process.exitCode = 1;
  }
  return entry(name, `${metric ? `${metric}, ` : ''}budget: at least ${budget} ${unit}`, value, budget, unit, n);
}

/**
 * A measure held against the most it may rise to (an error, where lower is better): the baseline is
 * the budget, so a ratio of 1 or less passes. A miss fails the run like a missed budgetEntry.
 */
export function ceilingEntry(name: string, value: number, budget: number, unit: string, n: number, metric = ''): BenchEntry {
  if (value > budget) {
    console.error(`${name} ${metric}: ${value.toFixed(3)} ${unit} is over its budget of ${budget} ${unit}`);
    process.exitCode = 1;
  }
  return entry(name, `${metric ? `${metric}, ` : ''}budget: at most ${budget} ${unit}`, value, budget, unit, n);
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** Times `work` once per item after `warmup` untimed runs; returns milliseconds per item. */
export async function timeEach<T>(items: readonly T[], work: (item: T) => Promise<unknown>, warmup = 5): Promise<number[]> {
  for (const item of items.slice(0, warmup)) await work(item);
  const samples: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await work(item);
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * Times two ways of doing the same work on each item, alternately and in alternating order, after
 * `warmup` untimed runs of both: on a shared machine whose load changes during a run, both see
 * the same load, so their ratio holds where two timings one after the other would not.
 */
export async function timeEachPaired<T>(
  items: readonly T[],
  ours: (item: T) => Promise<unknown>,
  baseline: (item: T) => Promise<unknown>,
  warmup = 5,
): Promise<{ ours: number[]; baseline: number[] }> {
  for (const item of items.slice(0, warmup)) {
    await ours(item);
    await baseline(item);
  }
  const samples = { ours: [] as number[], baseline: [] as number[] };
  const timed = async (work: (item: T) => Promise<unknown>, item: T, into: number[]) => {
    const started = performance.now();
    await work(item);
    into.push(performance.now() - started);
  };
  for (const [index, item] of items.entries()) {
    if (index % 2) {
      await timed(baseline, item, samples.baseline);
      await timed(ours, item, samples.ours);
    } else {
      await timed(ours, item, samples.ours);
      await timed(baseline, item, samples.baseline);
    }
  }
  return samples;
}

/** p50 and p95 latency entries of ours against a baseline measured on the same items. */
export function latencyEntries(name: string, ours: readonly number[], baseline: readonly number[]): BenchEntry[] {
  return [
    entry(name, 'p50', percentile(ours, 50), percentile(baseline, 50), 'ms', ours.length),
    entry(name, 'p95', percentile(ours, 95), percentile(baseline, 95), 'ms', ours.length),
  ];
}

/** bench/results at the repository root, whichever directory the benchmark runs from. */
export const RESULTS_DIR = path.resolve(fileURLToPath(new URL('../../bench/results', import.meta.url)));

/** PGlite's results at the top of bench/results, a PostgreSQL server's in bench/results/postgresql. */
export function writeResults(name: string, entries: readonly BenchEntry[], database: 'pglite' | 'postgres'): string {
  const directory = database === 'postgres' ? path.join(RESULTS_DIR, 'postgresql') : RESULTS_DIR;
  fs.mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`);
  return file;
}
