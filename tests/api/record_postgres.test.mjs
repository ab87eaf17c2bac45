// Follow-up report analysis over HTTP on PostgreSQL (scripts/with-test-postgres); without a
// server this fails, unless SGWRS_ALLOW_NO_PG=1, when it skips. See record_suite.mjs.
import { it } from 'node:test';

import { postgresConfig } from '../support/server.mjs';
import { defineRecordSuite } from './record_suite.mjs';

const cfg = postgresConfig();
if (cfg.url) {
  defineRecordSuite('postgres');
} else if (cfg.skip) {
  it('the record on postgres', { skip: cfg.skip }, () => {});
} else {
  it('the record on postgres', () => {
    throw new Error(cfg.fail);
  });
}
