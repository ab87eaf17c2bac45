// Strengths, the eco-map, and worries beside what is working well, in a real browser: adding
// someone to the eco-map and changing how the tie feels without JavaScript (the map redrawn
// on the server, its table saying the same in words), a change from a second tab against an
// older version keeping both texts, a worry refused without its safety goal, a scaling of 0
// kept as an answer, someone marked sensitive held back from a break-glass reader until they
// ask, and the network and safety pages and their forms in Welsh with axe.
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

describe('strengths, the eco-map and safety in the browser (practitioner)', () => {
  it('adds someone to the eco-map and redraws their tie, without JavaScript', async () => {
    const ctx = await contexts.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    const family = await firstFamily(page);
    await page.click(`text=${en['record.network.open']}`);
    await page.waitForLoadState('load');
    assert.equal(new URL(page.url()).pathname, `${family}/network`);
    const before = await page.locator('svg.sgwrs-eco-map__svg polyline').count();
    await page.click(`text=${en['record.network.add']}`);
    await page.waitForLoadState('load');
    let res = await submit(page, 'button.govuk-button');
    assert.equal(res.status(), 422, 'a name is needed');
    assert.deepEqual(await page.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#name']);
    await page.fill('#name', 'Anti Gwenllïan');
    await page.selectOption('#role', 'relative');
    await page.selectOption('#tie', 'strong');
    await page.selectOption('#flow', 'to_family');
    await page.fill('#support', 'Has the children after school on Wednesdays');
    await page.fill('#their_words', 'Anti Gwen does the best pancakes');
    await submit(page, 'button.govuk-button');
    assert.equal(new URL(page.url()).pathname, `${family}/network`);
    assert.equal(await page.locator('svg.sgwrs-eco-map__svg polyline').count(), before + 1);
    const row = page.locator('table.sgwrs-network tr', { hasText: 'Anti Gwenllïan' });
    assert.ok((await row.innerText()).includes(en['record.network.ties.strong']));
    assert.ok((await page.locator('#eco-map-desc').textContent()).includes('Anti Gwenllïan'), 'the description reads the map');

    // Two tabs open the same person; the second saves against the older version.
    await row.locator('a', { hasText: en['core.common.change'] }).click();
    await page.waitForLoadState('load');
    const edit = page.url();
    const other = await ctx.newPage();
    await other.goto(edit);
    await page.selectOption('#tie', 'stressful');
    await page.fill('#support', 'Has the children on Wednesdays, but rows with Mam about it');
    await submit(page, 'button.govuk-button');
    const drawn = page.locator('table.sgwrs-network tr', { hasText: 'Anti Gwenllïan' });
    assert.ok((await drawn.innerText()).includes(en['record.network.ties.stressful']));
    const zigzag = await page.locator('svg.sgwrs-eco-map__svg polyline').evaluateAll((ls) => ls.map((l) => l.getAttribute('points').split(' ').length));
    assert.ok(zigzag.some((n) => n > 5), 'a stressful tie is drawn as a zig-zag');

    await other.fill('#support', 'Typed in the other tab');
    res = await submit(other, 'button.govuk-button');
    assert.equal(res.status(), 412);
    assert.equal(await other.inputValue('#support'), 'Typed in the other tab', 'what was typed is kept');
    assert.ok((await other.locator('.sgwrs-saved-now').innerText()).includes('rows with Mam about it'), 'and what is saved now is shown beside it');
    await ctx.close();
  });

  it('adds a strength for an outcome, a worry with its safety goal, and a scaling of 0, without JavaScript', async () => {
    const ctx = await contexts.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    const family = await firstFamily(page);
    await page.click(`text=${en['record.strength.add']}`);
    await page.waitForLoadState('load');
    await page.fill('#text', 'Mam knows exactly what calms the baby');
    await page.selectOption('#kind', 'own');
    await page.locator('input[id^="outcome_"]').first().check();
    await submit(page, 'button.govuk-button');
    assert.equal(new URL(page.url()).pathname, family);
    const strength = await page.locator('.sgwrs-strengths li', { hasText: 'Mam knows exactly what calms the baby' }).innerText();
    assert.ok(strength.includes(en['record.strength.supports_outcomes']), strength);

    await page.goto(`${srv.base}${family}/safety/new?kind=worry`);
    await page.fill('#text', 'The baby is left with Dad when he has been drinking');
    let res = await submit(page, 'button.govuk-button');
    assert.equal(res.status(), 422);
    assert.deepEqual(await page.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#safety_goal']);
    assert.equal(await page.inputValue('#text'), 'The baby is left with Dad when he has been drinking');
    await page.fill('#safety_goal', 'Nain has the baby on any night Dad has been drinking');
    await page.fill('#disagreement', 'Dad says he is always sober with the baby');
    await submit(page, 'button.govuk-button');
    assert.equal(new URL(page.url()).pathname, `${family}/safety`);
    const worry = await page.locator('.sgwrs-safety__item', { hasText: 'left with Dad' }).innerText();
    assert.ok(worry.includes('Nain has the baby') && worry.includes(en['record.safety.disagrees']), worry);

    await page.click(`text=${en['record.safety.record_scaling']}`);
    await page.waitForLoadState('load');
    await page.fill('#on', '2026-11-30');
    await page.selectOption('#perspective', 'agency');
    await page.fill('#who', 'Ysgol Gymraeg');
    await page.selectOption('#score', '0');
    await submit(page, 'button.govuk-button');
    assert.equal(new URL(page.url()).pathname, `${family}/safety`);
    const latest = await page.locator('.sgwrs-scaling', { hasText: 'Ysgol Gymraeg' }).innerText();
    assert.match(latest, /\b0\s*\/ 10/);
    await ctx.close();
  });

  it('holds someone marked sensitive back from a break-glass reader until they ask, without JavaScript', async () => {
    const practitioner = await (await contexts.newContext({ javaScriptEnabled: false })).newPage();
    await signInWithForm(practitioner, srv.base, accounts.practitioner);
    await practitioner.goto(`${srv.base}/families`);
    await practitioner.locator('.sgwrs-caseload a').nth(3).click();
    await practitioner.waitForLoadState('load');
    const family = new URL(practitioner.url()).pathname;
    await practitioner.goto(`${srv.base}${family}/network/new`);
    await practitioner.fill('#name', 'Gareth Wyn');
    await practitioner.selectOption('#role', 'friend');
    await practitioner.fill('#sensitive_reason', 'Dad must not learn of him');
    await submit(practitioner, 'button.govuk-button');
    assert.equal(new URL(practitioner.url()).pathname, `${family}/network`);
    const own = await practitioner.locator('table.sgwrs-network tr', { hasText: 'Gareth Wyn' }).innerText();
    assert.ok(own.includes(en['record.sensitive.tag']) && own.includes('Dad must not learn of him'), own);

    const mentor = await (await contexts.newContext({ javaScriptEnabled: false })).newPage();
    await signInWithForm(mentor, srv.base, accounts.mentor);
    await mentor.goto(`${srv.base}${family}/break-glass`);
    await mentor.fill('#reason', 'Police called out of hours; the lead worker is not on duty');
    await submit(mentor, 'button.govuk-button');
    assert.equal(new URL(mentor.url()).pathname, family);
    let main = await mentor.locator('main').innerText();
    assert.ok(!main.includes('Gareth Wyn'), 'the name is held back on the family page');
    assert.ok(main.includes(en['record.sensitive.reveal']), 'the page says items are held back, and offers them');
    await mentor.goto(`${srv.base}${family}/network`);
    main = await mentor.locator('main').innerText();
    assert.ok(!main.includes('Gareth Wyn') && main.includes('Dad must not learn of him'), main);
    assert.ok(main.includes(en['record.sensitive.item_withheld']), 'the table says someone is held back');
    assert.ok(!(await mentor.locator('#eco-map-desc').textContent()).includes('Gareth'), 'not drawn on the map either');
    await mentor.goto(`${srv.base}${family}`);
    await mentor.click(`text=${en['record.sensitive.reveal']}`);
    await mentor.waitForLoadState('load');
    assert.ok((await mentor.locator('main').innerText()).includes('Gareth Wyn'), 'shown once asked for');
  });

  it('speaks Welsh on the network and safety pages and forms, and axe finds nothing serious', async () => {
    const ctx = await contexts.newContext();
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    const family = await firstFamily(page);
    await assertNoSeriousViolations(page, 'family page with strengths, eco-map and safety');
    const headings = {
      network: 'record.network.heading', 'network/new': 'record.network.add_title', safety: 'record.safety.heading',
      'safety/new': 'record.safety.add_title', 'strengths/new': 'record.strength.add_title', 'scalings/new': 'record.safety.scaling_title',
    };
    for (const [path, key] of Object.entries(headings)) {
      await page.goto(`${srv.base}${family}/${path}`);
      await assertNoSeriousViolations(page, path);
      await useLanguage(page, 'cy');
      await assertNoSeriousViolations(page, `${path} in Welsh`);
      assert.ok((await page.locator('main h1').innerText()).includes(cy[key]), `${path}: ${key}`);
      await useLanguage(page, 'en');
    }
    await ctx.close();
  });
});
