// Agreed actions and support decisions in a real browser without JavaScript: agreeing an
// action for an outcome, checking it together in the family's words, recording a support
// decision; Welsh and axe on each form and on the family page that shows them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { accounts, demoServers, loadCatalogue } from '../support/server.mjs';
import { assertNoSeriousViolations, browserSession, LAUNCH, signInWithForm, submit, useLanguage } from '../support/browser.mjs';

const en = loadCatalogue('en');
const cy = loadCatalogue('cy');
const demo = demoServers('sqlite');
let srv, browser, contexts;

before(async () => {
  srv = await demo.start();
  browser = await chromium.launch(LAUNCH);
  contexts = browserSession(browser);
});
after(async () => {
  await contexts?.closeAll();
  await browser?.close();
  await demo.stopAll();
});

async function firstFamily(page) {
  await page.goto(`${srv.base}/families`);
  await page.locator('.sgwrs-caseload a').first().click();
  await page.waitForLoadState('load');
  return new URL(page.url()).pathname;
}

describe('agreed actions and support decisions in the browser (practitioner)', () => {
  it('agrees an action, checks it together and records a decision, without JavaScript', async () => {
    const ctx = await contexts.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    const family = await firstFamily(page);
    await page.click(`text=${en['record.plan.add_action']}`);
    await page.waitForLoadState('load');
    await page.fill('#by_when', '2026-02-30');
    let res = await submit(page, 'button.govuk-button');
    assert.equal(res.status(), 422);
    const links = await page.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, ['#what', '#by_when']);
    await page.fill('#what', 'Nain walks the children to school on Mondays');
    await page.selectOption('#owner', 'network');
    await page.fill('#who', 'Nain');
    await page.fill('#by_when', '2027-01-31');
    const outcome = await page.locator('#outcome_id option').nth(1).getAttribute('value');
    await page.selectOption('#outcome_id', outcome);
    await submit(page, 'button.govuk-button');
    assert.equal(new URL(page.url()).pathname, family);
    const row = page.locator('table.sgwrs-actions tr', { hasText: 'Nain walks the children to school on Mondays' });
    assert.ok((await row.innerText()).includes(en['record.plan.states.not_yet']));

    await row.locator('a', { hasText: en['record.plan.check'] }).click();
    await page.waitForLoadState('load');
    await page.fill('#on', '2026-11-20');
    await page.selectOption('#state', 'partly');
    await page.fill('#their_words', 'Mondays are fine, Thursdays Nain has her own appointments');
    await submit(page, 'button.govuk-button');
    const checked = await page.locator('table.sgwrs-actions tr', { hasText: 'Nain walks the children' }).innerText();
    assert.ok(checked.includes(en['record.plan.states.partly']) && checked.includes('Thursdays Nain has her own appointments'), checked);

    await page.click(`text=${en['record.plan.add_decision']}`);
    await page.waitForLoadState('load');
    await page.fill('#decided_on', '2026-11-21');
    await page.selectOption('#kind', 'escalation_avoided');
    await page.locator('input[id^="outcome_"]').first().check();
    await page.fill('#reason', 'With Nain’s help the children stay at their school; no move is needed.');
    await submit(page, 'button.govuk-button');
    const decisions = await page.locator('.sgwrs-decisions').innerText();
    assert.ok(decisions.includes(en['record.plan.decisions.escalation_avoided']) && decisions.includes('no move is needed'), decisions);
    await ctx.close();
  });

  it('adds an event by hand and filters the chronology, without JavaScript', async () => {
    const ctx = await contexts.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    const family = await firstFamily(page);
    await page.click(`text=${en['record.chronology.link']}`);
    await page.waitForLoadState('load');
    await page.click(`text=${en['record.chronology.add_event']}`);
    await page.waitForLoadState('load');
    await page.fill('#what', 'Moved to a flat in Ystalyfera');
    const res = await submit(page, 'button.govuk-button');
    assert.equal(res.status(), 422, 'no date');
    assert.equal(await page.inputValue('#what'), 'Moved to a flat in Ystalyfera');
    await page.fill('#happened_on', '2026-03-02');
    await submit(page, 'button.govuk-button');
    assert.equal(new URL(page.url()).pathname, `${family}/chronology`);
    const dates = await page.locator('table.sgwrs-chronology tbody tr td:first-child').allInnerTexts();
    assert.deepEqual(dates, [...dates].sort(), 'in time order');
    await page.selectOption('#kind', 'event');
    await submit(page, 'form[method=get] button', 'GET');
    const rows = await page.locator('table.sgwrs-chronology tbody tr').allInnerTexts();
    assert.ok(rows.length >= 1 && rows.every((r) => r.includes(en['record.chronology.kinds.event'])), rows.join('\n'));
    assert.ok(rows.some((r) => r.includes('Moved to a flat in Ystalyfera')));
    await ctx.close();
  });

  it('speaks Welsh on the forms, and axe finds nothing serious in either language', async () => {
    const ctx = await contexts.newContext();
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    const family = await firstFamily(page);
    await assertNoSeriousViolations(page, 'family page with actions');
    for (const path of [`${family}/actions/new`, `${family}/decisions/new`, `${family}/chronology`, `${family}/events/new`]) {
      await page.goto(`${srv.base}${path}`);
      await assertNoSeriousViolations(page, path);
      await useLanguage(page, 'cy');
      await assertNoSeriousViolations(page, `${path} in Welsh`);
      const heading = { actions: 'record.plan.action_title', decisions: 'record.plan.decision_title', chronology: 'record.chronology.link', events: 'record.chronology.event_title' }[path.split('/')[3]];
      assert.ok((await page.locator('main').innerText()).includes(cy[heading]), `${path}: ${heading}`);
      await useLanguage(page, 'en');
    }
    await ctx.close();
  });
});
