/** What a job may ask of the queue when it is sent (the subset both back ends honour alike). */
export type JobOptions = {
  /** While a job with this key waits, another send with the same key is dropped (returns null). */
  singletonKey?: string;
  retryLimit?: number;
  /** Seconds before the first retry. */
  retryDelay?: number;
  /** Doubles the delay at each retry. */
  retryBackoff?: boolean;
  startAfter?: Date;
};

export type ScheduleOptions = { tz?: string };

export type Job<T> = { id: string; name: string; data: T };
export type JobHandler<T> = (job: Job<T>) => Promise<void>;

/**
 * DESIGN.md §7: background work through one interface, backed by pg-boss on a PostgreSQL server
 * and by an embedded runner on PGlite, with the same semantics (retries with backoff, singleton
 * keys, schedules), so that the demo and tests exercise the code production runs.
 */
export interface JobQueue {
  send<T extends object>(name: string, data: T, options?: JobOptions): Promise<string | null>;
  work<T extends object>(name: string, handler: JobHandler<T>): Promise<void>;
  /** Runs `name` with `data` at every time the five-field cron expression names, read on the wall clock of `tz` (UTC unless given). */
  schedule(name: string, cron: string, data?: object, options?: ScheduleOptions): Promise<void>;
  stop(): Promise<void>;
}

/** The delay before retry number `attempt` (1-based), in seconds. */
export const retryDelaySeconds = (delay: number, backoff: boolean, attempt: number) =>
  backoff ? Math.max(delay, 1) * 2 ** (attempt - 1) : delay;
