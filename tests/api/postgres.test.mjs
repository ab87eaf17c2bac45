// The HTTP/API suite against PostgreSQL, on the server that scripts/with-test-postgres starts
// (SGWRS_TEST_PG_URL, SGWRS_TEST_PG_ADMIN_URL). Without it this file fails, unless
// SGWRS_ALLOW_NO_PG=1, when it skips — the same rule as the C++ store and service suites.
import { it } from 'node:test';

import { postgresConfig } from '../support/server.mjs';
import { defineApiSuite } from './suite.mjs';

const cfg = postgresConfig();
if (cfg.url) {
  defineApiSuite('postgres');
} else if (cfg.skip) {
  it('HTTP and API on postgres', { skip: cfg.skip }, () => {});
} else {
  it('HTTP and API on postgres', () => {
    throw new Error(cfg.fail);
  });
}
