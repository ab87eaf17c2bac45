// Recording a conversation with JavaScript on, never losing a word: the draft is saved to
// the server as it is typed ("saved at …") and the address becomes the draft's; a session
// that ends mid-typing keeps the text on the device, asks the person to sign in again and
// puts them back on the form with every word; a dropped connection keeps what is typed
// until the server has it; signing out leaves nothing on the device.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { accounts, demoServers, loadCatalogue, request } from '../support/server.mjs';
import { browserSession, LAUNCH, signInWithForm, submitSignIn } from '../support/browser.mjs';

const en = loadCatalogue('en');
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

const savedText = en['core.autosave.saved'].split('{time}')[0];
const drafts = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sgwrs-draft:')));

async function newConversation(page) {
  await page.goto(`${srv.base}/families`);
  await page.locator('.sgwrs-caseload a').first().click();
  await page.waitForLoadState('load');
  const family = new URL(page.url()).pathname;
  await page.click(`text=${en['record.family.record_conversation']}`);
  await page.waitForLoadState('load');
  return family;
}

async function waitForStatus(page, text) {
  await page.waitForFunction((t) => document.querySelector('.sgwrs-autosave')?.textContent.includes(t), text, { timeout: 15_000 });
}

describe('a conversation with JavaScript on never loses a word', () => {
  it('saves the draft as it is typed, and survives a session that ends mid-typing', async () => {
    const ctx = await contexts.newContext();
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    const family = await newConversation(page);
    await page.fill('#held_on', '2026-11-25');
    await page.fill('#what_matters', 'Cadw Nain yn agos');
    await waitForStatus(page, savedText);
    const edit = new URL(page.url()).pathname;
    assert.match(edit, /^\/conversations\/\d+\/edit$/, 'the address is now the draft’s');
    assert.deepEqual(await drafts(page), [], 'nothing is left on the device once the server has it');

    // The session ends (timed out on the server: the browser's cookie no longer opens it).
    await ctx.clearCookies();
    await page.fill('#what_matters', 'Cadw Nain yn agos — hi sy’n fy neall i, a dw i eisiau aros yn yr ysgol');
    await waitForStatus(page, en['core.autosave.signed_out']);
    assert.equal(await page.inputValue('#what_matters'), 'Cadw Nain yn agos — hi sy’n fy neall i, a dw i eisiau aros yn yr ysgol');
    assert.equal((await drafts(page)).length, 1, 'kept on the device');

    await page.click(`.sgwrs-autosave a`);
    await page.waitForLoadState('load');
    const res = await submitSignIn(page, accounts.practitioner);
    assert.equal(res.status(), 303);
    assert.equal(new URL(page.url()).pathname, edit, 'back where they were');
    assert.equal(await page.inputValue('#what_matters'), 'Cadw Nain yn agos — hi sy’n fy neall i, a dw i eisiau aros yn yr ysgol');
    await waitForStatus(page, savedText);
    await page.reload();
    assert.equal(await page.inputValue('#what_matters'), 'Cadw Nain yn agos — hi sy’n fy neall i, a dw i eisiau aros yn yr ysgol', 'and now on the server');
    assert.deepEqual(await drafts(page), []);

    // Finishing it: a plain save, and the draft is the conversation on the family's page.
    await page.click('button.govuk-button:not([value=draft])');
    await page.waitForURL((u) => u.pathname === family);
    assert.ok((await page.locator('.sgwrs-conversation').first().innerText()).includes('hi sy’n fy neall i'));
    await ctx.close();
  });

  it('keeps what is typed offline until the server has it, and signing out clears the device', async () => {
    const ctx = await contexts.newContext();
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    await newConversation(page);
    await page.fill('#held_on', '2026-11-26');
    await page.fill('#what_matters', 'Mynd i’r pêl-droed ar ddydd Sadwrn');
    await waitForStatus(page, savedText);
    const edit = new URL(page.url()).pathname;

    await ctx.setOffline(true);
    await page.fill('#worries', 'The boiler broke and the house is cold');
    await waitForStatus(page, en['core.autosave.offline']);
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('sgwrs-draft:')))));
    assert.equal(kept.fields.worries, 'The boiler broke and the house is cold');
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitForStatus(page, savedText);
    assert.deepEqual(await drafts(page), [], 'acknowledged, so removed from the device');
    const api = await page.evaluate(async (path) => (await fetch(path)).text(), edit);
    assert.ok(api.includes('The boiler broke and the house is cold'), 'the server has it');

    // Something kept on the device and not yet sent, then signing out: nothing stays on a
    // shared device.
    await page.evaluate(() => localStorage.setItem('sgwrs-draft:/families/1/conversations', '{"at":0,"version":0,"fields":{}}'));
    await page.click('.sgwrs-header__signout');
    await page.waitForLoadState('load');
    assert.deepEqual(await drafts(page), []);
    await ctx.close();
  });
});
