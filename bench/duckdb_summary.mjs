// The summary question in DuckDB SQL, for kexport's benchmark: over read_csv of a CSV file, or
// over the table `exports` of a .duckdb database made by duckdb_import.mjs (DuckDB's own cache).
// Usage: node duckdb_summary.mjs FILE.csv|DIR/*.csv|FILE.jsonl|FILE.json|FILE.duckdb PROVINCE [THREADS] [wide]
// PROVINCE is the name as the file writes it; `wide` reads the layout of bench/generate_wide.py.
// Prints one JSON object with exact decimal strings, the same figures kexport's summary gives.
import { DuckDBInstance } from '@duckdb/node-api';

const [file, province, threads = '2', shape = 'canonical'] = process.argv.slice(2);
const wide = shape === 'wide';
const quote = (s) => `'${s.replaceAll("'", "''")}'`;
const persisted = file.endsWith('.duckdb');
const instance = persisted
  ? await DuckDBInstance.create(file, { threads, access_mode: 'READ_ONLY' })
  : await DuckDBInstance.create(':memory:', { threads });
const db = await instance.connect();
// A CSV file or a directory's CSV files (FILE ending in /*.csv), JSON Lines, a JSON array.
const json = file.endsWith('.jsonl') || file.endsWith('.json');
const columns = `{'period': 'VARCHAR', 'province': 'VARCHAR', 'country': 'VARCHAR', 'country_code': 'VARCHAR', 'value_usd': 'DECIMAL(18,2)', 'source': 'VARCHAR', 'basis': 'VARCHAR', 'vintage': 'VARCHAR'}`;
const source = persisted
  ? 'exports'
  : json
    ? `read_json(${quote(file)}, format = '${file.endsWith('.jsonl') ? 'newline_delimited' : 'array'}', columns = ${columns})`
    : wide
      ? `read_csv(${quote(file)}, header = true, types = {'İhracat (ABD Doları)': 'DECIMAL(18,2)'})`
      : `read_csv(${quote(file)}, header = true, types = {'period': 'VARCHAR', 'value_usd': 'DECIMAL(18,2)'})`;
// The month as an index (year * 12 + month - 1), the destination's code, the province and the value.
const [monthOf, code, name, value] = wide
  ? ['"Yıl" * 12 + "Ay" - 1', '"Ülke Kodu"', '"İl"', '"İhracat (ABD Doları)"']
  : ['CAST(substr(period, 1, 4) AS INTEGER) * 12 + CAST(substr(period, 6, 2) AS INTEGER) - 1', 'country_code', 'province', 'value_usd'];

// One scan of the file: per month and destination, the province's sum (NULL where it sold
// nothing); every month of the file is a group, so the latest month is the file's latest.
await db.run(`
  CREATE TEMP TABLE g AS
  SELECT ${monthOf} AS m, ${code} AS country_code, sum(${value}) FILTER (WHERE ${name} = ${quote(province)}) AS v
  FROM ${source}
  GROUP BY ALL`);
await db.run(`CREATE TEMP TABLE latest AS SELECT max(m) AS m FROM g`);
await db.run(`CREATE TEMP TABLE k AS SELECT m, country_code, v FROM g WHERE v IS NOT NULL`);
await db.run(`CREATE TEMP TABLE monthly AS SELECT m, sum(v) AS v FROM k GROUP BY m`);

const one = async (sql) => {
  const rows = (await db.runAndReadAll(sql)).getRowObjects();
  return rows.length ? rows[0] : {};
};
const L = '(SELECT m FROM latest)';
const figures = await one(`
  SELECT ${L} AS month,
    (SELECT v FROM monthly WHERE m = ${L})::VARCHAR AS value,
    (SELECT v FROM monthly WHERE m = ${L} - 1)::VARCHAR AS previous_month,
    (SELECT v FROM monthly WHERE m = ${L} - 12)::VARCHAR AS previous_year,
    (SELECT sum(v) FROM monthly WHERE m BETWEEN ${L} - 11 AND ${L})::VARCHAR AS rolling_12m,
    (SELECT sum(v) FROM monthly WHERE m BETWEEN ${L} - 23 AND ${L} - 12)::VARCHAR AS rolling_12m_previous,
    (SELECT sum(v) FROM monthly WHERE m BETWEEN ${L} - ${L} % 12 AND ${L})::VARCHAR AS year_to_date,
    (SELECT sum(v) FROM monthly WHERE m BETWEEN ${L} - ${L} % 12 - 12 AND ${L} - 12)::VARCHAR AS year_to_date_previous,
    (SELECT count(*) FROM k WHERE m = ${L} AND v > 0) AS countries`);
const top = (await db.runAndReadAll(`
  SELECT a.country_code, a.v::VARCHAR AS value, b.v::VARCHAR AS previous_year
  FROM k a LEFT JOIN k b ON b.country_code = a.country_code AND b.m = a.m - 12
  WHERE a.m = ${L} AND a.v > 0
  ORDER BY a.v DESC LIMIT 10`)).getRowObjects();

const month = Number(figures.month);
const iso = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
console.log(JSON.stringify({ ...figures, month: iso, countries: Number(figures.countries), top }));
