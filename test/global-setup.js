// Runs once before the Jest suite: is PostgreSQL at TEST_DATABASE_URL (default the local server, database
// `test`) reachable? The PostgreSQL suites run when it is and are skipped, with one line saying so, when
// it is not; with REQUIRE_POSTGRES=1 (CI) an unreachable server fails the run instead.
const { Client } = require('pg');

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

module.exports = async () => {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  let reason;
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    reason = error instanceof Error ? error.message || error.code : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
  const where = url.replace(/\/\/[^@/]*@/, '//');
  if (reason === undefined) {
    process.env.TEST_DATABASE_URL = url;
    process.env.POSTGRES_AVAILABLE = '1';
    return;
  }
  if (process.env.REQUIRE_POSTGRES === '1') {
    throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1) but ${where} is unreachable: ${reason}`);
  }
  process.env.POSTGRES_AVAILABLE = '0';
  process.stdout.write(`\nPostgreSQL not reachable at ${where} (${reason}): skipping the PostgreSQL suites.\n`);
};
