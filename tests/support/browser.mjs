// What every browser suite shares: how to start Debian's Chromium here (headless, no
// network beyond loopback, a fresh profile per launch), which WCAG rules axe checks, and the
// few steps every suite takes through the real pages (contexts, forms, sign-in, language).
// Nothing here keeps a browser or a server of its own: each helper is given what it works on.
import assert from 'node:assert/strict';

import AxeBuilder from '@axe-core/playwright';

import { DEMO_PASSWORD } from './server.mjs';

export const LAUNCH = {
  executablePath: process.env.SGWRS_CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Contexts of one launched browser, with the suites' time-outs, and all of them closed at the
 * end even when a test failed before closing its own: { newContext, closeContext, closeAll }.
 */
export function browserSession(browser) {
  const open = new Set();
  return {
    async newContext(opts = {}) {
      const ctx = await browser.newContext(opts);
      ctx.setDefaultTimeout(15_000);
      ctx.setDefaultNavigationTimeout(20_000);
      open.add(ctx);
      return ctx;
    },
    async closeContext(ctx) {
      open.delete(ctx);
      await ctx.close();
    },
    async closeAll() {
      for (const ctx of [...open]) await ctx.close().catch(() => {});
      open.clear();
    },
  };
}

/** Clicks a submit button and waits for the page that the form leads to; returns its response. */
export async function submit(page, selector, method = 'POST') {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && r.request().resourceType() === 'document'),
    page.click(selector),
  ]);
  await page.waitForLoadState('load');
  return res;
}

/** Fills the sign-in form that the page shows and submits it; returns the POST's response. */
export async function submitSignIn(page, email, password = DEMO_PASSWORD) {
  await page.fill('#email', email);
  await page.fill('#password', password);
  return submit(page, 'main form button[type=submit]');
}

/** Signs in through the real form and fails unless it was accepted (303) and landed on /. */
export async function signInWithForm(page, base, email, password = DEMO_PASSWORD) {
  await page.goto(`${base}/sign-in`);
  const res = await submitSignIn(page, email, password);
  assert.equal(res.status(), 303, `sign-in as ${email} answered ${res.status()}`);
  assert.equal(new URL(page.url()).pathname, '/', `sign-in as ${email} did not land on /`);
}

export const htmlLang = (page) => page.getAttribute('html', 'lang');
export const navLabels = (page) => page.locator('.govuk-service-navigation__link').allInnerTexts();

/** Sets the language with the header toggle (if it is not that already) and checks it took. */
export async function useLanguage(page, lang) {
  if ((await htmlLang(page)) !== lang) await submit(page, '.sgwrs-lang-toggle__button');
  assert.equal(await htmlLang(page), lang, `the toggle did not switch to ${lang} on ${page.url()}`);
}

/** JSON from the API with the page's session (a GET needs no CSRF token); fails unless 200. */
export async function apiGet(page, base, path) {
  const r = await page.context().request.get(`${base}${path}`);
  assert.equal(r.status(), 200, `${path}: ${r.status()}`);
  return r.json();
}

/** The serious and critical violations axe finds on the page by AXE_TAGS (the ones that fail). */
export async function seriousViolations(page) {
  const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Fails naming each serious or critical axe violation on the page (and where it is). */
export async function assertNoSeriousViolations(page, what) {
  const v = await seriousViolations(page);
  assert.deepEqual(v.map((x) => `${x.id}: ${x.nodes.map((n) => n.target).join(' ')}`), [], what);
}
