// Crash test: acknowledged saves survive `kill -9` of `sgwrs serve` (run by scripts/crash-test,
// not by scripts/test).
//
//   node tests/crash/crash_test.mjs sqlite|postgres
//
// One database per engine (the demo organisation; PostgreSQL from SGWRS_TEST_PG_URL /
// SGWRS_TEST_PG_ADMIN_URL, see scripts/with-test-postgres) is used for every round:
//
//   1. start `sgwrs serve` on it and check it started cleanly (listening line, /healthz and
//      /readyz 200, no error in its log); sign in as the practitioner and make a token;
//   2. in the first round make a few families through the API;
//   3. run CLIENTS concurrent clients as fast as they can: each creates conversations
//      (POST /api/v1/conversations, a unique client_key) and edits its own ones
//      (PUT /api/v1/conversations/{id} with If-Match), now and then a family too;
//      every 2xx answer is recorded as acknowledged with its id, version (ETag) and the
//      content sent;
//   4. after a random MIN..MAX seconds, SIGKILL the server in the middle of the load;
//   5. restart it on the same database (timed), read every family of the test back through
//      the API and check the rule below against everything acknowledged so far (all rounds).
//
// The rule, per conversation (each is edited only by the client that made it, one request
// at a time, so at most one unanswered save per conversation exists at the kill):
//   - acknowledged at version A with content C: the database holds exactly (A, C), or, only
//     if a later edit of it was in flight (sent, never answered) at the kill, exactly
//     (A + 1, content of that edit). Anything else (missing, older, different) is a LOSS.
//   - a conversation the database holds that no acknowledged save made: it must be an
//     in-flight creation, at version 1, with exactly the content sent; otherwise it is
//     half-written or a phantom (a FAULT). A save answered with an error must not be there.
//   - content compared: held_on, place, language, present, others_present, what_matters
//     (text, person, said_by, in order), strengths, worries, next_steps, led_to, state,
//     sensitive_reason — a row without its "what matters" or "present" lines is half-written.
//   Families acknowledged (201) must be there with their name and every member.
// After the last round, SQLite's `PRAGMA integrity_check` must say ok.
//
// Settings (environment): SGWRS_CRASH_ROUNDS (default 5), SGWRS_CRASH_CLIENTS (12),
// SGWRS_CRASH_MIN_SECONDS (2) / SGWRS_CRASH_MAX_SECONDS (6): when the kill comes after the
// load starts, SGWRS_CRASH_SEED (random), SGWRS_BIN (the sgwrs binary), SGWRS_WEB_DIR
// (templates and catalogues matching that binary, passed as --web-dir). Prints one line of
// figures per round and a `crash_test ENGINE …` summary; exits 1 on any loss or fault.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

import { accounts, DEMO_PASSWORD, makeDemoDb, request, signedIn, sgwrsBin, startServer } from '../support/server.mjs';

const engine = process.argv[2];
if (engine !== 'sqlite' && engine !== 'postgres') {
  console.error('usage: node tests/crash/crash_test.mjs sqlite|postgres');
  process.exit(2);
}
const env = (name, def) => (process.env[name] !== undefined && process.env[name] !== '' ? Number(process.env[name]) : def);
const ROUNDS = env('SGWRS_CRASH_ROUNDS', 5);
const CLIENTS = env('SGWRS_CRASH_CLIENTS', 12);
const MIN_S = env('SGWRS_CRASH_MIN_SECONDS', 2);
const MAX_S = env('SGWRS_CRASH_MAX_SECONDS', 6);
const SEED = env('SGWRS_CRASH_SEED', randomBytes(4).readUInt32LE(0));

// A small seeded generator, so a failing run can be repeated with SGWRS_CRASH_SEED.
let seedState = SEED >>> 0 || 1;
function rand() {
  seedState ^= seedState << 13;
  seedState >>>= 0;
  seedState ^= seedState >>> 17;
  seedState ^= seedState << 5;
  seedState >>>= 0;
  return seedState / 0x100000000;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const log = (...a) => console.log(`[crash ${engine}]`, ...a);
const problems = [];
const problem = (kind, msg) => {
  problems.push({ kind, msg });
  if (problems.length <= 30) console.error(`[crash ${engine}] ${kind}: ${msg}`);
};

// ---------------------------------------------------------------------------------------------
// What is sent, and the state it should leave

const PHRASES = [
  'Mae Nain yn cerdded Gwen i’r ysgol bob bore ac mae hynny’n help mawr i’r teulu.',
  'Siôn said the week had been hard: the boiler broke and the landlord has not answered.',
  'Roedd Llŷr yn dawel ar y dechrau ond siaradodd am ei ffrindiau yn y clwb pêl-droed.',
  'We agreed to ring the school together on Thursday about the attendance letter.',
  'Dywedodd Ffion ei bod hi’n teimlo’n fwy hyderus ers y cyfarfod diwethaf gyda’r ysgol.',
  'Rent arrears are down to two weeks; the credit union plan is working for now.',
];
const PLACES = ['home', 'office', 'school', 'phone', 'video'];

function text(tag, n) {
  let out = `[${tag}]`;
  for (let i = 0; i < n; i++) out += ` ${pick(PHRASES)}`;
  return out;
}

/** A conversation body for family f; `tag` makes every save's content unique. */
function conversationBody(family, tag) {
  const [a, b] = family.memberIds;
  return {
    held_on: `2025-${String(1 + Math.floor(rand() * 11)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 27)).padStart(2, '0')}`,
    place: pick(PLACES),
    language: rand() < 0.5 ? 'cy' : 'en',
    present: [a, b].sort((x, y) => x - y),
    others_present: rand() < 0.3 ? `Nain (${tag})` : '',
    what_matters: [
      { text: `${tag}: Bod yn saff gartref gyda’n gilydd`, person_id: a, said_by: '' },
      { text: `${tag}: Cael mynd i’r clwb ar nos Fercher`, person_id: b, said_by: '' },
      { text: `${tag}: Peidio â symud tŷ eto`, person_id: null, said_by: 'Nain' },
    ],
    strengths: text(`${tag} strengths`, 3),
    worries: text(`${tag} worries`, 2),
    next_steps: text(`${tag} next`, 2),
    led_to: 'nothing_formal',
    state: 'finished',
    sensitive_reason: '',
  };
}

const CONTENT_FIELDS = ['held_on', 'place', 'language', 'others_present', 'strengths', 'worries', 'next_steps', 'led_to', 'state', 'sensitive_reason'];

/** The comparable content of a conversation (sent body or read back). */
function contentOf(v) {
  const out = {};
  for (const k of CONTENT_FIELDS) out[k] = v[k] ?? '';
  out.present = [...(v.present ?? [])].sort((x, y) => x - y);
  out.what_matters = (v.what_matters ?? []).map((q) => ({ text: q.text, person_id: q.person_id ?? null, said_by: q.said_by ?? '' }));
  return JSON.stringify(out);
}

// ---------------------------------------------------------------------------------------------
// The ledger: everything acknowledged, and what was in flight at the kill

const ledger = {
  conversations: new Map(), // id -> { version, content, familyId, client }
  families: new Map(), // id -> { name, members: [given names] }
  inFlightEdits: new Map(), // id -> content (edit sent, not answered)
  inFlightCreates: new Map(), // tag -> { content, familyId }
  refused: new Map(), // tag -> status (answered with an error: must not be stored)
  acks: 0,
  acksThisRound: 0,
};

const familiesOfTest = []; // { id, memberIds }

async function api(base, token, method, path, json, headers = {}) {
  return request(base, path, { method, json, headers: { Authorization: `Bearer ${token}`, ...headers } });
}

const etagVersion = (res) => {
  const m = /^"(\d+)"$/.exec(res.headers.get('etag') || '');
  return m ? Number(m[1]) : null;
};

function familyBody(tag) {
  const surname = pick(['Prys', 'ap Gwilym', 'Llywelyn', 'O’Brien', 'Hughes', 'Rhydderch']);
  return {
    name: `Teulu ${surname} ${tag}`,
    opened_on: '2025-09-01',
    status: 'early_help',
    members: [
      { given_name: `Siôn ${tag}`, family_name: surname, date_of_birth: '1986-03-14', preferred_language: 'cy', role: 'parent' },
      { given_name: `Gwenllïan ${tag}`, family_name: surname, date_of_birth: '2016-07-02', role: 'child' },
      { given_name: `Llŷr ${tag}`, family_name: surname, date_of_birth: '2019-01-20', role: 'child' },
    ],
  };
}

async function createFamily(base, token, tag) {
  const body = familyBody(tag);
  const r = await api(base, token, 'POST', '/api/v1/families', body);
  if (r.status !== 201) throw Object.assign(new Error(`POST /api/v1/families answered ${r.status}: ${r.text.slice(0, 300)}`), { status: r.status });
  ledger.families.set(r.json.id, { name: body.name, members: body.members.map((m) => m.given_name) });
  ledger.acks++;
  ledger.acksThisRound++;
  const f = { id: r.json.id, memberIds: r.json.members.map((m) => m.id) };
  familiesOfTest.push(f);
  return f;
}

// One client: its own conversations, one request at a time, until `stop.now`.
async function client(n, round, base, token, stop, counts) {
  const mine = [...ledger.conversations].filter(([, c]) => c.client === n).map(([id]) => id);
  let seq = 0;
  while (!stop.now) {
    const tag = `r${round}c${n}s${++seq}`;
    const r = rand();
    try {
      if (r < 0.01) {
        ledger.inFlightCreates.set(`family:${tag}`, null);
        await createFamily(base, token, tag);
        ledger.inFlightCreates.delete(`family:${tag}`);
      } else if (r < 0.55 || mine.length === 0) {
        const family = pick(familiesOfTest);
        const body = { family_id: family.id, client_key: `crash-${tag}`, ...conversationBody(family, tag) };
        const content = contentOf(body);
        ledger.inFlightCreates.set(tag, { content, familyId: family.id });
        const res = await api(base, token, 'POST', '/api/v1/conversations', body);
        if (res.status === 201 || res.status === 200) {
          ledger.inFlightCreates.delete(tag);
          const v = etagVersion(res);
          if (v !== res.json.version || v !== 1)
            problem('FAULT', `POST ${tag}: ETag ${res.headers.get('etag')} vs version ${res.json.version} (expected 1)`);
          if (contentOf(res.json) !== content) problem('FAULT', `POST ${tag}: the answer's content differs from what was sent`);
          ledger.conversations.set(res.json.id, { version: v, content, familyId: family.id, client: n });
          mine.push(res.json.id);
          ledger.acks++;
          ledger.acksThisRound++;
          counts.created++;
        } else {
          ledger.inFlightCreates.delete(tag);
          ledger.refused.set(tag, res.status);
          counts.errors++;
        }
      } else {
        const id = pick(mine);
        const known = ledger.conversations.get(id);
        const family = familiesOfTest.find((f) => f.id === known.familyId);
        const body = conversationBody(family, tag);
        const content = contentOf(body);
        ledger.inFlightEdits.set(id, content);
        const res = await api(base, token, 'PUT', `/api/v1/conversations/${id}`, body, { 'If-Match': `"${known.version}"` });
        ledger.inFlightEdits.delete(id);
        if (res.status === 200) {
          const v = etagVersion(res);
          if (v !== known.version + 1 || res.json.version !== v)
            problem('FAULT', `PUT ${id} from version ${known.version}: answered version ${res.json.version}, ETag ${res.headers.get('etag')}`);
          if (contentOf(res.json) !== content) problem('FAULT', `PUT ${id} (${tag}): the answer's content differs from what was sent`);
          ledger.conversations.set(id, { ...known, version: v, content });
          ledger.acks++;
          ledger.acksThisRound++;
          counts.edited++;
        } else {
          // Not saved: the stored state must stay the acknowledged one.
          counts.errors++;
          if (res.status === 412) problem('FAULT', `PUT ${id} with If-Match "${known.version}" (the acknowledged version) answered 412`);
        }
      }
    } catch (e) {
      // The server went away mid-request: whatever was in flight stays in the in-flight sets.
      if (stop.now) return;
      counts.errors++;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Checking the database against the ledger after a restart

async function verify(base, token) {
  let lost = 0;
  let faults = 0;
  let committedInFlight = 0;
  const seen = new Set();
  const inFlightByContent = new Map([...ledger.inFlightCreates].filter(([, v]) => v).map(([tag, v]) => [v.content, tag]));
  for (const f of familiesOfTest) {
    const r = await api(base, token, 'GET', `/api/v1/families/${f.id}`);
    if (r.status !== 200) {
      problem('LOSS', `family ${f.id} (acknowledged) answered ${r.status} after the restart`);
      lost++;
      continue;
    }
    const want = ledger.families.get(f.id);
    const names = r.json.members.map((m) => m.given_name).sort();
    if (r.json.name !== want.name || JSON.stringify(names) !== JSON.stringify([...want.members].sort())) {
      problem('LOSS', `family ${f.id}: read back ${r.json.name} [${names}] instead of ${want.name} [${want.members}]`);
      lost++;
    }
    for (const v of r.json.conversations) {
      seen.add(v.id);
      const content = contentOf(v);
      const acked = ledger.conversations.get(v.id);
      if (acked) {
        if (v.version === acked.version && content === acked.content) continue;
        const flight = ledger.inFlightEdits.get(v.id);
        if (flight && v.version === acked.version + 1 && content === flight) {
          // The in-flight edit was committed before the kill: allowed, and now the known state.
          ledger.conversations.set(v.id, { ...acked, version: v.version, content });
          committedInFlight++;
          continue;
        }
        problem('LOSS', `conversation ${v.id}: acknowledged version ${acked.version}, read back version ${v.version}` +
          (v.version === acked.version ? ' with different content' : '') + (flight ? ' (an edit was in flight)' : ''));
        lost++;
        continue;
      }
      const tag = inFlightByContent.get(content);
      if (tag !== undefined && v.version === 1) {
        // An in-flight creation that committed before the kill: allowed, and now known.
        const key = /^\[(r\d+c(\d+)s\d+) /.exec(v.strengths);
        ledger.conversations.set(v.id, { version: 1, content, familyId: f.id, client: key ? Number(key[2]) : 0 });
        ledger.inFlightCreates.delete(tag);
        committedInFlight++;
        continue;
      }
      const refusedTag = /^\[(r\d+c\d+s\d+) /.exec(v.strengths)?.[1];
      if (refusedTag && ledger.refused.has(refusedTag))
        problem('FAULT', `conversation ${v.id}: stored although its save was answered ${ledger.refused.get(refusedTag)}`);
      else problem('FAULT', `conversation ${v.id} (version ${v.version}) matches no save acknowledged or in flight: half-written or phantom`);
      faults++;
    }
  }
  for (const [id, c] of ledger.conversations) {
    if (!seen.has(id)) {
      problem('LOSS', `conversation ${id} (acknowledged at version ${c.version}) is missing after the restart`);
      lost++;
    }
  }
  // Whatever was in flight and is not there was never acknowledged: nothing to keep.
  ledger.inFlightEdits.clear();
  ledger.inFlightCreates.clear();
  return { lost, faults, committedInFlight, checked: seen.size };
}

// ---------------------------------------------------------------------------------------------
// Starting cleanly

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

async function start(dbUrl) {
  const t0 = performance.now();
  const extraArgs = process.env.SGWRS_WEB_DIR ? ['--web-dir', process.env.SGWRS_WEB_DIR] : [];
  const server = await startServer(dbUrl, { timeoutMs: 60_000, extraArgs });
  const listening = performance.now() - t0;
  for (const p of ['/healthz', '/readyz']) {
    const r = await request(server.base, p);
    if (r.status !== 200) problem('FAULT', `GET ${p} answered ${r.status} after the start`);
  }
  const ready = performance.now() - t0;
  return { server, listening, ready };
}

function cleanStartCheck(server, when) {
  const out = server.output();
  const bad = out.split('\n').filter((l) => /\[(error|critical)\]|fatal|panic|corrupt|malformed/i.test(l));
  if (bad.length) problem('FAULT', `the server's log ${when} holds: ${bad.slice(0, 3).join(' | ')}`);
}

async function signInToken(base) {
  const { jar, csrf } = await signedIn(base, accounts.practitioner, DEMO_PASSWORD);
  const r = await request(base, '/api/v1/tokens', { method: 'POST', jar, json: { name: `crash ${Date.now()}` }, headers: { 'X-CSRF-Token': csrf } });
  if (r.status !== 201 || !r.json?.token) throw new Error(`POST /api/v1/tokens answered ${r.status}: ${r.text}`);
  return r.json.token;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  log(`binary ${sgwrsBin}; ${ROUNDS} rounds, ${CLIENTS} clients, kill after ${MIN_S}–${MAX_S} s, seed ${SEED}`);
  const demo = makeDemoDb(engine);
  const dbUrl = demo.fresh();
  const restarts = [];
  const perRound = [];
  let total = { lost: 0, faults: 0 };
  try {
    let { server } = await start(dbUrl);
    cleanStartCheck(server, 'at the first start');
    let token = await signInToken(server.base);
    for (let i = 0; i < 4; i++) await createFamily(server.base, token, `base${i}`);

    for (let round = 1; round <= ROUNDS; round++) {
      ledger.acksThisRound = 0;
      const stop = { now: false };
      const counts = { created: 0, edited: 0, errors: 0 };
      const loadMs = (MIN_S + rand() * (MAX_S - MIN_S)) * 1000;
      const clients = [];
      for (let n = 1; n <= CLIENTS; n++) clients.push(client(n, round, server.base, token, stop, counts));
      await new Promise((r) => setTimeout(r, loadMs));
      // SIGKILL while the clients are still sending; only then do they stop.
      server.proc.kill('SIGKILL');
      const exit = await server.exited;
      stop.now = true;
      await Promise.all(clients);
      if (exit.signal !== 'SIGKILL') problem('FAULT', `round ${round}: the server ended with ${JSON.stringify(exit)} before the kill`);
      const inFlight = ledger.inFlightEdits.size + [...ledger.inFlightCreates.values()].length;

      const s = await start(dbUrl);
      server = s.server;
      restarts.push(s.ready);
      cleanStartCheck(server, `after the kill of round ${round}`);
      const v = await verify(server.base, token);
      total.lost += v.lost;
      total.faults += v.faults;
      perRound.push({ round, acked: ledger.acksThisRound, ...counts, inFlight, ...v, restartMs: s.ready });
      log(`round ${round}: killed after ${(loadMs / 1000).toFixed(1)} s; acknowledged ${ledger.acksThisRound} ` +
        `(${counts.created} new, ${counts.edited} edits, ${(ledger.acksThisRound / (loadMs / 1000)).toFixed(0)}/s), ` +
        `${inFlight} in flight at the kill (${v.committedInFlight} of them committed), ${counts.errors} unanswered or refused; restart ${s.listening.toFixed(0)} ms to listening, ` +
        `${s.ready.toFixed(0)} ms to /readyz; ${v.checked} conversations checked, lost ${v.lost}, faults ${v.faults}`);
      // The token outlives the restart (tokens are stored); a new one only if it did not.
      const me = await api(server.base, token, 'GET', '/api/v1/me');
      if (me.status !== 200) {
        problem('FAULT', `the token no longer works after the restart (${me.status})`);
        token = await signInToken(server.base);
      }
    }
    const stopped = await server.stop();
    if (stopped.code !== 0) problem('FAULT', `the last server did not stop cleanly on SIGTERM: ${JSON.stringify(stopped)}`);
    if (engine === 'sqlite') {
      const file = dbUrl.replace(/^sqlite:/, '');
      const r = spawnSync('sqlite3', [file, 'PRAGMA integrity_check;'], { encoding: 'utf8' });
      if (r.status !== 0 || r.stdout.trim() !== 'ok') problem('FAULT', `PRAGMA integrity_check: ${r.stdout}${r.stderr}`);
      else log('PRAGMA integrity_check: ok');
    }
  } finally {
    demo.cleanup();
  }
  const acked = ledger.acks;
  console.log(
    `crash_test ${engine} rounds=${perRound.length} saves_acknowledged=${acked} conversations=${ledger.conversations.size} ` +
    `families=${ledger.families.size} saves_lost=${total.lost} faults=${total.faults} ` +
    `restart_ms_median=${median(restarts).toFixed(0)} restart_ms_max=${Math.max(...restarts).toFixed(0)} seed=${SEED}`,
  );
  const failed = total.lost > 0 || problems.length > 0 || perRound.length !== ROUNDS;
  if (failed) console.error(`[crash ${engine}] FAILED: ${problems.length} problem(s)`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`[crash ${engine}] could not run: ${e.stack || e}`);
  process.exit(1);
});
