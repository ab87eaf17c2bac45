// Shared helpers for the Node test suites (tests/api, tests/e2e): a demo database made once
// per test file, servers started on port 0 and always stopped, a tiny cookie jar, sign-in
// through the real form, and raw sockets for requests that fetch() refuses to send.
//
// The binary comes from env SGWRS_BIN (default build/src/sgwrs, relative to the repository).
// PostgreSQL: SGWRS_TEST_PG_URL / SGWRS_TEST_PG_ADMIN_URL (see scripts/with-test-postgres);
// without them the PostgreSQL variants fail unless SGWRS_ALLOW_NO_PG=1 (then they skip).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sgwrsBin = path.resolve(repoRoot, process.env.SGWRS_BIN || 'build/src/sgwrs');
export const DEMO_PASSWORD = 'demo-pass-Gl4ntawe';

export const accounts = {
  admin: 'admin@glantawe.example',
  leader: 'leader@glantawe.example',
  manager: 'manager@glantawe.example',
  practitioner: 'practitioner@glantawe.example',
  mentor: 'mentor@glantawe.example',
  analyst: 'analyst@glantawe.example',
};

/** The two message catalogues, flattened to { 'core.nav.home': 'Home', ... }. */
export function loadCatalogue(lang) {
  const raw = JSON.parse(fs.readFileSync(path.join(repoRoot, 'web', 'i18n', `${lang}.json`), 'utf8'));
  const out = {};
  const walk = (prefix, v) => {
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x);
    else out[prefix] = v;
  };
  walk('', raw);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Processes

const live = new Set();
process.on('exit', () => {
  for (const p of live) {
    try {
      p.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

function ensureBinary() {
  if (!fs.existsSync(sgwrsBin)) throw new Error(`sgwrs binary not found at ${sgwrsBin} (set SGWRS_BIN)`);
}

/** Runs sgwrs to completion; throws with its output when it fails. */
function runSgwrs(args, { timeoutMs = 120_000 } = {}) {
  ensureBinary();
  const r = spawnSync(sgwrsBin, args, { encoding: 'utf8', timeout: timeoutMs });
  if (r.error || r.status !== 0) {
    throw new Error(
      `sgwrs ${args.join(' ')} failed (status ${r.status}, ${r.error ?? ''}):\n${r.stdout}\n${r.stderr}`,
    );
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/**
 * Mirrors the C++ suites' rule: { url, adminUrl } when SGWRS_TEST_PG_URL is set; otherwise
 * { skip: reason } when SGWRS_ALLOW_NO_PG=1, or { fail: reason }.
 */
export function postgresConfig() {
  const url = process.env.SGWRS_TEST_PG_URL;
  if (url) {
    const adminUrl = process.env.SGWRS_TEST_PG_ADMIN_URL;
    if (!adminUrl) return { fail: 'SGWRS_TEST_PG_URL is set but SGWRS_TEST_PG_ADMIN_URL is not' };
    return { url, adminUrl };
  }
  const reason = 'SGWRS_TEST_PG_URL is not set (run under scripts/with-test-postgres)';
  if (process.env.SGWRS_ALLOW_NO_PG === '1') return { skip: `${reason}; skipped because SGWRS_ALLOW_NO_PG=1` };
  return { fail: `${reason}; set SGWRS_ALLOW_NO_PG=1 to skip the PostgreSQL variant` };
}

function psql(adminUrl, sql) {
  const r = spawnSync('/usr/bin/psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error || r.status !== 0) throw new Error(`psql ${sql} failed: ${r.error ?? ''}${r.stderr}`);
}

function pgUrlFor(baseUrl, dbName) {
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
}

// ---------------------------------------------------------------------------------------------
// Demo databases

/**
 * Makes the demo database once: engine 'sqlite' (a file in a temp dir) or 'postgres' (a fresh
 * database on the test server). Returns a handle for fresh() copies and cleanup().
 */
export function makeDemoDb(engine = 'sqlite') {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgwrs-node-test-'));
    const file = path.join(dir, 'demo.db');
    runSgwrs(['--db', `sqlite:${file}`, 'demo', '--password', DEMO_PASSWORD]); // waits for exit
    let n = 0;
    return {
      engine,
      url: `sqlite:${file}`,
      /** A pristine copy of the demo database for one server. */
      fresh() {
        const copy = path.join(dir, `copy-${++n}.db`);
        fs.copyFileSync(file, copy);
        return `sqlite:${copy}`;
      },
      cleanup() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (engine === 'postgres') {
    const cfg = postgresConfig();
    if (!cfg.url) throw new Error(cfg.fail ?? cfg.skip);
    const stem = `sgwrs_node_${process.pid}_${randomBytes(3).toString('hex')}`;
    const demoName = `${stem}_demo`;
    psql(cfg.adminUrl, `CREATE DATABASE ${demoName}`);
    const made = [demoName];
    runSgwrs(['--db', pgUrlFor(cfg.url, demoName), 'demo', '--password', DEMO_PASSWORD]);
    let n = 0;
    return {
      engine,
      url: pgUrlFor(cfg.url, demoName),
      /** A pristine copy: a new database made from the demo one as its template. */
      fresh() {
        const name = `${stem}_${++n}`;
        psql(cfg.adminUrl, `CREATE DATABASE ${name} TEMPLATE ${demoName}`);
        made.push(name);
        return pgUrlFor(cfg.url, name);
      },
      cleanup() {
        for (const name of made.reverse()) {
          try {
            psql(cfg.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          } catch {
            /* best effort */
          }
        }
      },
    };
  }
  throw new Error(`unknown engine ${engine}`);
}

// ---------------------------------------------------------------------------------------------
// Servers

/**
 * Starts `sgwrs serve` on 127.0.0.1:0 and resolves once it prints its listening line.
 * Returns { base, port, host, proc, output(), stop() }.
 */
export function startServer(dbUrl, { idleSeconds, accessLog = false, extraArgs = [], timeoutMs = 30_000 } = {}) {
  ensureBinary();
  const args = ['--db', dbUrl, 'serve', '--listen', '127.0.0.1:0'];
  if (idleSeconds !== undefined) args.push('--session-idle-seconds', String(idleSeconds));
  if (!accessLog) args.push('--no-access-log');
  args.push(...extraArgs);
  const proc = spawn(sgwrsBin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(proc);
  let stdout = '';
  let stderr = '';
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    proc.on('exit', (code, signal) => {
      exited = { code, signal };
      live.delete(proc);
      resolve(exited);
    });
  });
  const server = {
    proc,
    output: () => `--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`,
    exited: exitPromise,
    /** SIGTERM, then wait for the exit; SIGKILL after graceMs. Resolves to { code, signal }. */
    async stop(graceMs = 15_000) {
      if (exited) return exited;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      const r = await exitPromise;
      clearTimeout(timer);
      return r;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`sgwrs did not print its listening line within ${timeoutMs} ms\n${server.output()}`));
    }, timeoutMs);
    proc.stdout.setEncoding('utf8');
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (d) => {
      stderr += d;
    });
    proc.stdout.on('data', (d) => {
      stdout += d;
      const m = /^listening on (http:\/\/([\d.]+):(\d+)\/)$/m.exec(stdout);
      if (m && !server.base) {
        clearTimeout(timer);
        server.base = m[1].replace(/\/$/, '');
        server.host = m[2];
        server.port = Number(m[3]);
        resolve(server);
      }
    });
    proc.on('error', (e) => {
      clearTimeout(timer);
      live.delete(proc);
      if (!server.base) reject(new Error(`could not start ${sgwrsBin}: ${e.message}`));
    });
    exitPromise.then(({ code, signal }) => {
      if (!server.base) {
        clearTimeout(timer);
        reject(new Error(`sgwrs exited (code ${code}, signal ${signal}) before listening\n${server.output()}`));
      }
    });
  });
}

/**
 * A suite's demo servers: one demo database, made when first needed, and servers on pristine
 * copies of it, all stopped (and the database removed) by stopAll(). start(opts) takes
 * startServer's options, and db: a copy from fresh() to start on, e.g. to restart on the same data.
 */
export function demoServers(engine = 'sqlite') {
  let demo;
  const servers = [];
  const fresh = () => {
    demo ??= makeDemoDb(engine);
    return demo.fresh();
  };
  return {
    fresh,
    async start({ db, ...opts } = {}) {
      const s = await startServer(db ?? fresh(), opts);
      servers.push(s);
      return s;
    },
    async stopAll() {
      for (const s of servers.splice(0)) await s.stop();
      demo?.cleanup();
      demo = undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP: a cookie jar and fetch without following redirects

export class CookieJar {
  constructor() {
    this.cookies = new Map();
  }
  /** Takes the Set-Cookie headers of a response; returns the raw header lines. */
  update(res) {
    const lines = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
    for (const line of lines) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const maxAge = attrs.map((a) => a.trim()).find((a) => /^max-age=/i.test(a));
      if (value === '' || (maxAge && Number(maxAge.split('=')[1]) <= 0)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return lines;
  }
  get(name) {
    return this.cookies.get(name);
  }
  set(name, value) {
    this.cookies.set(name, value);
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  clone() {
    const j = new CookieJar();
    for (const [k, v] of this.cookies) j.cookies.set(k, v);
    return j;
  }
}

export const SESSION_COOKIE = '__Host-sgwrs-session';
export const CSRF_COOKIE = '__Host-sgwrs-csrf';

/**
 * fetch(base + path) with redirect: 'manual', the jar's cookies sent and updated.
 * opts.form: an object sent as application/x-www-form-urlencoded; opts.json: sent as JSON.
 * Resolves to { status, headers, text, json (when JSON), setCookies, res }.
 */
export async function request(base, pathname, { method, headers = {}, jar, form, json, body } = {}) {
  const h = { ...headers };
  if (jar && jar.cookies.size && !Object.keys(h).some((k) => k.toLowerCase() === 'cookie')) h.Cookie = jar.header();
  if (form !== undefined) {
    h['Content-Type'] ??= 'application/x-www-form-urlencoded';
    body = typeof form === 'string' ? form : new URLSearchParams(form).toString();
  } else if (json !== undefined) {
    h['Content-Type'] ??= 'application/json';
    body = typeof json === 'string' ? json : JSON.stringify(json);
  }
  const res = await fetch(base + pathname, {
    method: method ?? (body !== undefined ? 'POST' : 'GET'),
    headers: h,
    body,
    redirect: 'manual',
  });
  const setCookies = jar ? jar.update(res) : res.headers.getSetCookie?.() ?? [];
  const buf = Buffer.from(await res.arrayBuffer());
  const text = buf.toString('utf8');
  let parsed;
  if ((res.headers.get('content-type') || '').startsWith('application/json') && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  return { status: res.status, headers: res.headers, text, bytes: buf, json: parsed, setCookies, res };
}

/** The value of the first hidden `csrf` input in a page. */
export function csrfFrom(html) {
  const m = /<input[^>]*name="csrf"[^>]*value="([^"]*)"/.exec(html) || /<input[^>]*value="([^"]*)"[^>]*name="csrf"/.exec(html);
  if (!m) throw new Error('no csrf input in the page');
  return m[1];
}

/**
 * Signs in through the real form: GET /sign-in (csrf cookie and field), POST it.
 * Resolves to { status, location, jar, res } — status 303 and a session cookie on success.
 */
export async function signIn(base, email, password, jar = new CookieJar()) {
  const page = await request(base, '/sign-in', { jar });
  if (page.status !== 200) throw new Error(`GET /sign-in answered ${page.status}`);
  const csrf = csrfFrom(page.text);
  const res = await request(base, '/sign-in', { jar, form: { csrf, email, password } });
  return { status: res.status, location: res.headers.get('location'), jar, res };
}

/** Signs in and fails loudly unless it worked; returns { jar, csrf } (csrf of the session). */
export async function signedIn(base, email, password = DEMO_PASSWORD) {
  const r = await signIn(base, email, password);
  if (r.status !== 303 || !r.jar.get(SESSION_COOKIE))
    throw new Error(`sign-in as ${email} failed: ${r.status}\n${r.res.text.slice(0, 2000)}`);
  const home = await request(base, '/', { jar: r.jar });
  return { jar: r.jar, csrf: csrfFrom(home.text) };
}

// ---------------------------------------------------------------------------------------------
// Raw sockets

/**
 * Writes bytes to the server and reads until it closes (or timeoutMs). Resolves to
 * { status, head, raw } — status is null when no HTTP status line came back.
 */
export function rawRequest(port, payload, { host = '127.0.0.1', timeoutMs = 10_000, onWritten } = {}) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port });
    const chunks = [];
    let settled = false;
    const finish = (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      const raw = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
      if (err && !raw) return reject(err);
      const headEnd = raw.indexOf('\r\n\r\n');
      resolve({ status: m ? Number(m[1]) : null, head: headEnd >= 0 ? raw.slice(0, headEnd) : raw, raw });
    };
    const timer = setTimeout(() => finish(new Error(`no complete answer within ${timeoutMs} ms`)), timeoutMs);
    sock.on('data', (d) => chunks.push(d));
    sock.on('end', () => finish());
    sock.on('close', () => finish());
    // The server may answer and close before it read everything we sent: that is fine.
    sock.on('error', (e) => finish(e));
    sock.on('connect', () => {
      sock.write(payload, () => {
        if (onWritten) onWritten();
      });
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Defines a suite on PostgreSQL when scripts/with-test-postgres started one; otherwise the
 * suite fails (or skips with SGWRS_ALLOW_NO_PG=1), as the C++ store and service suites do.
 */
export function definePostgresSuite(name, define, itFn) {
  const cfg = postgresConfig();
  if (cfg.url) define('postgres');
  else if (cfg.skip) itFn(`${name} on postgres`, { skip: cfg.skip }, () => {});
  else
    itFn(`${name} on postgres`, () => {
      throw new Error(cfg.fail);
    });
}
