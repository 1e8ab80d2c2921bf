import { createHash } from 'node:crypto';
import { type PGlite, parse, protocol, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';

/** The texts run as named statements, by text: what PGlite's client, which drizzle gives no name, looks them up by. */
const statementNames = new Map<string, string>();

type NamedQuery<T> = { prepare(name: string): { getQuery(): { sql: string }; execute(): Promise<T> } };

/**
 * Runs a query the application asks on every request as a statement the database parses and
 * plans once per connection and then only binds: on PostgreSQL through the driver's named
 * statements, on PGlite through `usePreparedStatements`. Only for queries whose text is the same
 * on every call (values are parameters), so one name always means one text.
 */
export function preparedAs<T>(name: string, query: NamedQuery<T>): Promise<T> {
  const statement = query.prepare(name);
  const text = statement.getQuery().sql;
  const known = statementNames.get(text);
  if (known !== undefined && known !== name) throw new Error(`The statement ${name} has the text of ${known}`);
  statementNames.set(text, name);
  return statement.execute();
}

/**
 * Texts a family of statements may keep prepared: each connection holds every one it has run, so
 * a family whose filters combine in many ways stops naming new texts at this many and runs the
 * rest as before, parsed and planned each time.
 */
const MOST_TEXTS_PER_FAMILY = 64;
const familySizes = new Map<string, number>();

type TextQuery<T> = NamedQuery<T> & { toSQL(): { sql: string }; execute(): Promise<T> };

/**
 * `preparedAs` for a query whose text varies with its filters but repeats (a caseload page with
 * one set of filters): each text its own statement, named by the family and a hash of the text.
 */
export function preparedByText<T>(family: string, query: TextQuery<T>): Promise<T> {
  const text = query.toSQL().sql;
  const known = statementNames.get(text);
  if (known !== undefined) return preparedAs(known, query);
  const size = familySizes.get(family) ?? 0;
  if (size >= MOST_TEXTS_PER_FAMILY) return query.execute();
  familySizes.set(family, size + 1);
  return preparedAs(`${family}_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`, query);
}

/**
 * PGlite runs every query as an unnamed statement, parsed and planned anew. For the texts
 * `preparedAs` names, this sends the Parse once per database and afterwards only Bind and
 * Execute, as PostgreSQL's driver does with a named statement.
 */
export function usePreparedStatements(client: PGlite): void {
  const parsed = new Map<string, { text: string; parameterTypes: number[] }>();
  const stream = (message: Uint8Array) => client.execProtocolStream(message, { syncToFs: false });

  async function runNamed<T>(name: string, text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    return client._runExclusiveQuery(async () => {
      const messages = [];
      try {
        let statement = parsed.get(name);
        if (!statement) {
          messages.push(...(await stream(protocol.serialize.parse({ name, text }))));
          const parameterTypes = parse.parseDescribeStatementResults(await stream(protocol.serialize.describe({ type: 'S', name })));
          statement = { text, parameterTypes };
          parsed.set(name, statement);
        }
        if (statement.text !== text) throw new Error(`The statement ${name} was prepared with another text`);
        const values = params.map((value, index) => {
          if (value === null || value === undefined) return null;
          const serializer = client.serializers[statement.parameterTypes[index]!];
          return serializer ? serializer(value) : String(value);
        });
        messages.push(
          ...(await stream(protocol.serialize.bind({ statement: name, values }))),
          ...(await stream(protocol.serialize.describe({ type: 'P' }))),
          ...(await stream(protocol.serialize.execute({}))),
        );
      } finally {
        messages.push(...(await stream(protocol.serialize.sync())));
      }
      if (!client.isInTransaction()) await client.syncToFs();
      return parse.parseResults(messages, client.parsers, options)[0] as Results<T>;
    });
  }

  const query = client.query.bind(client);
  client.query = <T>(text: string, params?: unknown[], options?: QueryOptions) => {
    const name = statementNames.get(text);
    // Outside a transaction, as the client's own query: never inside another caller's open one.
    return name ? client._runExclusiveTransaction(() => runNamed<T>(name, text, params, options)) : query<T>(text, params, options);
  };
  const transaction = client.transaction.bind(client);
  client.transaction = <T>(work: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      const named: Transaction = Object.create(tx);
      named.query = <R>(text: string, params?: unknown[], options?: QueryOptions) => {
        const name = statementNames.get(text);
        return name ? runNamed<R>(name, text, params, options) : tx.query<R>(text, params, options);
      };
      return work(named);
    });
}
