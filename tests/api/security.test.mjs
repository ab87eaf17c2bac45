// Regression tests for the black-box probe's defects (issue 7), on both engines.
import { it } from 'node:test';

import { definePostgresSuite } from '../support/server.mjs';
import { defineSecuritySuite } from './security_suite.mjs';

defineSecuritySuite('sqlite');
definePostgresSuite('Security regressions', defineSecuritySuite, it);
