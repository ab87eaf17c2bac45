// Browser tests: real Chromium (Debian's) driven by playwright-core, against a demo server.
// Signing in through the form, the Welsh/English toggle on every signed-in page, signing out,
// CSRF refusal, the idle time-out, GOV.UK error summaries, the stale-edit flow, pages without
// JavaScript, and an axe accessibility scan of every page in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { accounts, demoServers, loadCatalogue, sleep } from '../support/server.mjs';
import {
  apiGet,
  browserSession,
  htmlLang,
  LAUNCH,
  navLabels,
  seriousViolations,
  signInWithForm,
  submit,
  submitSignIn,
  useLanguage,
} from '../support/browser.mjs';

const en = loadCatalogue('en');
const cy = loadCatalogue('cy');
const cat = { en, cy };
const fmt = (s, vars) => s.replace(/\{(\w+)\}/g, (_, k) => vars[k]);

const T = { timeout: 90_000 };

const demo = demoServers('sqlite');
let srv; // the main server
let idleSrv; // --session-idle-seconds 2
let browser;
let contexts; // browserSession(browser): every context made, closed after the tests

const h1Text = async (page) => (await page.locator('main h1').first().innerText()).trim();

/** The visible text of the layout around the content: header, navigation, footer and h1. */
async function layoutText(page) {
  return page.evaluate(() =>
    ['header', '.govuk-service-navigation', 'footer', 'main h1', '.govuk-skip-link']
      .flatMap((s) => [...document.querySelectorAll(s)])
      .map((e) => e.innerText || e.textContent)
      .join('\n'),
  );
}

// English catalogue strings that differ from their Welsh versions (and are long enough to be
// found without false alarms): none of them may appear in a Welsh page's layout. A string
// that is also some Welsh text (the language toggle's "English") is not English-only.
const welshTexts = new Set(Object.values(cy));
const englishOnly = Object.entries(en)
  .filter(
    ([k, v]) =>
      typeof v === 'string' && v !== cy[k] && !welshTexts.has(v) && v.length >= 4 && !v.includes('{'),
  )
  .map(([k, v]) => ({ key: k, text: v }));

function assertNoEnglish(text, where) {
  const found = englishOnly.filter(({ text: t }) =>
    new RegExp(`(^|[^\\p{L}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text),
  );
  assert.deepEqual(
    found.map((f) => `${f.key}: ${f.text}`),
    [],
    `${where}: English text in a Welsh page's layout`,
  );
}

async function assertNav(page, lang, where) {
  const want = ['core.nav.home', 'core.nav.organisation', 'core.nav.analysis', 'core.nav.admin', 'core.nav.account'].map((k) => cat[lang][k]);
  assert.deepEqual(await navLabels(page), want, `${where}: navigation labels in ${lang}`);
}

async function axeScan(page, what) {
  const bad = await seriousViolations(page);
  if (bad.length) {
    const report = bad
      .map(
        (v) =>
          `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
          v.nodes.map((n) => `      ${n.target.join(' ')}: ${n.html}\n        ${n.failureSummary}`).join('\n'),
      )
      .join('\n');
    console.log(`axe violations on ${what}:\n${report}`);
  }
  assert.deepEqual(
    bad.map((v) => `${v.impact} ${v.id} ×${v.nodes.length}`),
    [],
    `serious/critical axe violations on ${what}`,
  );
}

// ---------------------------------------------------------------------------------------------

before(async () => {
  srv = await demo.start();
  idleSrv = await demo.start({ idleSeconds: 2 });
  browser = await chromium.launch(LAUNCH);
  contexts = browserSession(browser);
});

after(async () => {
  await contexts?.closeAll();
  await browser?.close();
  await demo.stopAll();
});

/**
 * Every signed-in page, as an administrator sees it, with real ids found by following links
 * from /admin. Each entry: { path, h1: (lang) => expected heading or undefined }.
 */
async function discoverPages(page, base) {
  const hrefs = async (re) =>
    (await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).filter((h) =>
      re.test(h),
    );
  const follow = async (href) => {
    const res = await page.goto(base + href);
    assert.equal(res.status(), 200, `GET ${href}`);
  };
  await follow('/admin');
  assert.ok((await hrefs(/^\/admin\/organisations$/)).length, '/admin does not link to organisations');
  await follow('/admin/organisations');
  const orgLinks = await hrefs(/^\/admin\/organisations\/\d+$/);
  assert.ok(orgLinks.length, '/admin/organisations lists no organisation links');
  assert.ok((await hrefs(/^\/admin\/organisations\/new$/)).length, 'no link to add an organisation');
  // The first organisation that has a service with a pod.
  let orgPath;
  let servicePath;
  let podPath;
  let servicesNew;
  let podsNew;
  for (const o of orgLinks) {
    await follow(o);
    servicesNew = (await hrefs(/^\/admin\/organisations\/\d+\/services\/new$/))[0];
    for (const s of await hrefs(/^\/admin\/services\/\d+$/)) {
      await follow(s);
      const pods = await hrefs(/^\/admin\/pods\/\d+$/);
      if (pods.length) {
        [orgPath, servicePath, podPath] = [o, s, pods[0]];
        podsNew = (await hrefs(/^\/admin\/services\/\d+\/pods\/new$/))[0];
        break;
      }
    }
    if (podPath) break;
  }
  assert.ok(podPath, 'found no organisation → service → pod through links');
  assert.ok(servicesNew && podsNew, 'no "add a service" / "add a pod" links');
  await follow('/admin/users');
  const userPath = (await hrefs(/^\/admin\/users\/\d+$/))[0];
  assert.ok(userPath, '/admin/users lists no staff account links');
  assert.ok((await hrefs(/^\/admin\/users\/new$/)).length, 'no link to add a staff account');
  await follow(userPath);
  const passwordPath = (await hrefs(/^\/admin\/users\/\d+\/password$/))[0];
  assert.ok(passwordPath, 'a staff account page does not link to its password page');
  await follow('/admin');
  assert.ok((await hrefs(/^\/admin\/audit$/)).length, '/admin does not link to the audit trail');

  // Names as the API has them, to know the headings of record pages.
  const api = (p) => apiGet(page, base, p);
  const me = await api('/api/v1/me');
  const org = await api(`/api/v1/organisations/${orgPath.split('/').pop()}`);
  const myOrg = await api(`/api/v1/organisations/${me.organisation_id}`);
  const svc = await api(`/api/v1/services/${servicePath.split('/').pop()}`);
  const pod = await api(`/api/v1/pods/${podPath.split('/').pop()}`);
  const user = await api(`/api/v1/users/${userPath.split('/').pop()}`);
  const byLang = (x) => (lang) => (lang === 'cy' ? x.name_cy : x.name_en);
  const key = (k) => (lang) => cat[lang][k];
  return [
    { path: '/', h1: (lang) => fmt(cat[lang]['core.home.greeting'], { name: me.display_name }) },
    { path: '/organisation', h1: byLang(myOrg) },
    { path: '/account', h1: key('identity.account.title') },
    { path: '/admin', h1: key('organisation.admin.title') },
    { path: '/admin/organisations', h1: key('organisation.admin.organisations.title') },
    { path: orgPath, h1: byLang(org) },
    { path: '/admin/organisations/new', h1: key('organisation.admin.organisations.create') },
    { path: servicesNew, h1: key('organisation.admin.services.create') },
    { path: servicePath, h1: byLang(svc) },
    { path: podsNew, h1: key('organisation.admin.pods.create') },
    { path: podPath, h1: byLang(pod) },
    { path: '/admin/users', h1: key('organisation.admin.users.title') },
    { path: userPath, h1: () => user.display_name },
    { path: '/admin/users/new', h1: key('organisation.admin.users.create') },
    { path: passwordPath, h1: (lang) => fmt(cat[lang]['organisation.admin.users.password_title'], { name: user.display_name }) },
    { path: '/admin/audit', h1: key('audit.title') },
  ];
}

// ---------------------------------------------------------------------------------------------

describe('signed in as an administrator', () => {
  let ctx;
  let page;
  let pages;

  before(async () => {
    ctx = await contexts.newContext();
    page = await ctx.newPage();
  });
  after(async () => {
    await contexts.closeContext(ctx);
  });

  it('signs in through the real form', T, async () => {
    await signInWithForm(page, srv.base, accounts.admin);
    await useLanguage(page, 'en');
    assert.match(await h1Text(page), /^Hello, /);
    await assertNav(page, 'en', '/');
    const cookies = await ctx.cookies();
    const session = cookies.find((c) => c.name === '__Host-sgwrs-session');
    assert.ok(session, 'no session cookie in the browser');
    assert.equal(session.httpOnly, true);
    assert.equal(session.secure, true);
    assert.equal(session.sameSite, 'Lax');
  });

  it('finds every signed-in page by following links', T, async () => {
    pages = await discoverPages(page, srv.base);
    assert.equal(pages.length, 16);
  });

  it('switches to Cymraeg and shows every page in Welsh', T, async () => {
    assert.ok(pages, 'needs the pages');
    await page.goto(`${srv.base}/`);
    await useLanguage(page, 'cy');
    assert.equal(new URL(page.url()).pathname, '/', 'the toggle did not return to the same page');
    for (const p of pages) {
      const res = await page.goto(srv.base + p.path);
      assert.equal(res.status(), 200, p.path);
      assert.equal(await htmlLang(page), 'cy', `${p.path}: html lang`);
      await assertNav(page, 'cy', p.path);
      assert.equal(await h1Text(page), p.h1('cy'), `${p.path}: h1`);
      assert.equal(
        (await page.locator('.sgwrs-lang-toggle__button').innerText()).trim(),
        cy['core.layout.other_language'],
        `${p.path}: toggle label`,
      );
      assert.equal((await page.locator('.sgwrs-header__signout').innerText()).trim(), cy['core.layout.sign_out']);
      assertNoEnglish(await layoutText(page), p.path);
      const title = await page.title();
      assert.ok(title.endsWith(`– ${cy['core.app.name']}`), `${p.path}: title ${title}`);
    }
  });

  it('switches back to English', T, async () => {
    await page.goto(`${srv.base}/admin`);
    await useLanguage(page, 'en');
    assert.equal(new URL(page.url()).pathname, '/admin');
    assert.equal(await h1Text(page), en['organisation.admin.title']);
    await assertNav(page, 'en', '/admin');
    for (const p of pages ?? []) {
      await page.goto(srv.base + p.path);
      assert.equal(await htmlLang(page), 'en', p.path);
      assert.equal(await h1Text(page), p.h1('en'), `${p.path}: h1`);
    }
  });

  it('shows the GOV.UK error summary linking to the field on a form with errors', T, async () => {
    await page.goto(`${srv.base}/admin/organisations/new`);
    await useLanguage(page, 'en');
    const res = await submit(page, 'main form button[type=submit]');
    assert.equal(res.status(), 422);
    const summary = page.locator('.govuk-error-summary');
    assert.ok(await summary.isVisible(), 'no error summary');
    assert.equal((await summary.locator('.govuk-error-summary__title').innerText()).trim(), en['core.common.error_summary_title']);
    const link = summary.locator('a[href="#name_en"]');
    assert.equal(await link.count(), 1, 'the summary does not link to #name_en');
    assert.match(await link.innerText(), new RegExp(`^${en['core.fields.name_en']}: `));
    assert.equal(await page.locator('input#name_en').count(), 1, 'no input with id name_en');
    assert.ok(await page.locator('#name_en-error').isVisible(), 'no error message by the field');
    assert.ok((await page.title()).startsWith(en['core.common.error_prefix']), 'the title does not start with "Error:"');
    await link.click();
    const focused = await page.evaluate(() => [document.activeElement?.id, location.hash]);
    assert.ok(
      focused[0] === 'name_en' || focused[1] === '#name_en',
      `the link neither focuses nor targets the input: ${JSON.stringify(focused)}`,
    );
  });

  it('refuses a form whose csrf field was tampered with (403)', T, async () => {
    await page.goto(`${srv.base}/admin/organisations/new`);
    await page.fill('#name_en', 'Tampered Trust');
    await page.fill('#name_cy', 'Ymddiriedolaeth Ymyrryd');
    await page.fill('#ons_code', 'W06000777');
    await page.evaluate(() => {
      document.querySelector('main form input[name="csrf"]').value = 'tampered-value';
    });
    const res = await submit(page, 'main form button[type=submit]');
    assert.equal(res.status(), 403);
    assert.equal(await h1Text(page), en['core.error_pages.403.title']);
    // Nothing was made.
    const list = await apiGet(page, srv.base, '/api/v1/organisations?limit=200');
    assert.ok(!list.items.some((o) => o.name_en === 'Tampered Trust'), 'the tampered form was saved');
  });

  it('keeps what was typed and warns when someone else saved first (stale edit)', T, async () => {
    // A record of its own, made through the API with the session's CSRF token.
    await page.goto(`${srv.base}/`);
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    const made = await page.request.post(`${srv.base}/api/v1/organisations`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { name_en: 'Stale Test Trust', name_cy: 'Ymddiriedolaeth Prawf', ons_code: 'W06000888' },
    });
    assert.equal(made.status(), 201, await made.text());
    const id = (await made.json()).id;

    const first = page;
    const second = await ctx.newPage();
    await first.goto(`${srv.base}/admin/organisations/${id}`);
    await second.goto(`${srv.base}/admin/organisations/${id}`);

    await first.fill('#name_en', 'Saved First Trust');
    const saved = await submit(first, 'main form button[type=submit]');
    assert.equal(saved.status(), 303);
    assert.match(first.url(), /done=saved/);
    assert.equal((await first.locator('.govuk-notification-banner').innerText()).includes(en['core.flash.saved']), true);

    await second.fill('#name_en', 'Typed Second Trust');
    const stale = await submit(second, 'main form button[type=submit]');
    assert.equal(stale.status(), 412);
    const warning = second.locator('.govuk-warning-text');
    assert.ok(await warning.isVisible(), 'no stale warning');
    assert.ok((await warning.innerText()).includes(en['core.errors.stale_explained']), await warning.innerText());
    assert.equal(await second.inputValue('#name_en'), 'Typed Second Trust', 'the typed value was lost');
    assert.ok(await second.locator('.govuk-error-summary').isVisible(), 'no error summary on a stale save');

    // Saving again now is deliberate and works.
    const again = await submit(second, 'main form button[type=submit]');
    assert.equal(again.status(), 303);
    const now = await apiGet(page, srv.base, `/api/v1/organisations/${id}`);
    assert.equal(now.name_en, 'Typed Second Trust');
    await second.close();
  });

  it('signs out and sees the sign-in page', T, async () => {
    await page.goto(`${srv.base}/`);
    await useLanguage(page, 'en');
    await submit(page, '.sgwrs-header__signout');
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    assert.equal(await h1Text(page), en['identity.signin.title']);
    assert.ok((await page.locator('main').innerText()).includes(en['identity.signin.signed_out']));
    assert.equal(await page.locator('.govuk-service-navigation').count(), 0, 'navigation still shown');
    await page.goto(`${srv.base}/admin`);
    assert.equal(new URL(page.url()).pathname, '/sign-in', 'still signed in after signing out');
  });
});

describe('sessions', () => {
  it('an idle session times out: the next page is sign-in with the timed-out message', T, async () => {
    const ctx = await contexts.newContext();
    const page = await ctx.newPage();
    await signInWithForm(page, idleSrv.base, accounts.leader);
    const lang = await htmlLang(page);
    await sleep(4000);
    await page.goto(`${idleSrv.base}/organisation`);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/sign-in');
    assert.equal(url.searchParams.get('next'), '/organisation');
    assert.ok(
      (await page.locator('main').innerText()).includes(cat[lang]['identity.signin.timed_out']),
      'no timed-out message',
    );
    // Signing in again returns to the page asked for.
    const again = await submitSignIn(page, accounts.leader);
    assert.equal(again.status(), 303);
    assert.equal(new URL(page.url()).pathname, '/organisation');
    await contexts.closeContext(ctx);
  });

  it('works with JavaScript disabled: sign in, change language, sign out', T, async () => {
    const ctx = await contexts.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.manager);
    // app.js marks the body when it runs; with JavaScript off it must not have.
    assert.ok(!/\bjs-enabled\b/.test((await page.getAttribute('body', 'class')) ?? ''), 'JavaScript ran');
    await page.goto(`${srv.base}/organisation`);
    const start = await htmlLang(page);
    const other = start === 'cy' ? 'en' : 'cy';
    await submit(page, '.sgwrs-lang-toggle__button');
    assert.equal(new URL(page.url()).pathname, '/organisation');
    assert.equal(await htmlLang(page), other);
    await assertNavNoAdmin(page, other);
    await submit(page, '.sgwrs-lang-toggle__button');
    assert.equal(await htmlLang(page), start);
    await assertNavNoAdmin(page, start);
    await submit(page, '.sgwrs-header__signout');
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    await contexts.closeContext(ctx);
  });
});

async function assertNavNoAdmin(page, lang) {
  const want = ['core.nav.home', 'core.nav.organisation', 'core.nav.account'].map((k) => cat[lang][k]);
  assert.deepEqual(await navLabels(page), want, `navigation in ${lang}`);
}

// ---------------------------------------------------------------------------------------------

describe('accessibility (axe: no serious or critical violations)', () => {
  let pages;
  let ctx;
  let page;

  before(async () => {
    ctx = await contexts.newContext();
    page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.admin);
    pages = await discoverPages(page, srv.base);
  });
  after(async () => {
    await contexts.closeContext(ctx);
  });

  for (const lang of ['en', 'cy']) {
    describe(`in ${lang === 'en' ? 'English' : 'Welsh'}`, () => {
      it('every signed-in page', T, async () => {
        await page.goto(`${srv.base}/`);
        await useLanguage(page, lang);
        const failures = [];
        for (const p of pages) {
          await page.goto(srv.base + p.path);
          assert.equal(await htmlLang(page), lang);
          await axeScan(page, `${p.path} (${lang})`).catch((e) => failures.push(e.message));
        }
        assert.deepEqual(failures, []);
      });

      it('a form with errors', T, async () => {
        await page.goto(`${srv.base}/admin/organisations/new`);
        await useLanguage(page, lang);
        const res = await submit(page, 'main form button[type=submit]');
        assert.equal(res.status(), 422);
        await axeScan(page, `/admin/organisations/new with errors (${lang})`);
      });

      it('a 404 page', T, async () => {
        await page.goto(`${srv.base}/`);
        await useLanguage(page, lang);
        const res = await page.goto(`${srv.base}/no-such-page`);
        assert.equal(res.status(), 404);
        assert.equal(await htmlLang(page), lang);
        assert.equal(await h1Text(page), cat[lang]['core.error_pages.404.title']);
        await axeScan(page, `404 page (${lang})`);
      });

      it('the sign-in page', T, async () => {
        const c = await contexts.newContext();
        const p = await c.newPage();
        await p.goto(`${srv.base}/sign-in`);
        await useLanguage(p, lang);
        assert.equal(await h1Text(p), cat[lang]['identity.signin.title']);
        await axeScan(p, `/sign-in (${lang})`);
        // And the same page showing a failed sign-in.
        const res = await submitSignIn(p, accounts.analyst, 'wrong password here');
        assert.equal(res.status(), 401);
        assert.ok(await p.locator('.govuk-error-summary').isVisible());
        await axeScan(p, `/sign-in with an error (${lang})`);
        await contexts.closeContext(c);
      });

      it('a 403 page (a practitioner on /admin)', T, async () => {
        const c = await contexts.newContext();
        const p = await c.newPage();
        await signInWithForm(p, srv.base, accounts.practitioner);
        await useLanguage(p, lang);
        const res = await p.goto(`${srv.base}/admin`);
        assert.equal(res.status(), 403);
        assert.equal(await htmlLang(p), lang);
        assert.equal(await h1Text(p), cat[lang]['core.error_pages.403.title']);
        await axeScan(p, `403 page (${lang})`);
        await contexts.closeContext(c);
      });
    });
  }
});
