// People, families and the work with them, in a real browser without JavaScript: adding a
// family with its first member (errors linked to fields, nothing typed lost), adding someone
// to it, changing a person's details (a change from a second tab keeps both), a dated status
// change, ending the work with its history kept and opening it again; Welsh and axe on the
// forms.
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

const errorLinks = (page) => page.locator('.govuk-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

describe('people, families and the work with them (practitioner, no JavaScript)', () => {
  it('adds a family and a member, and changes a person’s details without losing a word', async () => {
    const ctx = await contexts.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    await page.goto(`${srv.base}/families`);
    await page.click(`text=${en['record.families.add']}`);
    await page.waitForLoadState('load');
    await page.fill('#name', 'Teulu Llŷr');
    await page.fill('#given_name', 'Gwenllïan');
    await page.fill('#date_of_birth', '2999-01-01');
    let res = await submit(page, 'button.govuk-button');
    assert.equal(res.status(), 422);
    assert.deepEqual(await errorLinks(page), ['#family_name', '#date_of_birth']);
    assert.equal(await page.inputValue('#given_name'), 'Gwenllïan', 'nothing typed is lost');
    await page.fill('#family_name', 'Llŷr');
    await page.fill('#date_of_birth', '1990-04-02');
    await page.selectOption('#preferred_language', 'cy');
    await page.check('#bsl');
    await submit(page, 'button.govuk-button');
    assert.match(new URL(page.url()).pathname, /^\/families\/\d+$/);
    assert.equal(await page.locator('h1').innerText(), 'Teulu Llŷr');
    const family = new URL(page.url()).pathname;

    await page.click(`text=${en['record.family.add_member']}`);
    await page.waitForLoadState('load');
    assert.equal(await page.inputValue('#family_name'), 'Llŷr', 'the family’s name is offered');
    await page.fill('#given_name', 'Siôn');
    await page.fill('#date_of_birth', '2027-03-01');
    await page.check('#date_of_birth_expected');
    await submit(page, 'button.govuk-button');
    assert.equal(new URL(page.url()).pathname, family);
    const members = await page.locator('#members + ul').innerText();
    assert.ok(members.includes('Siôn Llŷr') && members.includes('Gwenllïan Llŷr'), members);

    await page.click('text=Siôn Llŷr');
    await page.waitForLoadState('load');
    await page.click(`text=${en['record.person.edit']}`);
    await page.waitForLoadState('load');
    const edit = page.url();
    const other = await ctx.newPage();
    await other.goto(edit);
    await page.fill('#pronouns', 'fe/fo');
    await page.fill('#capacity_notes', 'Too young for this yet');
    await submit(page, 'button.govuk-button');
    assert.ok((await page.locator('main').innerText()).includes('fe/fo'));
    await other.fill('#pronouns', 'he/him');
    res = await submit(other, 'button.govuk-button');
    assert.equal(res.status(), 412);
    assert.equal(await other.inputValue('#pronouns'), 'he/him');
    assert.ok((await other.locator('.sgwrs-saved-now').innerText()).includes('fe/fo'));
    await ctx.close();
  });

  it('changes the status, ends the work keeping its history, and opens it again', async () => {
    const ctx = await contexts.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    await page.goto(`${srv.base}/families`);
    await page.locator('.sgwrs-caseload a').nth(1).click();
    await page.waitForLoadState('load');
    const family = new URL(page.url()).pathname;
    await page.click(`text=${en['record.work.change_status']}`);
    await page.waitForLoadState('load');
    await page.selectOption('#status', 'child_protection_plan');
    await page.fill('#from', '2000-01-01');
    let res = await submit(page, 'button.govuk-button');
    assert.equal(res.status(), 422);
    assert.deepEqual(await errorLinks(page), ['#from']);
    await page.fill('#from', '2026-11-30');
    await page.fill('#note', 'Agreed at the conference');
    await submit(page, 'button.govuk-button');
    assert.equal(new URL(page.url()).pathname, family);
    let work = await page.locator('.sgwrs-period').last().innerText();
    assert.ok(work.includes(en['record.statuses.child_protection_plan']) && work.includes('Agreed at the conference'), work);

    await page.click(`text=${en['record.work.close']}`);
    await page.waitForLoadState('load');
    await page.fill('#on', '2026-12-01');
    await page.fill('#note', 'Mam says things are calmer; the plan ended');
    await submit(page, 'button.govuk-button');
    work = await page.locator('.sgwrs-period').last().innerText();
    assert.ok(work.includes('2026-12-01') && work.includes(en['record.statuses.none']) && work.includes('Agreed at the conference'), work);
    assert.equal(await page.locator(`text=${en['record.work.change_status']}`).count(), 0, 'a closed period takes no more statuses');

    await page.click(`text=${en['record.work.reopen']}`);
    await page.waitForLoadState('load');
    await page.fill('#opened_on', '2026-12-02');
    await submit(page, 'button.govuk-button');
    assert.equal(await page.locator('.sgwrs-period').count() >= 2, true);
    assert.ok((await page.locator('.sgwrs-period').last().innerText()).includes(en['record.work.now']));
    await ctx.close();
  });

  it('speaks Welsh on the new forms, and axe finds nothing serious', async () => {
    const ctx = await contexts.newContext();
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    await page.goto(`${srv.base}/families`);
    await page.locator('.sgwrs-caseload a').first().click();
    await page.waitForLoadState('load');
    const family = new URL(page.url()).pathname;
    const person = await page.locator('#members + ul a').first().getAttribute('href');
    const pages = {
      '/families/new': 'record.families.new_title', [`${family}/members/new`]: 'record.family.add_member_title',
      [`${person}/edit`]: 'record.person.edit_title',
    };
    for (const [path, key] of Object.entries(pages)) {
      await page.goto(`${srv.base}${path}`);
      await assertNoSeriousViolations(page, path);
      await useLanguage(page, 'cy');
      await assertNoSeriousViolations(page, `${path} in Welsh`);
      assert.ok((await page.locator('main h1').innerText()).includes(cy[key]), `${path}: ${key}`);
      await useLanguage(page, 'en');
    }
    await ctx.close();
  });
});
