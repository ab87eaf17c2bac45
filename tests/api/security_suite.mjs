// What a black-box probe of the demo found (issue 7), each as a regression test that fails
// without its fix: header injection through redirects, open redirects after sign-in, token
// powers, bodies by identity, a stale cookie at sign-in, audit flooding, and smaller things.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  accounts,
  CookieJar,
  csrfFrom,
  DEMO_PASSWORD,
  demoServers,
  rawRequest,
  request,
  SESSION_COOKIE,
  signedIn,
  signIn,
  sleep,
} from '../support/server.mjs';
import { assertErrorShape, auditRows } from '../support/api.mjs';

/** The header lines of a raw answer, without the status line. */
function headerLines(raw) {
  return raw.head.split('\r\n').slice(1);
}

function assertNoInjectedHeader(r, what) {
  for (const line of headerLines(r)) {
    assert.ok(!/^set-cookie:\s*__Host-sgwrs-session=attacker/i.test(line), `${what}: injected cookie: ${r.head}`);
    assert.ok(!/^x-injected/i.test(line), `${what}: injected header: ${r.head}`);
  }
  const location = headerLines(r).find((l) => /^location:/i.test(l));
  if (location) assert.doesNotMatch(location, /[\x00-\x1f\x7f]/, `${what}: control character in ${location}`);
}

const INJECT_COOKIE = '%0d%0aSet-Cookie:%20__Host-sgwrs-session=attacker;%20Secure;%20HttpOnly;%20Path=%2F';

export function defineSecuritySuite(engine) {
  describe(`Security regressions on ${engine}`, () => {
    const demo = demoServers(engine);
    let srv; // the shared server; tests that count or change things start their own
    let base;
    const get = (port, target, extra = '') =>
      rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}Connection: close\r\n\r\n`);

    before(async () => {
      srv = await demo.start();
      base = srv.base;
    });
    after(() => demo.stopAll());

    describe('header injection through redirects (defect 1)', () => {
      it('a signed-out request cannot put CR, LF or NUL into the Location header', async () => {
        // A route that takes an id sends the signed-out visitor to sign in (303); a path that
        // is no route is 404. Neither may carry what the path smuggled in.
        for (const [target, status] of [
          [`/analysis/reports/1${INJECT_COOKIE}`, 303],
          [`/analysis${INJECT_COOKIE}`, 404],
          ['/admin/users/1%0d%0aX-Injected:%201', 303],
          ['/%0aX-Injected:%201', 404],
          ['/analysis/reports/1%00x', 303],
          ['/account%0dX-Injected:%201', 404],
        ]) {
          const r = await get(srv.port, target);
          assert.equal(r.status, status, `${target}: ${r.head}`);
          assertNoInjectedHeader(r, target);
        }
      });

      it('the way back after sign-in is encoded, and an injected next leads home', async () => {
        const r = await get(srv.port, `/analysis/reports/1${INJECT_COOKIE}`);
        const location = headerLines(r).find((l) => /^location:/i.test(l)).slice('location: '.length);
        assert.match(location, /^\/sign-in\?next=/);
        // The way back is the target exactly as sent, still percent-encoded inside the query.
        assert.equal(new URLSearchParams(location.split('?')[1]).get('next'), `/analysis/reports/1${INJECT_COOKIE}`);

        const jar = new CookieJar();
        const page = await request(base, '/sign-in', { jar });
        const signInRes = await request(base, `/sign-in?next=/${INJECT_COOKIE}`, {
          jar,
          form: { csrf: csrfFrom(page.text), email: accounts.analyst, password: DEMO_PASSWORD },
        });
        assert.equal(signInRes.status, 303);
        assert.equal(signInRes.headers.get('location'), '/');
        assert.ok(!signInRes.setCookies.some((l) => l.includes('attacker')), JSON.stringify(signInRes.setCookies));
      });
    });

    describe('open redirect after sign-in (defect 2)', () => {
      for (const next of [
        '/%09/evil.example/phish',
        '/%0a/evil.example',
        '/%5Cevil.example',
        '%5C%5Cevil.example',
        '//evil.example',
        '/%2F/evil.example',
        'https://evil.example/',
        '%20//evil.example',
      ]) {
        it(`next=${next} returns to /`, async () => {
          const jar = new CookieJar();
          const page = await request(base, '/sign-in', { jar });
          const r = await request(base, `/sign-in?next=${next}`, {
            jar,
            form: { csrf: csrfFrom(page.text), email: accounts.leader, password: DEMO_PASSWORD },
          });
          assert.equal(r.status, 303);
          assert.equal(r.headers.get('location'), '/');
        });
      }

      it('a path on this site, with its query, is kept', async () => {
        const jar = new CookieJar();
        const page = await request(base, '/sign-in', { jar });
        const next = encodeURIComponent('/analysis?year=2025');
        const r = await request(base, `/sign-in?next=${next}`, {
          jar,
          form: { csrf: csrfFrom(page.text), email: accounts.analyst, password: DEMO_PASSWORD },
        });
        assert.equal(r.headers.get('location'), '/analysis?year=2025');
      });

      it('the language toggle returns only to this site', async () => {
        const { jar, csrf } = await signedIn(base, accounts.practitioner);
        const r = await request(base, '/language', { jar, form: { csrf, lang: 'cy', return_to: '/\t/evil.example' } });
        assert.equal(r.status, 303);
        assert.equal(r.headers.get('location'), '/');
      });
    });

    describe('personal access tokens (defect 3)', () => {
      async function makeToken(session, json = { name: 'reporting' }) {
        return request(base, '/api/v1/tokens', { jar: session.jar, json, headers: { 'X-CSRF-Token': session.csrf } });
      }

      it('a token cannot make another token', async () => {
        const session = await signedIn(base, accounts.admin);
        const made = await makeToken(session);
        assert.equal(made.status, 201, made.text);
        const second = await request(base, '/api/v1/tokens', {
          json: { name: 'made by a token' },
          headers: { Authorization: `Bearer ${made.json.token}` },
        });
        assertErrorShape(second, 403, 'token_needs_session');
        const list = await request(base, '/api/v1/tokens', { jar: session.jar });
        assert.ok(!list.json.items.some((t) => t.name === 'made by a token'));
      });

      it('shows its expiry at creation: 90 days unless asked, at most a year', async () => {
        const session = await signedIn(base, accounts.analyst);
        const now = Date.now() / 1000;
        const made = await makeToken(session);
        assert.ok(Math.abs(made.json.expires_at - (now + 90 * 86400)) < 120, `expires_at ${made.json.expires_at}`);
        const week = await makeToken(session, { name: 'week', expires_in_days: 7 });
        assert.ok(Math.abs(week.json.expires_at - (now + 7 * 86400)) < 120);
        const tooLong = await makeToken(session, { name: 'forever', expires_in_days: 366 });
        assertErrorShape(tooLong, 422, 'invalid_input');
        assert.deepEqual(tooLong.json.fields.map((f) => [f.field, f.code]), [['expires_in_days', 'token_lifetime_range']]);
      });

      it('ends when its owner changes their password, and the list shows last use and why it ended', async () => {
        const s = await demo.start();
        const { jar, csrf } = await signedIn(s.base, accounts.mentor);
        const made = await request(s.base, '/api/v1/tokens', { jar, json: { name: 'sheet' }, headers: { 'X-CSRF-Token': csrf } });
        const auth = { Authorization: `Bearer ${made.json.token}` };
        assert.equal((await request(s.base, '/api/v1/me', { headers: auth })).status, 200);
        const used = await request(s.base, '/api/v1/tokens', { jar });
        assert.equal(typeof used.json.items[0].last_used_at, 'number', used.text);
        const changed = await request(s.base, '/account/password', {
          jar,
          form: { csrf, current_password: DEMO_PASSWORD, new_password: 'Afon-Tawe-Llanw-2026' },
        });
        assert.equal(changed.status, 303, changed.text.slice(0, 400));
        assertErrorShape(await request(s.base, '/api/v1/me', { headers: auth }), 401, 'unauthenticated');
        const listed = await request(s.base, '/api/v1/tokens', { jar });
        assert.equal(listed.json.items[0].ended_because, 'password_changed');
      });

      it('ends when an administrator sets the password', async () => {
        const s = await demo.start();
        const owner = await signedIn(s.base, accounts.manager);
        const made = await request(s.base, '/api/v1/tokens', {
          jar: owner.jar,
          json: { name: 'sheet' },
          headers: { 'X-CSRF-Token': owner.csrf },
        });
        const auth = { Authorization: `Bearer ${made.json.token}` };
        const me = await request(s.base, '/api/v1/me', { headers: auth });
        const admin = await signedIn(s.base, accounts.admin);
        const page = await request(s.base, `/admin/users/${me.json.id}/password`, { jar: admin.jar });
        assert.equal(page.status, 200, page.text.slice(0, 300));
        const set = await request(s.base, `/admin/users/${me.json.id}/password`, {
          jar: admin.jar,
          form: { csrf: admin.csrf, password: 'Newydd-Cadarn-Afon-93' },
        });
        assert.equal(set.status, 303, set.text.slice(0, 400));
        assertErrorShape(await request(s.base, '/api/v1/me', { headers: auth }), 401, 'unauthenticated');
      });
    });

    describe('body limits by identity (defect 4)', () => {
      const BIG = 45 * 1024 * 1024;
      const upload = (port, { cookie = '', extra = '' } = {}) =>
        rawRequest(
          port,
          `POST /analysis/import HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}${extra}` +
            `Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${BIG}\r\nConnection: close\r\n\r\n`,
          { timeoutMs: 10_000 },
        );

      it('anyone not signed in gets the small limit on the upload route: 413 from the header', async () => {
        const r = await upload(srv.port);
        assert.equal(r.status, 413, r.head);
      });

      it('a signed-in person who may not import gets the small limit too', async () => {
        const { jar } = await signedIn(base, accounts.practitioner);
        const r = await upload(srv.port, { cookie: jar.header() });
        assert.equal(r.status, 413, r.head);
      });

      it('an analyst sending from another site gets the small limit', async () => {
        const { jar } = await signedIn(base, accounts.analyst);
        for (const extra of ['Sec-Fetch-Site: cross-site\r\n', 'Origin: https://evil.example\r\n']) {
          const r = await upload(srv.port, { cookie: jar.header(), extra });
          assert.equal(r.status, 413, `${extra.trim()}: ${r.head}`);
        }
      });

      it('unknown routes get the small limit', async () => {
        const r = await rawRequest(
          srv.port,
          `POST /analysis/import-nope HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nContent-Length: ${2 * 1024 * 1024}\r\nConnection: close\r\n\r\n`,
        );
        assert.equal(r.status, 413, r.head);
      });

      it('large bodies at once are capped: the next is 503 with Retry-After', async () => {
        const s = await demo.start({ extraArgs: ['--max-large-bodies', '1'] });
        const { jar } = await signedIn(s.base, accounts.analyst);
        // The first upload declares its size and sends only part of it, holding its place.
        const net = await import('node:net');
        const first = net.connect({ host: '127.0.0.1', port: s.port });
        await new Promise((r) => first.on('connect', r));
        first.write(
          `POST /analysis/import HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nCookie: ${jar.header()}\r\n` +
            `Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${5 * 1024 * 1024}\r\n\r\n--x\r\n`,
        );
        await sleep(300);
        const second = await upload(s.port, { cookie: jar.header() });
        first.destroy();
        assert.equal(second.status, 503, second.head);
        assert.match(second.head, /\r\nRetry-After: \d+/i);
        await sleep(200);
        assert.equal((await request(s.base, '/healthz')).status, 200);
      });

      it('connections at once are capped: the next is 503, and the server recovers', async () => {
        const s = await demo.start({ extraArgs: ['--max-connections', '4'] });
        const net = await import('node:net');
        const held = [];
        for (let i = 0; i < 4; i++) {
          const sock = net.connect({ host: '127.0.0.1', port: s.port });
          await new Promise((r) => sock.on('connect', r));
          held.push(sock);
        }
        await sleep(200);
        const over = await get(s.port, '/healthz');
        assert.equal(over.status, 503, over.head);
        for (const sock of held) sock.destroy();
        await sleep(300);
        assert.equal((await request(s.base, '/healthz')).status, 200);
      });

      it('a transfer coding other than chunked is refused with 400', async () => {
        for (const te of ['gzip', 'gzip, chunked', 'chunked, gzip', 'identity']) {
          const r = await rawRequest(
            srv.port,
            `POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nTransfer-Encoding: ${te}\r\nConnection: close\r\n\r\n0\r\n\r\n`,
          );
          assert.equal(r.status, 400, `${te}: ${r.head}`);
        }
      });
    });

    describe('signing in with a stale session cookie (defect 5)', () => {
      it('leaves the person signed in: one session cookie, not cleared', async () => {
        const jar = new CookieJar();
        jar.set(SESSION_COOKIE, 'x'.repeat(43));
        const r = await signIn(base, accounts.practitioner, DEMO_PASSWORD, jar);
        assert.equal(r.status, 303);
        const sessionLines = r.res.setCookies.filter((l) => l.startsWith(`${SESSION_COOKIE}=`));
        assert.equal(sessionLines.length, 1, JSON.stringify(sessionLines));
        assert.doesNotMatch(sessionLines[0], /Max-Age=0/i);
        assert.equal((await request(base, '/api/v1/me', { jar })).status, 200);
      });
    });

    describe('audit flooding (defect 6)', () => {
      it('2,000 signed-out POSTs without a token add a handful of lines, with their count', async () => {
        const db = demo.fresh();
        let s = await demo.start({ db });
        const admin = await signedIn(s.base, accounts.admin);
        for (let batch = 0; batch < 40; batch++)
          await Promise.all(
            Array.from({ length: 50 }, () =>
              request(s.base, '/sign-in', { form: { email: accounts.admin, password: 'x' } }).then((r) =>
                assert.equal(r.status, 403),
              ),
            ),
          );
        let rows = await auditRows(s.base, admin.jar);
        const refusals = rows.filter((r) => r[2] === 'csrf.refuse');
        assert.ok(refusals.length >= 1 && refusals.length <= 3, `${refusals.length} csrf_refused lines on the first page`);
        assert.ok(
          rows.some((r) => r[2] === 'session.start' && r[3] === 'ok'),
          "the administrator's sign-in was pushed off the first page of the trail",
        );
        // The count of the repeats is written at shutdown at the latest.
        await s.stop();
        s = await demo.start({ db });
        rows = await auditRows(s.base, (await signedIn(s.base, accounts.admin)).jar);
        assert.ok(
          rows.some((r) => r[2] === 'csrf.refuse' && r[3] === 'aggregated'),
          `no aggregated line: ${JSON.stringify(rows.filter((r) => r[2] === 'csrf.refuse'))}`,
        );
      });
    });

    describe('smaller things', () => {
      it('429 says when to try again', async () => {
        const s = await demo.start();
        for (let i = 0; i < 6; i++) await signIn(s.base, accounts.mentor, `wrong-${i}`);
        const r = await signIn(s.base, accounts.mentor, DEMO_PASSWORD);
        assert.equal(r.status, 429);
        assert.match(r.res.headers.get('retry-after') || '', /^\d+$/);
      });

      it('a senior leader is refused the findings edit form, as saving would be', async () => {
        const { jar } = await signedIn(base, accounts.leader);
        const list = await request(base, '/analysis/findings', { jar });
        assert.equal(list.status, 200);
        const id = /\/analysis\/findings\/(\d+)\/edit/.exec(list.text)?.[1] ?? '1';
        const r = await request(base, `/analysis/findings/${id}/edit`, { jar });
        assert.equal(r.status, 403);
        const analyst = await signedIn(base, accounts.analyst);
        assert.equal((await request(base, `/analysis/findings/${id}/edit`, { jar: analyst.jar })).status, 200);
      });

      it('the follow-up report API answers 415 to a body that is not JSON', async () => {
        const { jar, csrf } = await signedIn(base, accounts.analyst);
        const r = await request(base, '/api/v1/followup-reports/1/codings', {
          jar,
          body: JSON.stringify({ theme: 'leadership', start: 0, end: 5 }),
          headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'text/plain' },
        });
        assertErrorShape(r, 415, 'invalid_json');
        const d = await request(base, '/api/v1/suggestions/1/decision', {
          jar,
          body: '{"accept":true}',
          headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'text/plain' },
        });
        assertErrorShape(d, 415, 'invalid_json');
      });

      it('a coding outside every section is refused with 422', async () => {
        const { jar, csrf } = await signedIn(base, accounts.analyst);
        const report = await request(base, '/api/v1/followup-reports/1', { jar });
        const sections = report.json.sections;
        let gap = sections[0].start > 0 ? 0 : null;
        for (let i = 0; gap === null && i + 1 < sections.length; i++)
          if (sections[i].end < sections[i + 1].start) gap = sections[i].end;
        assert.notEqual(gap, null, 'the report has no heading line to try');
        const r = await request(base, '/api/v1/followup-reports/1/codings', {
          jar,
          json: { theme: 'leadership', start: gap, end: gap + 1 },
          headers: { 'X-CSRF-Token': csrf },
        });
        assertErrorShape(r, 422, 'invalid_input');
        assert.deepEqual(r.json.fields.map((f) => f.code), ['selection_outside_sections']);
      });
    });
  });
}
