// Personal outcomes in a real browser, without JavaScript: agreeing one with its baseline
// (errors linked to their fields, every word kept), the gentle prompt when the words read
// like a service, the chart with its table, a review that moves it; then every outcome page
// in Welsh and English with axe.
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

// The first person of the practitioner's first family.
async function openAPerson(page) {
  await page.goto(`${srv.base}/families`);
  await page.locator('.sgwrs-caseload a').first().click();
  await page.waitForLoadState('load');
  await page.locator('a[href^="/people/"]').first().click();
  await page.waitForLoadState('load');
  return new URL(page.url()).pathname;
}

describe('personal outcomes in the browser (practitioner)', () => {
  it('agrees an outcome without JavaScript, questions service words gently, and charts a review', async () => {
    const ctx = await contexts.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    const personPath = await openAPerson(page);
    await page.click(`text=${en['record.outcome.add']}`);
    await page.waitForLoadState('load');

    // Words typed, nothing else: the form comes back with each error linked, the words kept.
    await page.fill('#statement', 'Needs help with shopping');
    let res = await submit(page, 'button.govuk-button');
    assert.equal(res.status(), 422);
    assert.equal(await page.inputValue('#statement'), 'Needs help with shopping');
    const links = await page.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.includes('#reviewed_on') && links.includes('#person_score') && links.includes('#worker_score'), links.join(' '));
    assert.ok(links.some((l) => l.startsWith('#area_wales__')), `the areas error links to a checkbox: ${links.join(' ')}`);
    assert.ok(await page.locator(links.find((l) => l.startsWith('#area_'))).count(), 'the linked checkbox exists');

    await page.check('#area_wales__social_economic');
    await page.check('#area_wales__daily_life');
    await page.fill('#reviewed_on', '2026-10-01');
    await page.selectOption('#person_score', '3');
    await page.fill('#person_reason', 'I can’t carry the bags up the hill');
    await page.selectOption('#worker_score', '4');
    res = await submit(page, 'button.govuk-button');
    assert.match(new URL(page.url()).pathname, /^\/outcomes\/\d+$/);
    const body = await page.locator('main').innerText();
    assert.ok(body.includes(en['core.flash.outcome_saved']), 'saved');
    assert.ok(body.includes('Needs help with shopping'), 'saved as written');
    const prompt = await page.locator('#reads-like-service').innerText();
    assert.ok(prompt.includes('needs help with') && prompt.includes(en['record.outcome.rewording_question']), prompt);
    assert.equal(await page.locator('svg[role=img] title').textContent(), en['record.outcome.chart_title']);
    assert.match(await page.locator('svg[role=img] desc').textContent(), /from 3 to 3/);

    // A review later on moves it, and the chart and the table show both scores.
    await page.click(`text=${en['record.outcome.review']}`);
    await page.waitForLoadState('load');
    await page.fill('#reviewed_on', '2026-09-01');  // before the baseline
    await page.selectOption('#person_score', '6');
    await page.selectOption('#worker_score', '6');
    res = await submit(page, 'button.govuk-button');
    assert.equal(res.status(), 422);
    assert.equal(await page.inputValue('#person_score'), '6', 'the scores chosen are kept');
    await page.fill('#reviewed_on', '2026-11-15');
    await page.fill('#person_reason', 'My neighbour drives me on Fridays now');
    await page.selectOption('#status', 'progressing');
    await submit(page, 'button.govuk-button');
    assert.ok((await page.locator('main').innerText()).includes(en['core.flash.review_saved']));
    assert.equal(await page.locator('table.govuk-table tbody tr').count(), 2, 'two scores in the table');
    assert.ok((await page.locator('table.govuk-table').innerText()).includes('My neighbour drives me on Fridays now'));
    assert.match(await page.locator('svg[role=img] desc').textContent(), /from 3 to 6/);
    assert.equal(await page.locator('svg[role=img] circle').count(), 2);

    await page.goto(`${srv.base}${personPath}`);
    const card = await page.locator('.govuk-summary-card', { hasText: 'Needs help with shopping' }).innerText();
    assert.ok(card.includes(en['record.outcome.statuses.progressing']), card);
    await ctx.close();
  });

  it('speaks Welsh on every outcome page, and axe finds nothing serious in either language', async () => {
    const ctx = await contexts.newContext();
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    const personPath = await openAPerson(page);
    await assertNoSeriousViolations(page, 'person page with outcomes');
    await useLanguage(page, 'cy');
    assert.ok((await page.locator('main').innerText()).includes(cy['record.outcome.heading']));
    await page.click(`text=${cy['record.outcome.add']}`);
    await page.waitForLoadState('load');
    assert.ok((await page.locator('main').innerText()).includes('Perthnasoedd domestig, teuluol a phersonol'), 'areas in Welsh');
    await assertNoSeriousViolations(page, 'new outcome form in Welsh');
    await page.fill('#statement', 'Angen pecyn gofal');
    await page.check('#area_wales__health');
    await page.fill('#reviewed_on', '2026-10-01');
    await page.selectOption('#person_score', '2');
    await page.selectOption('#worker_score', '2');
    await submit(page, 'button.govuk-button');
    assert.ok((await page.locator('#reads-like-service').innerText()).includes(cy['record.outcome.rewording_question']));
    await assertNoSeriousViolations(page, 'outcome page in Welsh');
    await page.click(`text=${cy['record.outcome.review']}`);
    await page.waitForLoadState('load');
    await assertNoSeriousViolations(page, 'review form in Welsh');
    await useLanguage(page, 'en');
    await assertNoSeriousViolations(page, 'review form');
    await page.goto(`${srv.base}${personPath}`);
    await assertNoSeriousViolations(page, 'person page');
    await ctx.close();
  });
});
