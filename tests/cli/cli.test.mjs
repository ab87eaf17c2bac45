// The `sgwrs` command line as an operator uses it: versions and help, migrations, the demo,
// and the account commands, on a real SQLite file. Every refusal must say what was wrong
// in plain words, exit non-zero, and leave what is stored untouched.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sgwrsBin } from '../support/server.mjs';

const PASSWORD = 'Glantawe-cli-test-pass-7';

function sgwrs(args, { input } = {}) {
  const r = spawnSync(sgwrsBin, args, { input: input ?? '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('sgwrs command line', () => {
  let dir;
  let db;
  const onDb = (...args) => sgwrs(['--db', db, ...args]);

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgwrs-cli-test-'));
    db = `sqlite:${path.join(dir, 'cli.db')}`;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--version and --help answer without a database', () => {
    const v = sgwrs(['--version']);
    assert.equal(v.code, 0);
    assert.match(v.out, /^sgwrs \d+\.\d+\.\d+/);
    const h = sgwrs(['--help']);
    assert.equal(h.code, 0);
    for (const sub of ['serve', 'migrate', 'demo', 'user']) assert.match(h.out, new RegExp(`\\b${sub}\\b`));
  });

  it('migrate reports the schema version, and --db may follow the subcommand', () => {
    const before = sgwrs(['migrate', '--status', '--db', db]);
    assert.equal(before.code, 0, before.err);
    assert.match(before.out, /schema version 0 of \d+/);
    const apply = onDb('migrate');
    assert.equal(apply.code, 0, apply.err);
    assert.match(apply.out, /applied \d+ migration/);
    const again = onDb('migrate');
    assert.match(again.out, /applied 0 migration/);
  });

  it('demo creates the organisations once and prints the sign-in details', () => {
    const first = onDb('demo', '--password', PASSWORD);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /admin@glantawe\.example/);
    assert.ok(first.out.includes(PASSWORD), 'the demo password is printed');
    const second = onDb('demo', '--password', PASSWORD);
    assert.equal(second.code, 0, second.err);
    // Running it again changes nothing: the same people, no second copy.
    const users = onDb('user', 'add', '--email', 'admin@glantawe.example', '--name', 'Twice',
      '--role', 'practitioner', '--organisation', 'W06000099', '--password', PASSWORD);
    assert.notEqual(users.code, 0);
  });

  it('user add, set-password and disable, with clear refusals', () => {
    const add = onDb('user', 'add', '--email', 'Nia.Evans@Glantawe.example', '--name', 'Nia Evans',
      '--role', 'practitioner', '--organisation', 'W06000099', '--password-stdin');
    assert.notEqual(add.code, 0, 'no password on standard input is refused');
    assert.match(add.err, /password/i);

    const added = sgwrs(['--db', db, 'user', 'add', '--email', 'Nia.Evans@Glantawe.example', '--name',
      'Nia Evans', '--role', 'practitioner', '--organisation', 'W06000099', '--password-stdin'],
    { input: `${PASSWORD}\n` });
    assert.equal(added.code, 0, added.err);
    assert.match(added.out, /added nia\.evans@glantawe\.example/);

    const dup = sgwrs(['--db', db, 'user', 'add', '--email', 'nia.evans@glantawe.example', '--name',
      'Nia Evans', '--role', 'practitioner', '--organisation', 'W06000099', '--password-stdin'],
    { input: `${PASSWORD}\n` });
    assert.notEqual(dup.code, 0);
    assert.match(dup.err, /already/i);

    const role = onDb('user', 'add', '--email', 'x@glantawe.example', '--name', 'X', '--role', 'wizard',
      '--organisation', 'W06000099', '--password', PASSWORD);
    assert.notEqual(role.code, 0);
    // An unknown value is told the allowed ones (issue 10).
    assert.match(role.err, /unknown role 'wizard'; choose one of: practitioner, senior_practitioner, practitioner_in_training, pod_manager, business_support, mentor, senior_leader, quality_lead, analyst, administrator\n/);

    const weak = sgwrs(['--db', db, 'user', 'set-password', '--email', 'nia.evans@glantawe.example',
      '--password-stdin'], { input: 'short\n' });
    assert.notEqual(weak.code, 0);
    assert.match(weak.err, /at least/);

    const strong = sgwrs(['--db', db, 'user', 'set-password', '--email', 'nia.evans@glantawe.example',
      '--password-stdin'], { input: 'An-even-longer-pass-phrase-2\n' });
    assert.equal(strong.code, 0, strong.err);

    const nobody = onDb('user', 'disable', '--email', 'nobody@glantawe.example');
    assert.notEqual(nobody.code, 0);
    assert.match(nobody.err, /nobody@glantawe\.example/);

    const off = onDb('user', 'disable', '--email', 'nia.evans@glantawe.example');
    assert.equal(off.code, 0, off.err);
  });

  it('a database URL it cannot use is named in the error', () => {
    const bad = sgwrs(['--db', 'mysql://somewhere/db', 'migrate']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.err, /unknown database 'mysql'.*sqlite:PATH or postgresql:/);
    const missing = sgwrs(['--db', `sqlite:${path.join(dir, 'no', 'such', 'dir', 'x.db')}`, 'migrate']);
    assert.notEqual(missing.code, 0);
    assert.match(missing.err, /cannot open SQLite database/);
  });

  it('an unknown subcommand or option is refused with the usage', () => {
    const r = sgwrs(['frobnicate']);
    assert.notEqual(r.code, 0);
    assert.match(r.err + r.out, /frobnicate/);
    // No command at all: every command is named, analyse too.
    const none = sgwrs([]);
    assert.notEqual(none.code, 0);
    assert.match(none.err, /choose a command: serve, migrate, demo, analyse or user/);
  });
});
