// What the HTTP/API suites (tests/api) check answers with: the JSON error shape, the cells of
// a page's tables and the audit trail, a signed-in session's calls, and code-point offsets
// as the API counts them (the browser suites use those too).
import assert from 'node:assert/strict';

import { request, signedIn } from './server.mjs';

/**
 * Checks an API error: exactly this status and code, JSON with code, message, detail and hint
 * all strings, and a message to show. Returns the parsed body.
 */
export function assertErrorShape(r, status, code) {
  assert.equal(typeof code, 'string', 'assertErrorShape needs the error code expected');
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.text}`);
  assert.match(r.headers.get('content-type') || '', /^application\/json/);
  assert.ok(r.json && typeof r.json === 'object', `not JSON: ${r.text}`);
  for (const k of ['code', 'message', 'detail', 'hint'])
    assert.equal(typeof r.json[k], 'string', `error field ${k} missing or not a string: ${r.text}`);
  assert.equal(r.json.code, code, r.text);
  assert.ok(r.json.message.length > 0, 'error message is empty');
  return r.json;
}

/** The inner HTML of each cell (td or th) of each <tr> in the page, row by row. */
export function tableCells(html) {
  return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]),
  );
}

/** Cells of each <tr> in the page's tables, as plain text. */
export function tableRows(html) {
  return tableCells(html).map((row) => row.map((c) => c.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()));
}

/** The rows of the first page of /admin/audit as the jar's administrator sees it. */
export async function auditRows(base, jar) {
  const page = await request(base, '/admin/audit', { jar });
  assert.equal(page.status, 200, `GET /admin/audit: ${page.status}`);
  return tableRows(page.text);
}

/**
 * Signs in and returns helpers bound to that session: api(method, path, json, headers) with
 * the session's CSRF token, page(path), form(path, fields) with the csrf field, and
 * multipart(path, fields, files) — fields { name: value | [value...] }, files
 * [{ field, name, data }].
 */
export async function session(base, email) {
  const { jar, csrf } = await signedIn(base, email);
  return {
    jar,
    csrf,
    api: (method, p, json, headers = {}) =>
      request(base, p, { method, jar, json, headers: { 'X-CSRF-Token': csrf, ...headers } }),
    page: (p) => request(base, p, { jar }),
    form: (p, form) => request(base, p, { jar, form: { csrf, ...form } }),
    async multipart(p, fields, files = []) {
      const fd = new FormData();
      fd.append('csrf', csrf);
      for (const [k, v] of Object.entries(fields)) for (const x of [].concat(v)) fd.append(k, x);
      for (const f of files) fd.append(f.field ?? 'files', new Blob([f.data]), f.name);
      const res = await fetch(base + p, { method: 'POST', body: fd, headers: { Cookie: jar.header() }, redirect: 'manual' });
      return { status: res.status, headers: res.headers, text: await res.text() };
    },
  };
}

/** Code-point slice of a report's text: the API's offsets count code points, as the pages do. */
export const cpSlice = (text, start, end) => Array.from(text).slice(start, end).join('');
/** The code-point offset of a UTF-16 index into the text. */
export const cpIndex = (text, utf16Index) => Array.from(text.slice(0, utf16Index)).length;
