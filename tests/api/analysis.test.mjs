// Follow-up report analysis over HTTP on SQLite. See analysis_suite.mjs.
import { defineAnalysisSuite } from './analysis_suite.mjs';

defineAnalysisSuite('sqlite');
