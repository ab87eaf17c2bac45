// Every string a person reads lives in the English and Welsh catalogues: both must have the
// same keys, no empty values, and every catalogue key a template or the C++ code names must
// exist in both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const load = (lang) => JSON.parse(readFileSync(join(root, 'web', 'i18n', `${lang}.json`), 'utf8'));
const flatten = (o, p = '') =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flatten(v, `${p}${k}.`) : [[`${p}${k}`, v]]));
/** Every file under dir, in any depth (each layer has one folder per capability). */
const filesUnder = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
const en = new Map(flatten(load('en')));
const cy = new Map(flatten(load('cy')));

// The catalogue is grouped like the source: one top-level block per capability.
const capabilities = ['core', 'identity', 'organisation', 'audit', 'analysis', 'record'];

test('the catalogue has one top-level block per capability, in both languages', () => {
  for (const lang of ['en', 'cy']) assert.deepEqual(Object.keys(load(lang)), capabilities, lang);
});

test('English and Welsh catalogues have the same keys', () => {
  const missingInCy = [...en.keys()].filter((k) => !cy.has(k));
  const missingInEn = [...cy.keys()].filter((k) => !en.has(k));
  assert.deepEqual(missingInCy, [], 'keys missing from cy.json');
  assert.deepEqual(missingInEn, [], 'keys missing from en.json');
});

test('no catalogue value is empty', () => {
  for (const [lang, m] of [['en', en], ['cy', cy]])
    for (const [k, v] of m) assert.ok(v.trim().length > 0, `${lang}: ${k} is empty`);
});

test('every {{t.…}} key used by a template exists in both catalogues', () => {
  const dir = join(root, 'web', 'templates');
  const used = new Set();
  for (const f of filesUnder(dir))
    for (const m of readFileSync(f, 'utf8').matchAll(/\{\{[#^/]?\s*t\.([a-z0-9_.]+)\s*\}\}/g)) used.add(m[1]);
  assert.ok(used.size > 20, 'templates should use the catalogue');
  for (const k of used) {
    assert.ok(en.has(k), `en.json lacks ${k}`);
    assert.ok(cy.has(k), `cy.json lacks ${k}`);
  }
});

test('every literal catalogue key in the C++ code exists in both catalogues', () => {
  const dirs = ['src/http', 'src/service', 'src/domain'];
  const keys = new Set();
  const prefixes = capabilities;
  for (const d of dirs)
    for (const f of filesUnder(join(root, d))) {
      const text = readFileSync(f, 'utf8');
      // Dotted literals in the HTTP layer are catalogue keys (elsewhere they name audit actions).
      if (d === 'src/http')
        for (const m of text.matchAll(/"((?:[a-z_]+)\.[a-z0-9_.]+)"/g))
          if (prefixes.includes(m[1].split('.')[0]) && !m[1].endsWith('.')) keys.add(m[1]);
      // Error keys given to Error::of / FieldError are looked up under "core.errors."
      for (const m of text.matchAll(/Error::of\(Errc::[a-z_]+, "([a-z_]+)"/g)) keys.add(`core.errors.${m[1]}`);
      for (const m of text.matchAll(/Error\{Errc::[a-z_]+, "[a-z_]+", "[^"]*", \{\{"([a-z_]+)", "([a-z_]+)"\}\}/g))
        keys.add(`core.errors.${m[2]}`);
      for (const m of text.matchAll(/\b[a-z]+\.fail\("[a-z_]+", "([a-z_]+)"\)/g)) keys.add(`core.errors.${m[1]}`);
    }
  assert.ok(keys.size > 30);
  for (const k of keys) {
    assert.ok(en.has(k), `en.json lacks ${k}`);
    assert.ok(cy.has(k), `cy.json lacks ${k}`);
  }
});

test('role and service kind names exist in both languages', () => {
  const roles = ['practitioner', 'senior_practitioner', 'practitioner_in_training', 'pod_manager', 'business_support',
    'mentor', 'senior_leader', 'quality_lead', 'analyst', 'administrator'];
  const kinds = ['childrens_services', 'adult_social_care', 'housing', 'hospital_discharge', 'community',
    'integrated_front_door', 'third_sector'];
  for (const r of roles) for (const m of [en, cy]) assert.ok(m.has(`organisation.roles.${r}`) && m.has(`core.home.role_intro.${r}`), r);
  for (const k of kinds) for (const m of [en, cy]) assert.ok(m.has(`organisation.service_kinds.${k}`), k);
});
