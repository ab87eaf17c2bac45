// Follow-up report analysis over HTTP on PostgreSQL (scripts/with-test-postgres); without a
// server this fails, unless SGWRS_ALLOW_NO_PG=1, when it skips. See analysis_suite.mjs.
import { it } from 'node:test';

import { postgresConfig } from '../support/server.mjs';
import { defineAnalysisSuite } from './analysis_suite.mjs';

const cfg = postgresConfig();
if (cfg.url) {
  defineAnalysisSuite('postgres');
} else if (cfg.skip) {
  it('follow-up report analysis on postgres', { skip: cfg.skip }, () => {});
} else {
  it('follow-up report analysis on postgres', () => {
    throw new Error(cfg.fail);
  });
}
