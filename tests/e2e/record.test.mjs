// The record in a real browser: a practitioner's families, a family's page, and recording a
// conversation without JavaScript (a draft first, then finished), in English and Welsh,
// with axe on every page; someone outside the family gets "not found".
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

describe('the record in the browser (practitioner)', () => {
  it('records a conversation without JavaScript: a draft, then finished, on the family page', async () => {
    const ctx = await contexts.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    await page.goto(`${srv.base}/families`);
    assert.equal(await page.locator('h1').innerText(), en['record.families.title']);
    const first = page.locator('.sgwrs-caseload a').first();
    const familyName = await first.innerText();
    await first.click();
    await page.waitForLoadState('load');
    assert.equal(await page.locator('h1').innerText(), familyName);
    const familyUrl = page.url();

    await page.click(`text=${en['record.family.record_conversation']}`);
    await page.waitForLoadState('load');
    // Nothing typed in the date: the form comes back with the error linked and every word kept.
    await page.fill('#what_matters', 'Mae Nain yn bwysig iawn i ni — hi sy’n ein cadw ni gyda’n gilydd.');
    await page.fill('#strengths', 'Nain comes every Sunday.');
    let res = await submit(page, 'button[value=draft]');
    assert.equal(res.status(), 422);
    assert.equal(await page.inputValue('#what_matters'), 'Mae Nain yn bwysig iawn i ni — hi sy’n ein cadw ni gyda’n gilydd.');
    assert.ok(await page.locator('.govuk-error-summary a[href="#held_on"]').count(), 'the summary links to the field');
    await page.fill('#held_on', '2026-11-20');
    res = await submit(page, 'button[value=draft]');
    assert.equal(new URL(page.url()).pathname, new URL(familyUrl).pathname);
    assert.ok((await page.locator('.govuk-notification-banner, .sgwrs-flash').innerText()).includes(en['core.flash.draft_saved']));
    const firstConversation = page.locator('.sgwrs-conversation').first();
    assert.ok((await firstConversation.innerText()).includes('Mae Nain yn bwysig iawn i ni'), 'the draft sits at the top');
    assert.equal(await firstConversation.locator('.govuk-tag--yellow').count(), 1, 'marked as a draft');

    await page.click(`text=${en['record.family.record_conversation']}`);
    await page.waitForLoadState('load');
    await page.fill('#held_on', '2026-11-21');
    await page.fill('#what_matters', 'I want to stay at my school.');
    await submit(page, 'button.govuk-button:not([value=draft])');
    assert.ok((await page.locator('body').innerText()).includes('I want to stay at my school.'));
    await ctx.close();
  });

  // axe runs in the page, so these scans are in a context with JavaScript on.
  it('speaks Welsh on every record page, and axe finds nothing serious in either language', async () => {
    const ctx = await contexts.newContext();
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    await page.goto(`${srv.base}/families`);
    await assertNoSeriousViolations(page, 'families');
    await useLanguage(page, 'cy');
    assert.equal(await page.locator('h1').innerText(), cy['record.families.title']);
    await assertNoSeriousViolations(page, 'families in Welsh');
    await page.locator('.sgwrs-caseload a').first().click();
    await page.waitForLoadState('load');
    assert.ok((await page.locator('body').innerText()).includes(cy['record.family.members']));
    const family = new URL(page.url()).pathname;
    await assertNoSeriousViolations(page, 'family page in Welsh');
    await page.click(`text=${cy['record.family.record_conversation']}`);
    await page.waitForLoadState('load');
    assert.ok((await page.locator('body').innerText()).includes(cy['core.fields.what_matters']));
    await assertNoSeriousViolations(page, 'conversation form in Welsh');
    await useLanguage(page, 'en');
    await assertNoSeriousViolations(page, 'conversation form');
    for (const [path, what] of [[`${family}/story`, 'story page'], [`${family}/trail`, 'trail page'], [`${family}/break-glass`, 'break-glass form']]) {
      await page.goto(`${srv.base}${path}`);
      await assertNoSeriousViolations(page, what);
      await useLanguage(page, 'cy');
      await assertNoSeriousViolations(page, `${what} in Welsh`);
      await useLanguage(page, 'en');
    }
    await ctx.close();
  });

  it('shows both texts when two people change the same conversation, and overwrites neither', async () => {
    const [one, two] = [await contexts.newContext({ javaScriptEnabled: false }), await contexts.newContext({ javaScriptEnabled: false })];
    const a = await one.newPage();
    const b = await two.newPage();
    await signInWithForm(a, srv.base, accounts.practitioner);
    await signInWithForm(b, srv.base, accounts.manager);
    await a.goto(`${srv.base}/families`);
    await a.locator('.sgwrs-caseload a').first().click();
    await a.waitForLoadState('load');
    const edit = await a.locator('.sgwrs-conversation a[href$="/edit"]').last().getAttribute('href');
    await a.goto(`${srv.base}${edit}`);
    await b.goto(`${srv.base}${edit}`);
    await a.fill('#worries', 'Written by the practitioner in the kitchen.');
    await submit(a, 'button.govuk-button:not([value=draft])');
    await b.fill('#worries', 'Written by the manager at the same time.');
    const res = await submit(b, 'button.govuk-button:not([value=draft])');
    assert.notEqual(res.status(), 303);
    assert.ok((await b.locator('.sgwrs-saved-now').innerText()).includes('Written by the practitioner in the kitchen.'), 'what is saved now is shown');
    assert.equal(await b.inputValue('#worries'), 'Written by the manager at the same time.', 'what was typed is kept');
    // Saving again, having seen both, is a choice, and it goes through.
    await submit(b, 'button.govuk-button:not([value=draft])');
    assert.ok((await b.locator('body').innerText()).includes('Written by the manager at the same time.'));
    await one.close();
    await two.close();
  });

  it('keeps both stories when two people change it at once, and compares versions word by word', async () => {
    const [one, two] = [await contexts.newContext({ javaScriptEnabled: false }), await contexts.newContext({ javaScriptEnabled: false })];
    const a = await one.newPage();
    const b = await two.newPage();
    await signInWithForm(a, srv.base, accounts.practitioner);
    await signInWithForm(b, srv.base, accounts.manager);
    await a.goto(`${srv.base}/families`);
    await a.locator('.sgwrs-caseload a').nth(1).click();
    await a.waitForLoadState('load');
    await a.click(`text=${en['record.story.change']}`);
    await a.waitForLoadState('load');
    const storyUrl = a.url();
    await b.goto(storyUrl);
    const before = await a.inputValue('#story');
    await a.fill('#story', `${before}\n\nMae Nain yn symud i fyw atyn nhw ym mis Ionawr.`);
    await submit(a, 'form button.govuk-button');
    assert.ok((await a.locator('main').innerText()).includes(en['core.flash.story_saved']));
    await b.fill('#story', `${before} The manager adds this at the same time.`);
    const res = await submit(b, 'form button.govuk-button');
    assert.equal(res.status(), 412);
    assert.ok((await b.locator('.sgwrs-saved-now').innerText()).includes('Mae Nain yn symud i fyw atyn nhw'), 'what is saved now is shown');
    assert.ok((await b.inputValue('#story')).endsWith('The manager adds this at the same time.'), 'what was typed is kept');
    await submit(b, 'form button.govuk-button');  // having seen both, saving again is a choice
    await b.goto(storyUrl);
    await b.locator('a', { hasText: en['record.story.compare'] }).first().click();
    await b.waitForLoadState('load');
    const ins = await b.locator('.sgwrs-diff ins').allInnerTexts();
    const del = await b.locator('.sgwrs-diff del').allInnerTexts();
    assert.ok(ins.join(' ').includes('manager adds this'), `inserted: ${ins}`);
    assert.ok(del.join(' ').includes('Ionawr'), `deleted: ${del}`);
    assert.ok((await b.locator('.sgwrs-diff').innerText()).includes(`[${en['record.story.added']}:`), 'additions are named in text');
    await one.close();
    await two.close();
  });

  it('breaks the glass without JavaScript: a reason, a warning while reading, the pod manager told, the trail showing it', async () => {
    const practitioner = await (await contexts.newContext({ javaScriptEnabled: false })).newPage();
    await signInWithForm(practitioner, srv.base, accounts.practitioner);
    await practitioner.goto(`${srv.base}/families`);
    await practitioner.locator('.sgwrs-caseload a').nth(2).click();
    await practitioner.waitForLoadState('load');
    const familyPath = new URL(practitioner.url()).pathname;
    const familyName = await practitioner.locator('h1').innerText();

    const mentor = await (await contexts.newContext({ javaScriptEnabled: false })).newPage();
    await signInWithForm(mentor, srv.base, accounts.mentor);
    const r = await mentor.goto(`${srv.base}${familyPath}`);
    assert.equal(r.status(), 404);
    await mentor.click(`text=${en['record.break_glass.link']}`);
    await mentor.waitForLoadState('load');
    await mentor.fill('#reason', 'Call');
    let res = await submit(mentor, 'button.govuk-button');
    assert.equal(res.status(), 422);
    assert.ok(await mentor.locator('.govuk-error-summary a[href="#reason"]').count());
    await mentor.fill('#reason', 'Police called out of hours; the lead worker is not on duty');
    await submit(mentor, 'button.govuk-button');
    assert.equal(new URL(mentor.url()).pathname, familyPath);
    assert.ok((await mentor.locator('main').innerText()).includes(en['record.break_glass.reading']));

    const manager = await (await contexts.newContext({ javaScriptEnabled: false })).newPage();
    await signInWithForm(manager, srv.base, accounts.manager);
    const notice = await manager.locator('.sgwrs-break-glass-notice', { hasText: familyName }).first().innerText();
    assert.ok(notice.includes('Police called out of hours'), notice);

    await practitioner.goto(`${srv.base}${familyPath}/trail?show=break_glass`);
    const rows = await practitioner.locator('table.sgwrs-trail tbody tr').allInnerTexts();
    assert.ok(rows.length >= 2, rows.join('\n'));
    assert.ok(rows.every((row) => row.includes(en['record.trail.access.break_glass'])), rows.join('\n'));
    assert.ok(rows.some((row) => row.includes(en['record.trail.actions.family_view'])), rows.join('\n'));
    await practitioner.goto(`${srv.base}${familyPath}/trail?show=changes`);
    const changes = await practitioner.locator('table.sgwrs-trail tbody tr').allInnerTexts();
    assert.ok(changes.every((row) => !row.includes(en['record.trail.actions.family_view'])), changes.join('\n'));
  });

  it('keeps a sensitive conversation out of the family view, which speaks the family’s language', async () => {
    const ctx = await contexts.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    await page.goto(`${srv.base}/families`);
    await page.locator('.sgwrs-caseload a').nth(3).click();
    await page.waitForLoadState('load');
    const family = new URL(page.url()).pathname;
    for (const [said, sensitive] of [['We like going to the park on Sundays', ''], ['Our new address is 4 Heol y Nant', 'New address: must not reach Dad']]) {
      await page.goto(`${srv.base}${family}/conversations/new`);
      await page.fill('#held_on', '2026-11-25');
      await page.fill('#what_matters', said);
      await page.fill('#sensitive_reason', sensitive);
      await submit(page, 'button.govuk-button:not([value=draft])');
    }
    assert.ok((await page.locator('main').innerText()).includes('New address: must not reach Dad'), 'marked on the worker’s page');
    await page.click(`text=${en['record.family_view.link']}`);
    await page.waitForLoadState('load');
    const view = await page.locator('main').innerText();
    assert.ok(view.includes('We like going to the park on Sundays'), 'what matters is there');
    assert.ok(!view.includes('Heol y Nant') && !view.includes('must not reach Dad'), 'nothing sensitive reaches the family view');
    const html = await page.content();
    assert.ok(!html.includes('Heol y Nant'), 'not even hidden in the markup');
    await page.click(`text=${en['record.family_view.other_language']}`);
    await page.waitForLoadState('load');
    const other = await page.locator('h1').innerText();
    assert.ok(other.includes(en['record.family_view.title'].split(':')[1].trim()) || other.includes(cy['record.family_view.title'].split(':')[1].trim()), other);
    await ctx.close();
    const axe = await contexts.newContext();
    const p2 = await axe.newPage();
    await signInWithForm(p2, srv.base, accounts.practitioner);
    for (const lang of ['en', 'cy']) {
      await p2.goto(`${srv.base}${family}/family-view?lang=${lang}`);
      assert.equal(await p2.getAttribute('html', 'lang'), lang);
      await assertNoSeriousViolations(p2, `family view (${lang})`);
    }
    await axe.close();
  });

  it('records a child’s voice without JavaScript, shows it first on their page, and prompts when none is recorded', async () => {
    const ctx = await contexts.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    await page.goto(`${srv.base}/families`);
    await page.locator('.sgwrs-caseload a').nth(4).click();
    await page.waitForLoadState('load');
    const family = new URL(page.url()).pathname;
    await page.goto(`${srv.base}${family}/conversations/new`);
    const voice = page.locator('textarea[id^="voice_"]').first();
    const child = (await voice.getAttribute('id')).slice('voice_'.length);
    await page.fill('#held_on', '2026-11-26');
    await page.check(`#present_${child}`);
    await voice.fill('Drew our house with Nain in the garden, and said that is where I feel safe.');
    await page.selectOption(`#heard_${child}`, 'play');
    await page.fill(`#share_${child}`, 'Mam and my teacher');
    await submit(page, 'button.govuk-button:not([value=draft])');
    const article = page.locator('.sgwrs-conversation', { hasText: 'Drew our house with Nain' });
    assert.ok((await article.innerText()).includes(en['record.voice.heard.play']));
    // A second conversation the child was at, with nothing of their voice: a gentle prompt.
    await page.goto(`${srv.base}${family}/conversations/new`);
    await page.fill('#held_on', '2026-11-27');
    await page.check(`#present_${child}`);
    await page.fill('#what_matters', 'We want a calmer bedtime.');
    const res = await submit(page, 'button.govuk-button:not([value=draft])');
    assert.equal(res.status(), 303, 'a missing voice never blocks the save');
    const prompted = page.locator('.sgwrs-conversation', { hasText: 'We want a calmer bedtime.' });
    assert.equal(await prompted.locator('.sgwrs-voice-prompt').count(), 1);
    await page.goto(`${srv.base}/people/${child}`);
    const headings = await page.locator('main h2').allInnerTexts();
    assert.equal(headings[0], en['record.voice.person_heading'], `their voice comes first: ${headings.join(' | ')}`);
    assert.ok((await page.locator('.sgwrs-voice').first().innerText()).includes('where I feel safe'));
    await ctx.close();
  });

  it('finds people by name and shows someone outside the family "not found"', async () => {
    const ctx = await contexts.newContext();
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.practitioner);
    await page.goto(`${srv.base}/families?q=gwen`);
    const link = page.locator('a[href^="/people/"]').first();
    const href = await link.getAttribute('href');
    await link.click();
    await page.waitForLoadState('load');
    await assertNoSeriousViolations(page, 'person page');
    const mentor = await (await contexts.newContext()).newPage();
    await signInWithForm(mentor, srv.base, accounts.mentor);
    const r = await mentor.goto(`${srv.base}${href}`);
    assert.equal(r.status(), 404);
    await ctx.close();
  });
});
