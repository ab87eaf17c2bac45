// The record of people and families over HTTP on SQLite. See record_suite.mjs.
import { defineRecordSuite } from './record_suite.mjs';

defineRecordSuite('sqlite');
