// The HTTP/API suite against SQLite. See suite.mjs.
import { defineApiSuite } from './suite.mjs';

defineApiSuite('sqlite');
