// Loads a canonical CSV into a DuckDB database file (table `exports`): DuckDB's answer to "the
// data is already loaded", the peer of kexport's cache in the benchmark.
// Usage: node duckdb_import.mjs FILE.csv FILE.duckdb
import { DuckDBInstance } from '@duckdb/node-api';

const [csv, database] = process.argv.slice(2);
const quote = (s) => `'${s.replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(database);
const db = await instance.connect();
await db.run(`CREATE OR REPLACE TABLE exports AS SELECT * FROM read_csv(${quote(csv)}, header = true,
              types = {'period': 'VARCHAR', 'value_usd': 'DECIMAL(18,2)'})`);
await db.run('CHECKPOINT');
