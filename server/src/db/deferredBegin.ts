import pg from 'pg';

/** What the transaction's own `begin` is answered with while it waits for the statement after it. */
const begun = { command: 'BEGIN', rowCount: null, oid: 0, rows: [], fields: [] };

type QueryConfig = { text?: string; name?: string; values?: unknown[]; callback?: unknown };

const textOf = (config: unknown) => (typeof config === 'string' ? config : (config as QueryConfig | null)?.text);

/** A statement sent with the simple protocol: text only, no parameters, no name, answered as a promise. */
function isPlain(args: unknown[]): boolean {
  const [config, values, callback] = args;
  if (typeof values === 'function' || typeof callback === 'function') return false;
  if (config !== null && typeof config === 'object' && ((config as QueryConfig).name || (config as QueryConfig).callback)) return false;
  const parameters = (Array.isArray(values) ? values : (config as QueryConfig | null)?.values) ?? [];
  return typeof textOf(config) === 'string' && parameters.length === 0;
}

/**
 * A PostgreSQL connection that sends a transaction's `begin` together with the statement after it
 * when that statement has no parameters (the actor's settings, `asActor`), as one simple query:
 * one round trip fewer for every transaction. A simple query of several statements stops at the
 * first error, so nothing runs after a `begin` that failed. Any other next statement gets the
 * `begin` on its own first, as before.
 */
export class DeferredBeginClient extends pg.Client {
  private beginPending = false;

  override query(...args: any[]): any {
    if (isPlain(args) && textOf(args[0]) === 'begin' && !this.beginPending) {
      this.beginPending = true;
      return Promise.resolve(begun);
    }
    if (!this.beginPending) return (super.query as (...a: unknown[]) => unknown)(...args);
    this.beginPending = false;
    const send = super.query.bind(this) as (...a: unknown[]) => any;
    if (isPlain(args)) {
      const [config] = args;
      const text = `begin; ${textOf(config)}`;
      const combined = typeof config === 'string' ? text : { ...config, text };
      return send(combined).then((results: unknown) => (Array.isArray(results) ? results[results.length - 1] : results));
    }
    const callback = args.find((arg) => typeof arg === 'function') as ((error: Error) => void) | undefined;
    const afterBegin = send('begin').then(() => send(...args));
    if (!callback) return afterBegin;
    afterBegin.catch(callback);
    return undefined;
  }
}
