// Follow-up report analysis in a real browser (issue 3): coding by selecting words (with
// JavaScript) and by ticking sentences (without), reviewing a suggestion, the pages in
// Welsh, who sees the analysis, and an axe scan of every analysis page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { accounts, demoServers, loadCatalogue } from '../support/server.mjs';
import {
  apiGet,
  browserSession,
  htmlLang,
  LAUNCH,
  navLabels,
  seriousViolations,
  signInWithForm,
  submit,
  useLanguage,
} from '../support/browser.mjs';
import { cpSlice } from '../support/api.mjs';

const en = loadCatalogue('en');
const cy = loadCatalogue('cy');

const T = { timeout: 120_000 };

const demo = demoServers('sqlite');
let srv;
let browser;
let contexts; // browserSession(browser): every context made, closed after the tests

/**
 * Selects `words` (its `nth` occurrence in the passages) as a person would with the mouse:
 * a drag from the first character to the last, then the mouseup that the page listens for.
 */
async function selectWords(page, words) {
  const box = await page.evaluate((w) => {
    for (const passage of document.querySelectorAll('.sgwrs-passage')) {
      const walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf(w);
        if (i < 0) continue;
        passage.scrollIntoView({ block: 'center' });
        const first = document.createRange();
        first.setStart(n, i);
        first.setEnd(n, i + 1);
        const last = document.createRange();
        last.setStart(n, i + w.length - 1);
        last.setEnd(n, i + w.length);
        const a = first.getBoundingClientRect();
        const b = last.getBoundingClientRect();
        return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
      }
    }
    return null;
  }, words);
  assert.ok(box, `“${words}” is not in any passage`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection().toString());
  const byMouse = selected.trim() === words;
  if (!byMouse) {
    // A drag may land a character off; fall back to a Range selection and the same mouseup.
    await page.evaluate((w) => {
      for (const passage of document.querySelectorAll('.sgwrs-passage')) {
        const walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.data.indexOf(w);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + w.length);
          const sel = window.getSelection();
          sel.removeAllRanges();
          sel.addRange(r);
          document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return;
        }
      }
    }, words);
  }
  return byMouse;
}

/** Codes `words` in report `id` to `theme` with the selection panel; returns the new coding. */
async function codeBySelection(page, id, words, theme, memo) {
  await page.goto(`${srv.base}/analysis/reports/${id}`);
  assert.equal(await page.locator('#selection-panel').isVisible(), false, 'the panel shows before any selection');
  const before = (await apiGet(page, srv.base, `/api/v1/followup-reports/${id}`)).codings.map((c) => c.id);
  const byMouse = await selectWords(page, words);
  await page.locator('#selection-panel').waitFor({ state: 'visible' });
  assert.equal((await page.locator('.sgwrs-selection-panel__quote').innerText()).trim(), words);
  await page.check(`#sel-theme-${theme}`);
  if (memo) await page.fill('#sel-memo', memo);
  await submit(page, '#selection-panel button[type=submit]');
  const after = await apiGet(page, srv.base, `/api/v1/followup-reports/${id}`);
  const added = after.codings.filter((c) => !before.includes(c.id));
  assert.equal(added.length, 1, `expected one new coding, got ${JSON.stringify(added)}`);
  return { coding: added[0], report: after, byMouse };
}

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

describe('coding in the browser (analyst)', () => {
  let page;
  let reports;

  before(async () => {
    const ctx = await contexts.newContext();
    page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.analyst);
    await useLanguage(page, 'en');
    reports = (await apiGet(page, srv.base, '/api/v1/followup-reports')).items;
  });

  it('codes words selected with the mouse, exactly those words', T, async () => {
    const id = reports.find((r) => r.language === 'en').id;
    const rep = await apiGet(page, srv.base, `/api/v1/followup-reports/${id}`);
    // Words in the first section, second sentence, so the passage offset and a line break count.
    const sec = rep.sections.find((s) => s.heading === 'working-well');
    const secText = cpSlice(rep.text, sec.start, sec.end);
    const words = /(?<=\.\s+)\S+ \S+ \S+ \S+/.exec(secText)[0].replace(/[.,;:]$/, '');
    const { coding, report, byMouse } = await codeBySelection(page, id, words, 'time-and-capacity', 'chosen in the browser');
    assert.ok(byMouse, 'dragging the mouse over the words did not select exactly them');
    assert.equal(cpSlice(report.text, coding.start, coding.end), words);
    assert.equal(coding.theme, 'time-and-capacity');
    assert.equal(coding.memo, 'chosen in the browser');
    const quotes = await page.locator('.sgwrs-coding q').allInnerTexts();
    assert.ok(quotes.includes(words), `the coded passages do not show “${words}”: ${quotes.slice(0, 5)}`);
  });

  it('codes selected words in a later paragraph of a Welsh report with ŵ and ŷ', T, async () => {
    let chosen;
    for (const r of reports.filter((x) => x.language === 'cy')) {
      const rep = await apiGet(page, srv.base, `/api/v1/followup-reports/${r.id}`);
      // The last such words in the report: far from the start, past several line breaks.
      const m = [...rep.text.matchAll(/[^\s.,;:]*[ŵŷ][^\s.,;:]*(?: [^\s.,;:]+){2}/g)].at(-1);
      if (m && rep.text.slice(0, m.index).includes('\n')) {
        chosen = { id: r.id, words: m[0].replace(/[.,;:]$/, '') };
        break;
      }
    }
    assert.ok(chosen, 'no Welsh report with ŵ/ŷ after a line break');
    const { coding, report } = await codeBySelection(page, chosen.id, chosen.words, 'listening-and-reflection');
    assert.equal(
      cpSlice(report.text, coding.start, coding.end),
      chosen.words,
      `stored [${coding.start}, ${coding.end}) is not the selection`,
    );
  });

  it('accepts a suggestion with its button', T, async () => {
    const id = reports.find((r) => r.pending_suggestions > 0).id;
    await page.goto(`${srv.base}/analysis/reports/${id}`);
    const first = page.locator('.sgwrs-suggestion').first();
    const sid = Number((await first.getAttribute('id')).replace('s-', ''));
    const rep = await apiGet(page, srv.base, `/api/v1/followup-reports/${id}`);
    const sug = rep.suggestions.find((s) => s.id === sid);
    assert.equal(sug.status, 'pending');
    await submit(page, `#s-${sid} form[action$="/accept"] button`);
    assert.equal(await page.locator(`#s-${sid}`).count(), 0, 'the accepted suggestion is still offered');
    const after = await apiGet(page, srv.base, `/api/v1/followup-reports/${id}`);
    assert.equal(after.suggestions.find((s) => s.id === sid).status, 'accepted');
    const c = after.codings.find((x) => x.origin === 'suggestion' && x.theme === sug.theme && x.start === sug.start);
    assert.ok(c, 'no coding from the accepted suggestion');
    const quotes = await page.locator('.sgwrs-coding q').allInnerTexts();
    assert.ok(quotes.includes(cpSlice(after.text, sug.start, sug.end).trim()), 'the coding is not shown');
  });

  it('shows the analysis pages in Welsh', T, async () => {
    const id = reports.find((r) => r.language === 'en').id;
    await page.goto(`${srv.base}/analysis/reports/${id}`);
    await useLanguage(page, 'cy');
    try {
      const nav = await navLabels(page);
      assert.ok(nav.includes(cy['core.nav.analysis']), `nav: ${nav}`);
      assert.equal(cy['core.nav.analysis'], 'Adroddiadau dilynol');
      const headings = await page.locator('main h2').allInnerTexts();
      assert.ok(headings.includes("Beth sy'n gweithio'n dda"), `headings: ${headings}`);
      assert.ok(headings.includes("Beth sy'n rhwystro"), `headings: ${headings}`);
      const subnav = (await page.locator('.sgwrs-subnav').innerText()).trim();
      assert.ok(!subnav.includes(en['analysis.nav.matrix'] ?? 'Themes matrix'), `English in the sub-navigation: ${subnav}`);
      await page.goto(`${srv.base}/analysis/matrix?by=heading`);
      assert.equal(await htmlLang(page), 'cy');
      const cols = await page.locator('table thead th').allInnerTexts();
      assert.ok(cols.some((c) => c.includes("Beth sy'n gweithio'n dda")), `matrix columns: ${cols}`);
    } finally {
      await useLanguage(page, 'en');
    }
  });
});

describe('coding without JavaScript', () => {
  it('codes two whole sentences with the checkbox form', T, async () => {
    const ctx = await contexts.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.analyst);
    const { items } = await apiGet(page, srv.base, '/api/v1/followup-reports');
    const id = items[3].id;
    await page.goto(`${srv.base}/analysis/reports/${id}`);
    assert.equal(await page.locator('#selection-panel').isVisible(), false);
    const before = (await apiGet(page, srv.base, `/api/v1/followup-reports/${id}`)).codings.map((c) => c.id);
    const boxes = page.locator('input[name=segment]');
    assert.ok((await boxes.count()) >= 3);
    const picked = [];
    for (const i of [1, 2]) {
      const box = boxes.nth(i);
      await box.check();
      picked.push((await page.locator(`label[for="${await box.getAttribute('id')}"]`).innerText()).trim());
    }
    const form = page.locator('form:has(input[name=segment])');
    await form.locator('input[name=theme][value="worker-satisfaction"]').check();
    await form.locator('[name=memo]').fill('no-JS memo');
    await submit(page, 'form:has(input[name=segment]) button[type=submit]');
    const after = await apiGet(page, srv.base, `/api/v1/followup-reports/${id}`);
    const added = after.codings.filter((c) => !before.includes(c.id));
    assert.equal(added.length, 2, `expected two codings: ${JSON.stringify(added)}`);
    const texts = added.map((c) => cpSlice(after.text, c.start, c.end).trim()).sort();
    assert.deepEqual(texts, [...picked].sort());
    for (const c of added) {
      assert.equal(c.theme, 'worker-satisfaction');
      assert.equal(c.memo, 'no-JS memo');
    }
  });
});

describe('who sees the analysis', () => {
  for (const who of ['practitioner', 'manager']) {
    it(`refuses ${who}@ with a 403 page and no menu link`, T, async () => {
      const ctx = await contexts.newContext();
      const page = await ctx.newPage();
      await signInWithForm(page, srv.base, accounts[who]);
      const nav = await navLabels(page);
      assert.ok(!nav.includes(en['core.nav.analysis']) && !nav.includes(cy['core.nav.analysis']), `nav: ${nav}`);
      const res = await page.goto(`${srv.base}/analysis`);
      assert.equal(res.status(), 403);
      const res2 = await page.goto(`${srv.base}/analysis/matrix`);
      assert.equal(res2.status(), 403);
    });
  }

  it('lets a senior leader read, without coding controls', T, async () => {
    const ctx = await contexts.newContext();
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.leader);
    assert.ok((await navLabels(page)).includes(en['core.nav.analysis']));
    const { items } = await apiGet(page, srv.base, '/api/v1/followup-reports');
    const res = await page.goto(`${srv.base}/analysis/reports/${items[0].id}`);
    assert.equal(res.status(), 200);
    assert.equal(await page.locator('form[action$="/accept"]').count(), 0, 'a reader is offered Accept');
    assert.equal(await page.locator('input[name=segment]').count(), 0, 'a reader is offered the coding form');
  });
});

// Issue 10, item 3: the analyst swaps a findings quote for the next candidate and pins one,
// with plain forms. Runs before the axe scan, so the findings page it scans shows a pinned
// quote and its unpin button, in English and Welsh.
describe('findings quotes without JavaScript', () => {
  it('swaps a quote for the next candidate and pins one, which a redraft keeps', T, async () => {
    const ctx = await contexts.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.analyst);
    await page.goto(`${srv.base}/analysis/findings`);
    await submit(page, 'form[action="/analysis/findings/draft"] button');
    const findings = async () => (await apiGet(page, srv.base, '/api/v1/analysis/findings')).items;
    const first = (await findings())[0];
    assert.ok(first.quotes.length >= 2, `the first finding has ${first.quotes.length} quotes`);
    const passage = (q) => `${q.report_id}:${q.start}-${q.end}`;

    await submit(page, `form[action="/analysis/findings/${first.id}/quotes/0/swap"] button`);
    assert.ok((await page.locator('body').innerText()).includes(en['analysis.findings.flash.swapped']), 'no message after the swap');
    const swapped = (await findings()).find((f) => f.id === first.id);
    assert.notEqual(passage(swapped.quotes[0]), passage(first.quotes[0]), 'the quote was not swapped');
    assert.deepEqual(swapped.quotes.slice(1).map(passage), first.quotes.slice(1).map(passage), 'the other quotes moved');

    // The button's accessible name says which quote of which theme it swaps or pins.
    const pin = page.locator(`form[action="/analysis/findings/${first.id}/quotes/1/pin"] button`);
    assert.match(await pin.innerText(), new RegExp(`^${en['analysis.findings.pin']}`));
    await submit(page, `form[action="/analysis/findings/${first.id}/quotes/1/pin"] button`);
    assert.ok((await page.locator('body').innerText()).includes(en['analysis.findings.flash.pinned']));
    const kept = passage((await findings()).find((f) => f.id === first.id).quotes[1]);

    await submit(page, 'form[action="/analysis/findings/draft"] button');
    const redrafted = (await findings()).find((f) => f.theme === first.theme);
    assert.equal(passage(redrafted.quotes[0]), kept, 'the pinned quote did not survive the redraft');
    assert.equal(redrafted.quotes[0].pinned, true);
    assert.ok(!redrafted.quotes.some((q) => passage(q) === passage(first.quotes[0])), 'the swapped-out quote came back');
    assert.equal(await page.locator('.sgwrs-findings .govuk-tag').first().innerText(), en['analysis.findings.pinned']);
    assert.equal(await page.locator(`form[action="/analysis/findings/${redrafted.id}/quotes/0/unpin"]`).count(), 1);

    // In Welsh the same forms say it in Welsh.
    await useLanguage(page, 'cy');
    try {
      await page.goto(`${srv.base}/analysis/findings`);
      assert.match(await page.locator(`form[action="/analysis/findings/${redrafted.id}/quotes/0/unpin"] button`).innerText(), new RegExp(`^${cy['analysis.findings.unpin']}`));
      assert.match(await page.locator(`form[action="/analysis/findings/${redrafted.id}/quotes/1/swap"] button`).innerText(), new RegExp(`^${cy['analysis.findings.swap']}`));
    } finally {
      await useLanguage(page, 'en');
    }
  });
});

describe('accessibility of the analysis pages (axe: no serious or critical violations)', () => {
  let page;
  let paths;

  before(async () => {
    const ctx = await contexts.newContext();
    page = await ctx.newPage();
    await signInWithForm(page, srv.base, accounts.analyst);
    const { items } = await apiGet(page, srv.base, '/api/v1/followup-reports');
    const cyReport = items.find((r) => r.language === 'cy');
    await page.goto(`${srv.base}/analysis/agreement`);
    const coders = await page.locator('#a option').evaluateAll((os) => os.map((o) => o.value));
    await page.goto(`${srv.base}/analysis/findings`);
    const edit = await page.locator('a[href$="/edit"]').first().getAttribute('href');
    await page.goto(`${srv.base}/analysis/matrix?by=organisation`);
    const quotes = await page.locator('table a[href^="/analysis/quotes"]').first().getAttribute('href');
    paths = [
      '/analysis',
      '/analysis?year=2025',
      `/analysis/reports/${items[0].id}`,
      `/analysis/reports/${cyReport.id}`,
      '/analysis/import',
      '/analysis/framework',
      ...['organisation', 'service-area', 'year', 'heading'].map((by) => `/analysis/matrix?by=${by}&view=coded`),
      '/analysis/matrix?by=organisation&view=suggested',
      quotes,
      `/analysis/agreement?a=${coders[0]}&b=${coders[1]}`,
      '/analysis/quality',
      '/analysis/findings',
      edit,
      '/analysis/codebook',
      '/analysis/export',
    ];
  });

  for (const lang of ['en', 'cy']) {
    it(`every analysis page in ${lang === 'en' ? 'English' : 'Welsh'}`, { timeout: 300_000 }, async () => {
      await page.goto(`${srv.base}/analysis`);
      await useLanguage(page, lang);
      const failures = [];
      for (const p of paths) {
        const res = await page.goto(`${srv.base}${p}`);
        if (res.status() !== 200) {
          failures.push(`${p}: HTTP ${res.status()}`);
          continue;
        }
        for (const v of await seriousViolations(page))
          failures.push(
            `${p} (${lang}): [${v.impact}] ${v.id}: ${v.help}\n` +
              v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.html.slice(0, 200)}`).join('\n'),
          );
      }
      assert.deepEqual(failures, [], `axe violations:\n${failures.join('\n')}`);
    });
  }
});
