// The HTTP/API suite, defined once and run per storage engine by sqlite.test.mjs and
// postgres.test.mjs. Every server here starts from a pristine copy of one demo database.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  accounts,
  CookieJar,
  csrfFrom,
  CSRF_COOKIE,
  DEMO_PASSWORD,
  demoServers,
  loadCatalogue,
  rawRequest,
  request,
  SESSION_COOKIE,
  signedIn,
  signIn,
} from '../support/server.mjs';
import { assertErrorShape, session, tableRows } from '../support/api.mjs';

const en = loadCatalogue('en');
const cy = loadCatalogue('cy');

// ---------------------------------------------------------------------------------------------
// Small assertions

function assertSecurityHeaders(r, what) {
  const csp = r.headers.get('content-security-policy');
  assert.ok(csp, `${what}: no Content-Security-Policy`);
  assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP lacks frame-ancestors 'none': ${csp}`);
  const scriptSrc = csp.split(';').map((s) => s.trim()).find((s) => s.startsWith('script-src'))
    ?? csp.split(';').map((s) => s.trim()).find((s) => s.startsWith('default-src'));
  assert.ok(scriptSrc, `${what}: CSP has neither script-src nor default-src: ${csp}`);
  assert.ok(!scriptSrc.includes('unsafe-inline'), `${what}: script-src allows unsafe-inline: ${csp}`);
  assert.ok(!scriptSrc.includes('unsafe-eval'), `${what}: script-src allows unsafe-eval: ${csp}`);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
  assert.ok(r.headers.get('referrer-policy'), `${what}: no Referrer-Policy`);
  assert.match(r.headers.get('cache-control') || '', /no-store/, `${what}: Cache-Control is not no-store`);
}

function isValidUtf8(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

async function assertHealthy(base) {
  const r = await request(base, '/healthz');
  assert.equal(r.status, 200, 'the server no longer answers /healthz');
}

// ---------------------------------------------------------------------------------------------

export function defineApiSuite(engine) {
  describe(`HTTP and API on ${engine}`, () => {
    const demo = demoServers(engine);
    let srv; // the shared server for most tests
    let base;

    before(async () => {
      srv = await demo.start();
      base = srv.base;
    });

    after(() => demo.stopAll());

    // --- signing in and out --------------------------------------------------------------

    describe('sign-in', () => {
      it('refuses a wrong password with 401 and the error summary', async () => {
        const r = await signIn(base, accounts.analyst, 'not-the-password');
        assert.equal(r.status, 401);
        assert.equal(r.jar.get(SESSION_COOKIE), undefined, 'a session cookie was set for a failed sign-in');
        assert.match(r.res.text, /class="govuk-error-summary"/);
        assert.ok(r.res.text.includes(en['core.common.error_summary_title']));
        assert.ok(r.res.text.includes(en['core.errors.sign_in_failed']), 'no sign_in_failed message');
        assert.match(r.res.text, /<a href="#email">/, 'the summary does not link to the email field');
      });

      it('signs in with a session cookie that is __Host-, HttpOnly, Secure, SameSite=Lax, Path=/', async () => {
        const r = await signIn(base, accounts.admin, DEMO_PASSWORD);
        assert.equal(r.status, 303, r.res.text);
        assert.equal(r.location, '/');
        const line = r.res.setCookies.find((l) => l.startsWith(`${SESSION_COOKIE}=`));
        assert.ok(line, `no session cookie in ${JSON.stringify(r.res.setCookies)}`);
        const name = line.split('=')[0];
        assert.ok(name.startsWith('__Host-'), name);
        const attrs = line.split(';').slice(1).map((a) => a.trim().toLowerCase());
        assert.ok(attrs.includes('httponly'), line);
        assert.ok(attrs.includes('secure'), line);
        assert.ok(attrs.includes('samesite=lax'), line);
        assert.ok(attrs.includes('path=/'), line);
        assert.ok(!attrs.some((a) => a.startsWith('domain=')), `a __Host- cookie must not have Domain: ${line}`);
        const me = await request(base, '/api/v1/me', { jar: r.jar });
        assert.equal(me.status, 200);
        assert.equal(me.json.email, accounts.admin);
      });

      it('sets the CSRF cookie with the same flags', async () => {
        const jar = new CookieJar();
        const r = await request(base, '/sign-in', { jar });
        const line = r.setCookies.find((l) => l.startsWith(`${CSRF_COOKIE}=`));
        assert.ok(line, 'GET /sign-in did not set the csrf cookie');
        assert.match(line, /; Secure/);
        assert.match(line, /; HttpOnly/);
        assert.match(line, /SameSite=Lax/);
        assert.match(line, /Path=\//);
        assert.equal(csrfFrom(r.text), jar.get(CSRF_COOKIE), 'the form csrf differs from the cookie');
      });

      it('gives a new session id at each sign-in', async () => {
        const a = await signIn(base, accounts.leader, DEMO_PASSWORD);
        // Same browser (same csrf cookie) signs in again: the old session id is not reused.
        const jar2 = new CookieJar();
        jar2.set(CSRF_COOKIE, a.jar.get(CSRF_COOKIE));
        const b = await signIn(base, accounts.leader, DEMO_PASSWORD, jar2);
        const c = await signIn(base, accounts.leader, DEMO_PASSWORD);
        const ids = [a, b, c].map((x) => x.jar.get(SESSION_COOKIE));
        for (const id of ids) assert.ok(id && id.length >= 32, `weak or missing session id ${id}`);
        assert.equal(new Set(ids).size, 3, 'a session id was reused');
      });

      it('sign-out ends the session: the old cookie then leads to /sign-in', async () => {
        const { jar, csrf } = await signedIn(base, accounts.manager);
        const oldCookie = jar.header();
        const out = await request(base, '/sign-out', { jar, form: { csrf } });
        assert.equal(out.status, 303);
        assert.match(out.headers.get('location'), /^\/sign-in/);
        assert.ok(
          out.setCookies.some((l) => l.startsWith(`${SESSION_COOKIE}=;`) && /Max-Age=0/i.test(l)),
          `the session cookie is not cleared: ${JSON.stringify(out.setCookies)}`,
        );
        const again = await request(base, '/', { headers: { Cookie: oldCookie } });
        assert.equal(again.status, 303);
        assert.match(again.headers.get('location'), /^\/sign-in/);
        const api = await request(base, '/api/v1/me', { headers: { Cookie: oldCookie } });
        assertErrorShape(api, 401, 'unauthenticated');
      });

      it('pauses an account after repeated failures: the right password then gets 429', async () => {
        const s = await demo.start(); // its own server: failures from this address are counted
        const statuses = [];
        for (let i = 0; i < 6; i++) statuses.push((await signIn(s.base, accounts.mentor, `wrong-${i}`)).status);
        assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401], `statuses ${statuses}`);
        assert.equal(statuses[5], 429, `6th attempt: ${statuses[5]}`);
        for (let i = 0; i < 2; i++) {
          const ok = await signIn(s.base, accounts.mentor, DEMO_PASSWORD);
          assert.equal(ok.status, 429, `right password after 6 failures: ${ok.status}`);
          assert.equal(ok.jar.get(SESSION_COOKIE), undefined);
          assert.ok(ok.res.text.includes(en['core.errors.sign_in_throttled']));
        }
        // Other accounts are not paused by one account's failures.
        const other = await signIn(s.base, accounts.analyst, DEMO_PASSWORD);
        assert.equal(other.status, 303);
      });
    });

    // --- CSRF --------------------------------------------------------------------------------

    describe('CSRF', () => {
      it('refuses a sign-in POST without the csrf field', async () => {
        const jar = new CookieJar();
        await request(base, '/sign-in', { jar });
        const r = await request(base, '/sign-in', { jar, form: { email: accounts.admin, password: DEMO_PASSWORD } });
        assert.equal(r.status, 403);
        assert.equal(jar.get(SESSION_COOKIE), undefined);
        assert.ok(r.text.includes(en['core.error_pages.403.title']));
      });

      it('refuses a sign-in POST with a wrong csrf value', async () => {
        const jar = new CookieJar();
        await request(base, '/sign-in', { jar });
        const r = await request(base, '/sign-in', {
          jar,
          form: { csrf: 'x'.repeat(43), email: accounts.admin, password: DEMO_PASSWORD },
        });
        assert.equal(r.status, 403);
        assert.equal(jar.get(SESSION_COOKIE), undefined);
      });

      it('refuses a sign-in POST whose Origin is another site', async () => {
        const jar = new CookieJar();
        const page = await request(base, '/sign-in', { jar });
        const r = await request(base, '/sign-in', {
          jar,
          headers: { Origin: 'http://evil.example' },
          form: { csrf: csrfFrom(page.text), email: accounts.admin, password: DEMO_PASSWORD },
        });
        assert.equal(r.status, 403);
        assert.equal(jar.get(SESSION_COOKIE), undefined);
      });

      it('accepts a sign-in POST whose Origin is this site', async () => {
        const jar = new CookieJar();
        const page = await request(base, '/sign-in', { jar });
        const r = await request(base, '/sign-in', {
          jar,
          headers: { Origin: base },
          form: { csrf: csrfFrom(page.text), email: accounts.admin, password: DEMO_PASSWORD },
        });
        assert.equal(r.status, 303);
      });

      it('refuses an API POST with a session cookie but no X-CSRF-Token', async () => {
        const { jar } = await signedIn(base, accounts.admin);
        const r = await request(base, '/api/v1/tokens', { jar, json: { name: 'no csrf' } });
        assertErrorShape(r, 403, 'csrf_failed');
      });

      it('refuses an API request from another Origin even with the right token', async () => {
        const { jar, csrf } = await signedIn(base, accounts.admin);
        const r = await request(base, '/api/v1/tokens', {
          jar,
          json: { name: 'evil' },
          headers: { 'X-CSRF-Token': csrf, Origin: 'http://evil.example' },
        });
        assertErrorShape(r, 403, 'csrf_failed');
      });
    });

    // --- headers -----------------------------------------------------------------------------

    describe('security headers', () => {
      it('are on a page, a 404 page and an API error', async () => {
        const page = await request(base, '/sign-in');
        assert.equal(page.status, 200);
        assertSecurityHeaders(page, 'GET /sign-in');
        const missing = await request(base, '/no-such-page');
        assert.equal(missing.status, 404);
        assert.ok(missing.text.includes(en['core.error_pages.404.title']));
        assertSecurityHeaders(missing, '404 page');
        const apiErr = await request(base, '/api/v1/me');
        assertErrorShape(apiErr, 401, 'unauthenticated');
        assertSecurityHeaders(apiErr, 'API 401');
        const apiMissing = await request(base, '/api/v1/nothing-here');
        assertErrorShape(apiMissing, 404, 'not_found');
        assertSecurityHeaders(apiMissing, 'API 404');
      });

      it('are on signed-in pages too', async () => {
        const { jar } = await signedIn(base, accounts.admin);
        for (const p of ['/', '/admin', '/api/v1/me']) {
          const r = await request(base, p, { jar });
          assert.equal(r.status, 200, p);
          assertSecurityHeaders(r, p);
        }
      });
    });

    // --- tokens ------------------------------------------------------------------------------

    describe('personal access tokens', () => {
      it('are made with a session and CSRF, work as Bearer, and stop working once revoked', async () => {
        const { jar, csrf } = await signedIn(base, accounts.admin);
        const made = await request(base, '/api/v1/tokens', {
          jar,
          json: { name: 'integration test' },
          headers: { 'X-CSRF-Token': csrf },
        });
        assert.equal(made.status, 201, made.text);
        assert.equal(typeof made.json.token, 'string');
        assert.ok(made.json.token.length >= 32);
        assert.equal(made.json.name, 'integration test');
        assert.equal(made.json.revoked, false);
        const auth = { Authorization: `Bearer ${made.json.token}` };

        const me = await request(base, '/api/v1/me', { headers: auth });
        assert.equal(me.status, 200);
        assert.equal(me.json.email, accounts.admin);

        // A Bearer token needs no CSRF token for changes.
        const created = await request(base, '/api/v1/organisations', {
          headers: auth,
          json: { name_en: 'Token Trust', name_cy: 'Ymddiriedolaeth Tocyn', ons_code: 'W06000101' },
        });
        assert.equal(created.status, 201, created.text);

        const listed = await request(base, '/api/v1/tokens', { headers: auth });
        assert.equal(listed.status, 200);
        const row = listed.json.items.find((t) => t.id === made.json.id);
        assert.ok(row, 'the new token is not listed');
        assert.equal(row.token, undefined, 'the secret is shown again in the list');

        const revoked = await request(base, `/api/v1/tokens/${made.json.id}`, { method: 'DELETE', headers: auth });
        assert.equal(revoked.status, 204);
        const after = await request(base, '/api/v1/me', { headers: auth });
        assertErrorShape(after, 401, 'unauthenticated');
        const stillSession = await request(base, '/api/v1/me', { jar });
        assert.equal(stillSession.status, 200, 'revoking a token ended the session');
      });

      it('refuses a made-up token with 401', async () => {
        const r = await request(base, '/api/v1/me', { headers: { Authorization: 'Bearer sgwrs_notarealtoken' } });
        assertErrorShape(r, 401, 'unauthenticated');
      });
    });

    // --- CRUD ----------------------------------------------------------------------------------

    describe('CRUD with ETag / If-Match', () => {
      let admin;
      before(async () => {
        admin = await session(base, accounts.admin);
      });

      /** Creates, reads, patches (428, 412, 200) one resource and checks a 412 changed nothing. */
      async function lifecycle(path, body, change, staleChange) {
        const made = await admin.api('POST', path, body);
        assert.equal(made.status, 201, `${path}: ${made.text}`);
        assert.equal(made.headers.get('etag'), `"${made.json.version}"`);
        for (const [k, v] of Object.entries(body)) if (k !== 'password') assert.deepEqual(made.json[k], v, `${path} ${k}`);
        const id = made.json.id;

        const got = await admin.api('GET', `${path}/${id}`);
        assert.equal(got.status, 200);
        const etag = got.headers.get('etag');
        assert.match(etag, /^"\d+"$/);
        assert.deepEqual(got.json, made.json);

        const noVersion = await admin.api('PATCH', `${path}/${id}`, change);
        assertErrorShape(noVersion, 428, 'precondition_required');

        const changed = await admin.api('PATCH', `${path}/${id}`, change, { 'If-Match': etag });
        assert.equal(changed.status, 200, changed.text);
        for (const [k, v] of Object.entries(change)) assert.deepEqual(changed.json[k], v, `${path} ${k}`);
        assert.equal(changed.json.version, got.json.version + 1);
        assert.equal(changed.headers.get('etag'), `"${changed.json.version}"`);

        // The old ETag is stale now.
        const stale = await admin.api('PATCH', `${path}/${id}`, staleChange, { 'If-Match': etag });
        assertErrorShape(stale, 412, 'stale');
        const after = await admin.api('GET', `${path}/${id}`);
        assert.deepEqual(after.json, changed.json, `${path}: a 412 PATCH changed the record`);
        assert.equal(after.headers.get('etag'), changed.headers.get('etag'));

        // Listing shows it.
        const all = await listAll(path);
        assert.ok(all.some((x) => x.id === id && x.version === changed.json.version), `${path}: not in the list`);
        return after.json;
      }

      async function listAll(path) {
        const items = [];
        let cursor = null;
        for (let i = 0; i < 100; i++) {
          const r = await admin.api('GET', `${path}?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
          assert.equal(r.status, 200);
          items.push(...r.json.items);
          cursor = r.json.next_cursor;
          if (!cursor) return items;
        }
        throw new Error('pagination did not end');
      }

      // Each test makes the records above its own, so that any one of them runs alone.
      async function made(path, body) {
        const r = await admin.api('POST', path, body);
        assert.equal(r.status, 201, `${path}: ${r.text}`);
        return r.json;
      }
      const newOrganisation = (onsCode) =>
        made('/api/v1/organisations', { name_en: `Parent ${onsCode}`, name_cy: `Rhiant ${onsCode}`, ons_code: onsCode });
      const newService = (organisationId) =>
        made('/api/v1/services', {
          organisation_id: organisationId,
          kind: 'community',
          name_en: 'Parent Service',
          name_cy: 'Gwasanaeth Rhiant',
        });
      const newPod = (serviceId) => made('/api/v1/pods', { service_id: serviceId, name_en: 'Parent Pod', name_cy: 'Pod Rhiant' });

      it('organisation', async () => {
        await lifecycle(
          '/api/v1/organisations',
          { name_en: 'Bro Morgannwg Care', name_cy: 'Gofal Bro Morgannwg', ons_code: 'W06000200' },
          { name_en: 'Bro Morgannwg Care Partnership' },
          { name_en: 'Should not be saved', name_cy: 'Ni ddylid cadw hwn' },
        );
      });

      it('service', async () => {
        const org = await newOrganisation('W06000210');
        await lifecycle(
          '/api/v1/services',
          { organisation_id: org.id, kind: 'adult_social_care', name_en: 'Adult Care', name_cy: 'Gofal Oedolion' },
          { name_cy: 'Gofal Cymdeithasol Oedolion', kind: 'community' },
          { name_en: 'Stale service' },
        );
      });

      it('pod', async () => {
        const service = await newService((await newOrganisation('W06000220')).id);
        await lifecycle(
          '/api/v1/pods',
          { service_id: service.id, name_en: 'Seren Pod', name_cy: 'Pod Seren' },
          { name_en: 'Seren Pod East' },
          { name_cy: 'Hen enw' },
        );
      });

      it('user', async () => {
        const org = await newOrganisation('W06000230');
        const pod = await newPod((await newService(org.id)).id);
        const user = await lifecycle(
          '/api/v1/users',
          {
            email: 'rhiannon.test@bro.example',
            display_name: 'Rhiannon Test',
            role: 'practitioner',
            organisation_id: org.id,
            pod_id: pod.id,
            password: 'a perfectly long pass phrase',
          },
          { display_name: 'Rhiannon Prawf', role: 'senior_practitioner' },
          { display_name: 'Stale Name', disabled: true },
        );
        assert.equal(user.disabled, false);
        // The new account can sign in with its password.
        const s = await signIn(base, 'rhiannon.test@bro.example', 'a perfectly long pass phrase');
        assert.equal(s.status, 303);
      });

      it('answers 404 for a record that does not exist', async () => {
        for (const p of ['/api/v1/organisations/999999', '/api/v1/services/999999', '/api/v1/pods/999999', '/api/v1/users/999999'])
          assertErrorShape(await admin.api('GET', p), 404, 'not_found');
      });
    });

    describe('pagination', () => {
      it('walks all 75 demo users exactly once with limit=10', async () => {
        const s = await demo.start(); // a pristine database: other tests add users
        const { jar } = await signedIn(s.base, accounts.admin);
        const seen = [];
        let cursor = null;
        let pages = 0;
        do {
          const r = await request(s.base, `/api/v1/users?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { jar });
          assert.equal(r.status, 200, r.text);
          assert.ok(Array.isArray(r.json.items));
          assert.ok(r.json.items.length <= 10);
          assert.ok('next_cursor' in r.json);
          seen.push(...r.json.items.map((u) => u.id));
          cursor = r.json.next_cursor;
          pages++;
          assert.ok(pages <= 20, 'pagination does not end');
        } while (cursor !== null);
        assert.equal(seen.length, 75, `walked ${seen.length} users`);
        assert.equal(new Set(seen).size, 75, 'a user was listed twice');
        const all = await request(s.base, '/api/v1/users?limit=200', { jar });
        assert.deepEqual(new Set(all.json.items.map((u) => u.id)), new Set(seen));
      });

      it('refuses a bad limit or cursor with 400', async () => {
        const { jar } = await signedIn(base, accounts.admin);
        assertErrorShape(await request(base, '/api/v1/users?limit=0', { jar }), 400, 'bad_limit');
        assertErrorShape(await request(base, '/api/v1/users?limit=201', { jar }), 400, 'bad_limit');
        assertErrorShape(await request(base, '/api/v1/users?cursor=abc', { jar }), 400, 'bad_cursor');
      });
    });

    // --- error shapes --------------------------------------------------------------------------

    describe('API errors', () => {
      let admin;
      let orgId;
      before(async () => {
        admin = await session(base, accounts.admin);
        orgId = (await admin.api('GET', '/api/v1/me')).json.organisation_id;
      });
      const okOrg = { name_en: 'Valid Name', name_cy: 'Enw Dilys', ons_code: 'W06000300' };

      it('invalid JSON → 400 invalid_json', async () => {
        assertErrorShape(await admin.api('POST', '/api/v1/organisations', '{"name_en": '), 400, 'invalid_json');
        assertErrorShape(await admin.api('POST', '/api/v1/organisations', '[1,2]'), 400, 'invalid_json');
      });

      it('a body that is not JSON → 415', async () => {
        const r = await request(base, '/api/v1/organisations', {
          jar: admin.jar,
          headers: { 'X-CSRF-Token': admin.csrf, 'Content-Type': 'text/plain' },
          method: 'POST',
          body: 'name_en=x',
        });
        assertErrorShape(r, 415, 'invalid_json');
      });

      it('unknown field → 400 unknown_field naming it', async () => {
        const e = assertErrorShape(
          await admin.api('POST', '/api/v1/organisations', { ...okOrg, colour: 'red' }),
          400,
          'unknown_field',
        );
        assert.equal(e.detail, 'colour');
      });

      it('wrong type → 400 wrong_type naming the field', async () => {
        const e = assertErrorShape(
          await admin.api('POST', '/api/v1/organisations', { ...okOrg, name_en: 42 }),
          400,
          'wrong_type',
        );
        assert.equal(e.detail, 'name_en');
      });

      it('over-long string → 422 with fields[0].code too_long', async () => {
        const e = assertErrorShape(
          await admin.api('POST', '/api/v1/organisations', { ...okOrg, name_en: 'a'.repeat(201) }),
          422,
          'invalid_input',
        );
        assert.ok(Array.isArray(e.fields) && e.fields.length >= 1, JSON.stringify(e));
        assert.equal(e.fields[0].field, 'name_en');
        assert.equal(e.fields[0].code, 'too_long');
        assert.equal(typeof e.fields[0].message, 'string');
        // 200 is still fine.
        const fine = await admin.api('POST', '/api/v1/organisations', {
          ...okOrg,
          name_en: 'b'.repeat(200),
          ons_code: 'W06000301',
        });
        assert.equal(fine.status, 201, fine.text);
      });

      it('missing fields → 422 listing each field', async () => {
        const e = assertErrorShape(await admin.api('POST', '/api/v1/organisations', {}), 422, 'invalid_input');
        const names = e.fields.map((f) => f.field);
        for (const f of ['name_en', 'name_cy', 'ons_code']) assert.ok(names.includes(f), `${f} not in ${names}`);
      });

      it('invalid UTF-8 bytes in a JSON body → 400', async () => {
        const body = Buffer.concat([Buffer.from('{"name_en":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","name_cy":"x","ons_code":"W06000302"}')]);
        const r = await request(base, '/api/v1/organisations', {
          method: 'POST',
          jar: admin.jar,
          headers: { 'X-CSRF-Token': admin.csrf, 'Content-Type': 'application/json' },
          body,
        });
        assertErrorShape(r, 400, 'invalid_json');
        await assertHealthy(base);
      });

      it('missing version → 428, stale version → 412, malformed If-Match → 412', async () => {
        const path = `/api/v1/organisations/${orgId}`;
        const before = await admin.api('GET', path);
        assertErrorShape(await admin.api('PATCH', path, { name_en: 'X' }), 428, 'precondition_required');
        assertErrorShape(
          await admin.api('PATCH', path, { name_en: 'X' }, { 'If-Match': `"${before.json.version + 5}"` }),
          412,
          'stale',
        );
        assertErrorShape(await admin.api('PATCH', path, { name_en: 'X' }, { 'If-Match': 'nonsense' }), 412, 'stale');
        const after = await admin.api('GET', path);
        assert.deepEqual(after.json, before.json, 'a refused PATCH changed the organisation');
      });

      it('an unauthenticated request → 401 unauthenticated; an unauthenticated change is refused', async () => {
        assertErrorShape(await request(base, '/api/v1/organisations'), 401, 'unauthenticated');
        assertErrorShape(await request(base, '/api/v1/organisations/1'), 401, 'unauthenticated');
        // Without credentials a change is refused as unauthenticated, and nothing is stored.
        const r = await request(base, '/api/v1/organisations', { json: okOrg });
        assertErrorShape(r, 401, 'unauthenticated');
        const bogus = await request(base, '/api/v1/organisations', {
          json: okOrg,
          headers: { Authorization: 'Bearer not-a-real-token' },
        });
        assertErrorShape(bogus, 401, 'unauthenticated');
        const list = await admin.api('GET', '/api/v1/organisations?limit=100');
        assert.ok(!list.json.items.some((o) => o.ons_code === okOrg.ons_code), 'the refused organisation was stored');
      });

      it('a method the route does not have → 405', async () => {
        assertErrorShape(await admin.api('DELETE', '/api/v1/organisations'), 405, 'method_not_allowed');
      });

      it('speaks Welsh to a Welsh-speaking session', async () => {
        // Its own server: the choice is kept on the account, and other tests sign in as it.
        const s = await demo.start();
        const { jar, csrf } = await signedIn(s.base, accounts.analyst);
        const lang = await request(s.base, '/language', { jar, form: { csrf, lang: 'cy', return_to: '/' } });
        assert.equal(lang.status, 303);
        const r = await request(s.base, '/api/v1/users?limit=0', { jar });
        const e = assertErrorShape(r, 400, 'bad_limit');
        assert.equal(e.message, cy['core.errors.bad_limit']);
      });
    });

    describe('invalid UTF-8 in a form field', () => {
      it('a sign-in email with byte 0xFF gets a 422 page and the server stays up', async () => {
        const jar = new CookieJar();
        const page = await request(base, '/sign-in', { jar });
        const r = await request(base, '/sign-in', {
          jar,
          form: `csrf=${encodeURIComponent(csrfFrom(page.text))}&email=admin%FF%40glantawe.example&password=x`,
        });
        assert.equal(r.status, 422, `status ${r.status}`);
        assert.match(r.headers.get('content-type') || '', /^text\/html/);
        assert.match(r.text, /govuk-error-summary/);
        assert.equal(jar.get(SESSION_COOKIE), undefined);
        await assertHealthy(base);
      });

      it('the page answering it is itself valid UTF-8 (the bad bytes are not echoed back)', async () => {
        const jar = new CookieJar();
        const page = await request(base, '/sign-in', { jar });
        const r = await request(base, '/sign-in', {
          jar,
          form: `csrf=${encodeURIComponent(csrfFrom(page.text))}&email=admin%FF%40glantawe.example&password=x`,
        });
        assert.ok(
          isValidUtf8(r.bytes),
          `the ${r.status} page declares charset=utf-8 but is not valid UTF-8: ` +
            `${JSON.stringify(r.bytes.toString('latin1').match(/value="[^"]*\xff[^"]*"/)?.[0])}`,
        );
      });
    });

    // --- roles -----------------------------------------------------------------------------------

    describe('a practitioner', () => {
      it('gets 403 creating an organisation and 404 for another organisation', async () => {
        const { jar, csrf } = await signedIn(base, accounts.practitioner);
        const h = { 'X-CSRF-Token': csrf };
        const created = await request(base, '/api/v1/organisations', {
          jar,
          headers: h,
          json: { name_en: 'Nope', name_cy: 'Na', ons_code: 'W06000400' },
        });
        assertErrorShape(created, 403, 'forbidden');
        const me = (await request(base, '/api/v1/me', { jar })).json;
        const own = await request(base, `/api/v1/organisations/${me.organisation_id}`, { jar });
        assert.equal(own.status, 200);
        // Find another organisation's id as an administrator.
        const { jar: adminJar } = await signedIn(base, accounts.admin);
        const orgs = (await request(base, '/api/v1/organisations?limit=200', { jar: adminJar })).json.items;
        const other = orgs.find((o) => o.id !== me.organisation_id);
        assert.ok(other, 'no other organisation in the demo');
        assertErrorShape(await request(base, `/api/v1/organisations/${other.id}`, { jar }), 404, 'not_found');
        // The list is theirs alone: their own organisation, no other.
        const list = await request(base, '/api/v1/organisations', { jar });
        assert.equal(list.status, 200, list.text);
        assert.deepEqual(
          list.json.items.map((o) => o.id),
          [me.organisation_id],
          'a practitioner lists organisations other than their own',
        );
        const patched = await request(base, `/api/v1/organisations/${me.organisation_id}`, {
          jar,
          method: 'PATCH',
          headers: { ...h, 'If-Match': own.headers.get('etag') },
          json: { name_en: 'Taken over' },
        });
        assertErrorShape(patched, 403, 'forbidden');
      });

      it('gets 403 on the administration pages', async () => {
        const { jar } = await signedIn(base, accounts.practitioner);
        for (const p of ['/admin', '/admin/organisations', '/admin/users', '/admin/audit', '/admin/users/1']) {
          const r = await request(base, p, { jar });
          assert.equal(r.status, 403, p);
          assert.ok(r.text.includes(en['core.error_pages.403.title']), p);
        }
      });
    });

    describe('administration forms', () => {
      // Once a bug: a save refused for another reason (an empty name) came back carrying the
      // version read just then, so the next save overwrote a colleague's change unwarned.
      it('keep the version they were sent with, so a colleague\'s change is never overwritten unseen', async () => {
        const a = await session(base, accounts.admin);
        const b = await session(base, accounts.admin);
        const list = await a.api('GET', '/api/v1/services');
        const svc = list.json.items[0];
        const fields = { name_en: svc.name_en, name_cy: svc.name_cy, kind: svc.kind };
        const first = await b.form(`/admin/services/${svc.id}`, { ...fields, name_en: 'Changed by B', version: String(svc.version) });
        assert.equal(first.status, 303, first.text.slice(0, 300));
        const invalid = await a.form(`/admin/services/${svc.id}`, { ...fields, name_en: '', version: String(svc.version) });
        assert.equal(invalid.status, 422);
        const carried = invalid.text.match(/name="version" value="(\d+)"/)[1];
        assert.equal(carried, String(svc.version), 'the form must carry the version it was sent with');
        const again = await a.form(`/admin/services/${svc.id}`, { ...fields, name_en: 'Changed by A', version: carried });
        assert.notEqual(again.status, 303, 'a stale save must not go through');
        assert.ok(again.text.includes(en['core.errors.stale_explained']), 'the stale warning is shown');
        const now = await a.api('GET', `/api/v1/services/${svc.id}`);
        assert.equal(now.json.name_en, 'Changed by B');
      });
    });

    // --- limits ----------------------------------------------------------------------------------

    describe('limits', () => {
      it('headers over 16 KiB → 431, and the server still answers', async () => {
        const r = await rawRequest(
          srv.port,
          `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nX-Padding: ${'a'.repeat(17 * 1024)}\r\nConnection: close\r\n\r\n`,
        );
        assert.equal(r.status, 431, r.head);
        await assertHealthy(base);
      });

      it('a body over 1 MiB → 413, and the server still answers', async () => {
        // The answer comes while the client is still sending; the server must read on after
        // it so that closing does not reset the connection and lose the 413 (tried several
        // times: a reset is a race).
        const size = 1024 * 1024 + 100;
        for (let i = 0; i < 5; i++) {
          const r = await rawRequest(
            srv.port,
            `POST /api/v1/organisations HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nContent-Type: application/json\r\n` +
              `Content-Length: ${size}\r\nConnection: close\r\n\r\n${'a'.repeat(size)}`,
          );
          assert.equal(r.status, 413, r.head);
        }
        await assertHealthy(base);
      });

      it('a chunked body over 1 MiB → 413, and the server still answers', async () => {
        const chunk = 'a'.repeat(64 * 1024);
        let payload = `POST /api/v1/organisations HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`;
        for (let i = 0; i < 18; i++) payload += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
        payload += '0\r\n\r\n';
        const r = await rawRequest(srv.port, payload);
        assert.equal(r.status, 413, r.head);
        await assertHealthy(base);
      });

      it('malformed HTTP → 400, and the server still answers', async () => {
        for (const junk of ['GARBAGE\r\n\r\n', 'GET / HTTP/9.Z\r\n\r\n', 'GET /healthz HTTP/1.1\r\nHost x\r\nBad Header\r\n\r\n']) {
          const r = await rawRequest(srv.port, junk);
          assert.equal(r.status, 400, `${JSON.stringify(junk)}: ${r.head}`);
          await assertHealthy(base);
        }
      });

      it('a request left half-sent → 408 on the same connection once the read time is up', async () => {
        const s = await demo.start({ extraArgs: ['--read-timeout-seconds', '1'] });
        const started = Date.now();
        const r = await rawRequest(s.port, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nX-Part`, {
          timeoutMs: 10_000,
        });
        assert.equal(r.status, 408, r.raw);
        assert.ok(Date.now() - started >= 900, 'answered before the read time was up');
        // An idle keep-alive connection that never started a request is closed without a word.
        const idle = await rawRequest(s.port, '', { timeoutMs: 10_000 });
        assert.equal(idle.status, null, idle.raw);
        assert.equal((await request(s.base, '/healthz')).status, 200);
      });

      it('/readyz is 200 while the store answers', async () => {
        const r = await request(base, '/readyz');
        assert.equal(r.status, 200);
      });
    });

    // --- language --------------------------------------------------------------------------------

    describe('language', () => {
      it('Accept-Language: cy gives the Welsh sign-in page', async () => {
        const r = await request(base, '/sign-in', { headers: { 'Accept-Language': 'cy' } });
        assert.equal(r.status, 200);
        assert.match(r.text, /<html lang="cy"/);
        assert.ok(r.text.includes(`<title>${cy['identity.signin.title']}`), 'no Welsh title');
        assert.ok(r.text.includes(`>${cy['identity.signin.title']}</h1>`), 'no Welsh heading');
        const e = await request(base, '/sign-in', { headers: { 'Accept-Language': 'en-GB,en;q=0.9,cy;q=0.5' } });
        assert.match(e.text, /<html lang="en"/);
        assert.ok(e.text.includes(`>${en['identity.signin.title']}</h1>`));
      });

      it('the language cookie outranks Accept-Language', async () => {
        const jar = new CookieJar();
        const page = await request(base, '/sign-in', { jar });
        const r = await request(base, '/language', { jar, form: { csrf: csrfFrom(page.text), lang: 'cy', return_to: '/sign-in' } });
        assert.equal(r.status, 303);
        assert.equal(r.headers.get('location'), '/sign-in');
        const again = await request(base, '/sign-in', { jar, headers: { 'Accept-Language': 'en' } });
        assert.match(again.text, /<html lang="cy"/);
      });

      it('never redirects to another site after a language change', async () => {
        const jar = new CookieJar();
        const page = await request(base, '/sign-in', { jar });
        const r = await request(base, '/language', {
          jar,
          form: { csrf: csrfFrom(page.text), lang: 'en', return_to: '//evil.example/' },
        });
        assert.equal(r.status, 303);
        assert.equal(r.headers.get('location'), '/');
      });
    });

    // --- audit -----------------------------------------------------------------------------------

    describe('audit trail', () => {
      it('shows a failed sign-in and an administrator change', async () => {
        const s = await demo.start();
        const failed = await signIn(s.base, accounts.leader, 'definitely-wrong');
        assert.equal(failed.status, 401);
        const admin = await session(s.base, accounts.admin);
        const org = await admin.api('GET', '/api/v1/organisations/1');
        const patched = await admin.api(
          'PATCH',
          '/api/v1/organisations/1',
          { name_en: `${org.json.name_en} (audited)` },
          { 'If-Match': org.headers.get('etag') },
        );
        assert.equal(patched.status, 200, patched.text);
        const page = await request(s.base, '/admin/audit', { jar: admin.jar });
        assert.equal(page.status, 200);
        assert.ok(page.text.includes(en['audit.title']));
        const rows = tableRows(page.text);
        const actions = rows.map((r) => `${r[2]}/${r[3]}`);
        assert.ok(
          rows.some((r) => r[2] === 'session.start' && r[3] === 'failed'),
          `no failed sign_in row in the audit page; rows: ${JSON.stringify(actions)}`,
        );
        assert.ok(
          rows.some((r) => r[2] === 'organisation.update' && r[3] === 'ok' && /organisation 1/.test(r[4])),
          `no organisation.update row in the audit page; rows: ${JSON.stringify(actions)}`,
        );
        assert.ok(rows.some((r) => r[2] === 'session.start' && r[3] === 'ok'), 'no successful sign_in row');
      });

      it('is refused to a non-administrator', async () => {
        const { jar } = await signedIn(base, accounts.leader);
        const r = await request(base, '/admin/audit', { jar });
        assert.equal(r.status, 403);
      });
    });

    // --- shutdown --------------------------------------------------------------------------------

    describe('graceful shutdown', () => {
      it('answers a request in flight at SIGTERM, then exits 0', async () => {
        const s = await demo.start();
        const jar = new CookieJar();
        const page = await request(s.base, '/sign-in', { jar });
        const body = new URLSearchParams({
          csrf: csrfFrom(page.text),
          email: accounts.admin,
          password: DEMO_PASSWORD,
        }).toString();
        const payload =
          `POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nCookie: ${jar.header()}\r\n` +
          `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
        let signalled = false;
        // The sign-in hashes a password, so it is still running when the signal arrives.
        const answer = await rawRequest(s.port, payload, {
          timeoutMs: 20_000,
          onWritten: () => {
            signalled = s.proc.kill('SIGTERM');
          },
        });
        assert.ok(signalled, 'SIGTERM was not sent');
        assert.equal(answer.status, 303, `no complete answer to the request in flight:\n${answer.raw}\n${s.output()}`);
        assert.match(answer.head, /__Host-sgwrs-session=/);
        const exit = await Promise.race([
          s.exited,
          new Promise((r) => setTimeout(() => r({ timeout: true }), 20_000)),
        ]);
        assert.deepEqual(exit, { code: 0, signal: null }, `exit: ${JSON.stringify(exit)}\n${s.output()}`);
        // And it no longer listens.
        await assert.rejects(fetch(`${s.base}/healthz`));
      });
    });
  });
}
