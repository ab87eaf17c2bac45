// The record of people and families over HTTP (/api/v1/people, families, conversations,
// stories), on one engine: the access rule for every role in the demo organisation against
// a family inside and outside their relationship, for every resource and verb (outside is
// always 404, exactly like a record that does not exist), break-glass end to end, tokens
// under the same rule, stale saves that keep both texts, and bad input refused whole.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { assertErrorShape, session } from '../support/api.mjs';
import { accounts, demoServers, request } from '../support/server.mjs';

const FAMILY = {
  name: 'Teulu Prys',
  opened_on: '2025-09-01',
  status: 'care_and_support_plan',
  members: [
    { given_name: 'Siôn', family_name: 'Penhallow', date_of_birth: '1986-03-14', preferred_language: 'cy', role: 'parent' },
    { given_name: 'Gwenllïan', family_name: 'Penhallow', preferred_name: 'Gwen', date_of_birth: '2016-07-02', role: 'child' },
  ],
};

const OUTCOME = {
  statement: 'Mynd i’r ysgol bob dydd gyda fy ffrindiau',
  importance: 'to',
  areas: [{ area_id: 'education' }, { framework_id: 'wales', area_id: 'relationships' }],
  reviewed_on: '2025-10-01',
  person_score: 3,
  person_reason: 'Dw i’n colli dyddiau',
  worker_score: 4,
  worker_reason: 'Attendance is up since September',
};

export function defineRecordSuite(engine) {
  describe(`record API (${engine})`, () => {
    const servers = demoServers(engine);
    let base, practitioner, family;

    before(async () => {
      base = (await servers.start()).base;
      practitioner = await session(base, accounts.practitioner);
      const made = await practitioner.api('POST', '/api/v1/families', FAMILY);
      assert.equal(made.status, 201, made.text);
      family = made.json;
    });
    after(() => servers.stopAll());

    it('creates a family allocated to its creator, with members and a dated status', () => {
      assert.equal(family.name, 'Teulu Prys');
      assert.deepEqual(family.members.map((m) => [m.called, m.role]), [['Siôn', 'parent'], ['Gwen', 'child']]);
      assert.equal(family.involvements[0].history[0].status, 'care_and_support_plan');
      assert.equal(family.access, 'lead_worker');
    });

    // Every role x every resource and verb: inside the relationship it works, outside it is
    // the same 404 a missing record gets.
    it('opens the record only through a relationship, for every resource and verb', async () => {
      const person = family.members[1].id;
      const draft = await practitioner.api('POST', '/api/v1/conversations', {
        family_id: family.id, held_on: '2025-10-01', state: 'finished', what_matters: [{ text: 'Bod yn saff gartref', person_id: family.members[0].id }],
      });
      assert.equal(draft.status, 201, draft.text);
      const outcome = await practitioner.api('POST', `/api/v1/people/${person}/outcomes`, OUTCOME);
      assert.equal(outcome.status, 201, outcome.text);
      const action = await practitioner.api('POST', `/api/v1/families/${family.id}/actions`, { what: 'Nain walks Gwen to school', owner: 'network', who: 'Nain' });
      assert.equal(action.status, 201, action.text);
      const strength = await practitioner.api('POST', `/api/v1/families/${family.id}/strengths`, { kind: 'family', text: 'Cooks together on Sundays' });
      assert.equal(strength.status, 201, strength.text);
      const member = await practitioner.api('POST', `/api/v1/families/${family.id}/network`, { name: 'Nain', role: 'relative', tie: 'strong', flow: 'to_family' });
      assert.equal(member.status, 201, member.text);
      const statement = await practitioner.api('POST', `/api/v1/families/${family.id}/safety`, { kind: 'working_well', text: 'Nain has the children on Fridays' });
      assert.equal(statement.status, 201, statement.text);
      const period = family.involvements[0];
      const calls = [
        ['GET', `/api/v1/families/${family.id}/involvements`],
        ['POST', `/api/v1/families/${family.id}/involvements`, { opened_on: '2025-11-01', status: 'early_help' }],
        ['GET', `/api/v1/involvements/${period.id}`],
        ['POST', `/api/v1/involvements/${period.id}/statuses`, { status: 'early_help', from: '2025-11-01' }, { 'If-Match': '"999"' }],
        ['POST', `/api/v1/involvements/${period.id}/close`, { on: '2025-11-01' }, { 'If-Match': '"999"' }],
        ['GET', `/api/v1/families/${family.id}/strengths`],
        ['POST', `/api/v1/families/${family.id}/strengths`, { kind: 'own', text: 'x' }],
        ['GET', `/api/v1/strengths/${strength.json.id}`],
        ['PATCH', `/api/v1/strengths/${strength.json.id}`, { text: 'x' }, { 'If-Match': '"999"' }],
        ['GET', `/api/v1/families/${family.id}/network`],
        ['POST', `/api/v1/families/${family.id}/network`, { name: 'x', role: 'friend', tie: 'tenuous', flow: 'none' }],
        ['GET', `/api/v1/network/${member.json.id}`],
        ['PATCH', `/api/v1/network/${member.json.id}`, { name: 'x' }, { 'If-Match': '"999"' }],
        ['GET', `/api/v1/families/${family.id}/safety`],
        ['POST', `/api/v1/families/${family.id}/safety`, { kind: 'needs_to_happen', text: 'x' }],
        ['GET', `/api/v1/safety/${statement.json.id}`],
        ['PATCH', `/api/v1/safety/${statement.json.id}`, { text: 'x' }, { 'If-Match': '"999"' }],
        ['GET', `/api/v1/families/${family.id}/scalings`],
        ['POST', `/api/v1/families/${family.id}/scalings`, { on: '2025-11-01', perspective: 'worker', score: 5 }],
        ['GET', `/api/v1/families/${family.id}/actions`],
        ['POST', `/api/v1/families/${family.id}/actions`, { what: 'x', owner: 'family' }],
        ['GET', `/api/v1/actions/${action.json.id}`],
        ['PATCH', `/api/v1/actions/${action.json.id}`, { what: 'x' }, { 'If-Match': '"999"' }],
        ['POST', `/api/v1/actions/${action.json.id}/progress`, { on: '2025-11-01', state: 'done' }],
        ['GET', `/api/v1/families/${family.id}/decisions`],
        ['GET', `/api/v1/families/${family.id}/chronology`],
        ['POST', `/api/v1/families/${family.id}/events`, { happened_on: '2025-11-01', what: 'x' }],
        ['POST', `/api/v1/families/${family.id}/decisions`, { decided_on: '2025-11-01', kind: 'reduced', reason: 'x' }],
        ['GET', `/api/v1/people/${person}/outcomes`],
        ['POST', `/api/v1/people/${person}/outcomes`, OUTCOME],
        ['GET', `/api/v1/outcomes/${outcome.json.id}`],
        ['PATCH', `/api/v1/outcomes/${outcome.json.id}`, { status: 'achieved' }, { 'If-Match': '"999"' }],
        ['POST', `/api/v1/outcomes/${outcome.json.id}/reviews`, { reviewed_on: '2025-12-01', person_score: 5, worker_score: 5 }],
        ['GET', `/api/v1/families/${family.id}`],
        ['GET', `/api/v1/families/${family.id}/story`],
        ['GET', `/api/v1/families/${family.id}/trail`],
        ['PUT', `/api/v1/families/${family.id}/story`, { text: 'x' }, { 'If-Match': '"999"' }],
        ['GET', `/api/v1/people/${person}`],
        ['GET', `/api/v1/people/${person}/story`],
        ['PATCH', `/api/v1/people/${person}`, { pronouns: 'hi' }, { 'If-Match': '"1"' }],
        ['GET', `/api/v1/conversations/${draft.json.id}`],
        ['PUT', `/api/v1/conversations/${draft.json.id}`, { worries: 'x' }, { 'If-Match': '"999"' }],
        ['POST', '/api/v1/conversations', { family_id: family.id, held_on: '2025-10-02' }],
      ];
      const roles = { manager: true, leader: true, mentor: false, analyst: false, admin: false };
      for (const [role, inside] of Object.entries(roles)) {
        const s = await session(base, accounts[role]);
        for (const [method, path, body, headers] of calls) {
          const r = await s.api(method, path, body, headers);
          if (inside) assert.notEqual(r.status, 404, `${role} ${method} ${path}: ${r.text}`);
          else assertErrorShape(r, 404, 'not_found');
        }
        const found = await s.api('GET', '/api/v1/people?q=penhallow%20gwen');
        assert.equal(found.status, 200);
        assert.equal(found.json.items.length, inside ? 1 : 0, `${role} search: ${found.text}`);
        const missing = await s.api('GET', `/api/v1/families/${family.id + 1000}`);
        assertErrorShape(missing, 404, 'not_found');
      }
    });

    it('lets someone outside break the glass with a reason, for a while, and tells the trail', async () => {
      // A family of its own, so no other test meets the mentor's opened glass.
      const own = await practitioner.api('POST', '/api/v1/families', { ...FAMILY, name: 'The Hughes family' });
      const family = own.json;
      const mentor = await session(base, accounts.mentor);
      const vague = await mentor.api('POST', `/api/v1/families/${family.id}/break-glass`, { reason: 'check' });
      assert.equal(assertErrorShape(vague, 422, 'invalid_input').fields[0].field, 'reason');
      const glass = await mentor.api('POST', `/api/v1/families/${family.id}/break-glass`, {
        reason: 'Out-of-hours call from the police; the lead worker is not on duty', minutes: 15,
      });
      assert.equal(glass.status, 201, glass.text);
      const seen = await mentor.api('GET', `/api/v1/families/${family.id}`);
      assert.equal(seen.status, 200);
      assert.equal(seen.json.access, 'break_glass');
      const trail = await practitioner.api('GET', `/api/v1/families/${family.id}/trail`);
      const actions = trail.json.items.map((e) => e.action);
      assert.ok(actions.includes('record.break_glass'), actions.join(','));
      assert.ok(actions.includes('family.view'), actions.join(','));
    });

    it('holds a sensitive item back from someone who broke the glass until they ask to see it', async () => {
      const own = await practitioner.api('POST', '/api/v1/families', { ...FAMILY, name: 'The Pugh family' });
      const family = own.json;
      const secret = await practitioner.api('POST', `/api/v1/families/${family.id}/network`, {
        name: 'Gareth', role: 'friend', tie: 'strong', flow: 'to_family', sensitive_reason: 'Dad must not learn of him',
      });
      assert.equal(secret.status, 201, secret.text);
      assert.equal(secret.json.sensitive_reason, 'Dad must not learn of him');
      const mentor = await session(base, accounts.mentor);
      await mentor.api('POST', `/api/v1/families/${family.id}/break-glass`, {
        reason: 'Out-of-hours call from the police; the lead worker is not on duty', minutes: 15,
      });
      const held = await mentor.api('GET', `/api/v1/families/${family.id}/network`);
      assert.equal(held.status, 200, held.text);
      assert.equal(held.json.items[0].withheld, true);
      assert.equal(held.json.items[0].name, '');
      assert.equal(held.json.items[0].sensitive_reason, 'Dad must not learn of him');
      const one = await mentor.api('GET', `/api/v1/network/${secret.json.id}`);
      assert.equal(one.json.withheld, true);
      const blind = await mentor.api('PATCH', `/api/v1/network/${secret.json.id}`, { name: 'Someone' },
        { 'If-Match': one.headers.get('etag') });
      assertErrorShape(blind, 403, 'sensitive_withheld');
      const shown = await mentor.api('GET', `/api/v1/families/${family.id}/network?reveal=sensitive`);
      assert.equal(shown.json.items[0].name, 'Gareth');
      assert.equal(shown.json.items[0].withheld, false);
      const mine = await practitioner.api('GET', `/api/v1/network/${secret.json.id}`);
      assert.equal(mine.json.name, 'Gareth', 'the refused change lost nothing');
      const trail = await practitioner.api('GET', `/api/v1/families/${family.id}/trail`);
      assert.ok(trail.json.items.some((e) => e.action === 'sensitive.reveal'), trail.text);
    });

    it("shows a family's newest ten conversations and the rest in the chronology", async () => {
      const made = await practitioner.api('POST', '/api/v1/families', { ...FAMILY, name: 'The Rowlands family' });
      assert.equal(made.status, 201, made.text);
      const kin = made.json;
      for (let day = 1; day <= 12; day++) {
        const on = `2025-09-${String(day).padStart(2, '0')}`;
        const saved = await practitioner.api('POST', '/api/v1/conversations', {
          family_id: kin.id, held_on: on, state: 'finished', strengths: `Walked to school together on ${on}`,
        });
        assert.equal(saved.status, 201, saved.text);
      }
      const page = await practitioner.page(`/families/${kin.id}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /These are the 10 most recent of 12 conversations\./);
      assert.ok(page.text.includes(`href="/families/${kin.id}/chronology?kind=conversation"`), 'links to every conversation');
      assert.ok(page.text.includes('Walked to school together on 2025-09-12'), 'the newest is shown');
      assert.ok(page.text.includes('Walked to school together on 2025-09-03'), 'the tenth newest is shown');
      assert.ok(!page.text.includes('Walked to school together on 2025-09-02'), 'the eleventh is not');
      const all = await practitioner.page(`/families/${kin.id}/chronology?kind=conversation`);
      assert.equal(all.status, 200);
      assert.ok(all.text.includes('Walked to school together on 2025-09-01'), 'the oldest is in the chronology');
      const api = await practitioner.api('GET', `/api/v1/families/${kin.id}`);
      assert.equal(api.json.conversations.length, 12, 'the API still gives every one');
    });

    it('finds people however their names are typed, among those the caller may open', async () => {
      for (const q of ['sion', 'SIÔN', 'Sio', 'penhallow gwen', 'Gwenllian']) {
        const r = await practitioner.api('GET', `/api/v1/people?q=${encodeURIComponent(q)}`);
        assert.equal(r.status, 200, r.text);
        assert.ok(r.json.items.length >= 1, `${q}: ${r.text}`);
      }
      assertErrorShape(await practitioner.api('GET', '/api/v1/people'), 400, 'q_required');
    });

    it('keeps both texts when a save meets a newer version, and a repeated first save makes one', async () => {
      const body = { family_id: family.id, held_on: '2025-10-03', client_key: 'kitchen-table-1', strengths: 'Nain helps every morning' };
      const first = await practitioner.api('POST', '/api/v1/conversations', body);
      const again = await practitioner.api('POST', '/api/v1/conversations', body);
      assert.equal(first.status, 201, first.text);
      assert.equal(again.json.id, first.json.id, 'a double click made two conversations');
      const etag = first.headers.get('etag');
      const tab2 = await practitioner.api('PUT', `/api/v1/conversations/${first.json.id}`, { worries: 'Rent arrears' }, { 'If-Match': etag });
      assert.equal(tab2.status, 200, tab2.text);
      const tab1 = await practitioner.api('PUT', `/api/v1/conversations/${first.json.id}`, { next_steps: 'Call school' }, { 'If-Match': etag });
      assertErrorShape(tab1, 412, 'stale');
      const now = await practitioner.api('GET', `/api/v1/conversations/${first.json.id}`);
      assert.equal(now.json.worries, 'Rent arrears');
      assert.equal(now.json.next_steps, '');
      assert.equal(now.json.strengths, 'Nain helps every morning');
    });

    it('refuses bad input whole, naming every field', async () => {
      const r = await practitioner.api('POST', '/api/v1/families', {
        name: '', opened_on: '2999-01-01', members: [{ given_name: 'Llŷr', family_name: '', date_of_birth: '2999-05-05' }],
      });
      const e = assertErrorShape(r, 422, 'invalid_input');
      assert.deepEqual(e.fields.map((f) => f.field),
        ['name', 'opened_on', 'members.0.family_name', 'members.0.date_of_birth']);
      const place = await practitioner.api('POST', '/api/v1/conversations', { family_id: family.id, held_on: '2025-10-01', place: 'pub' });
      assert.equal(assertErrorShape(place, 422, 'invalid_input').fields[0].field, 'place');
      const extra = await practitioner.api('POST', '/api/v1/conversations', { family_id: family.id, colour: 'blue' });
      assertErrorShape(extra, 400, 'unknown_field');
    });

    it('writes the story version by version, and a stale version is refused', async () => {
      const v1 = await practitioner.api('PUT', `/api/v1/families/${family.id}/story`, { text: 'Mae Siôn a Gwen yn byw yn Ystalyfera.' }, { 'If-Match': '"0"' });
      assert.equal(v1.status, 200, v1.text);
      assert.equal(v1.headers.get('etag'), '"1"');
      const stale = await practitioner.api('PUT', `/api/v1/families/${family.id}/story`, { text: 'Overwrite' }, { 'If-Match': '"0"' });
      assertErrorShape(stale, 412, 'stale');
      const history = await practitioner.api('GET', `/api/v1/families/${family.id}/story`);
      assert.deepEqual(history.json.items.map((s) => s.version), [1]);
    });

    it('agrees an outcome with its baseline, reviews it, and refuses a stale change', async () => {
      const person = family.members[0].id;
      const made = await practitioner.api('POST', `/api/v1/people/${person}/outcomes`, OUTCOME);
      assert.equal(made.status, 201, made.text);
      const o = made.json;
      assert.deepEqual(o.areas, [{ framework_id: 'wales', area_id: 'education' }, { framework_id: 'wales', area_id: 'relationships' }]);
      assert.deepEqual([o.scale, o.scale_low, o.scale_high, o.status, o.prompt], ['0-10', 0, 10, 'not_yet', null]);
      assert.equal(o.reviews[0].person_reason, 'Dw i’n colli dyddiau');
      const reviewed = await practitioner.api('POST', `/api/v1/outcomes/${o.id}/reviews`, {
        reviewed_on: '2025-11-20', person_score: 7, person_reason: 'Mi es i bob dydd wythnos yma', worker_score: 6, status: 'progressing',
      });
      assert.equal(reviewed.status, 201, reviewed.text);
      assert.deepEqual(reviewed.json.reviews.map((r) => [r.person_score, r.worker_score]), [[3, 4], [7, 6]]);
      assert.equal(reviewed.json.status, 'progressing');
      const etag = reviewed.headers.get('etag');
      const mine = await practitioner.api('PATCH', `/api/v1/outcomes/${o.id}`, { statement: 'Mynd i’r ysgol bob dydd' }, { 'If-Match': etag });
      assert.equal(mine.status, 200, mine.text);
      const theirs = await practitioner.api('PATCH', `/api/v1/outcomes/${o.id}`, { statement: 'Overwrite' }, { 'If-Match': etag });
      assertErrorShape(theirs, 412, 'stale');
      const now = await practitioner.api('GET', `/api/v1/outcomes/${o.id}`);
      assert.equal(now.json.statement, 'Mynd i’r ysgol bob dydd');
      const listed = await practitioner.api('GET', `/api/v1/people/${person}/outcomes`);
      assert.ok(listed.json.items.some((x) => x.id === o.id));
    });

    it('saves a statement that reads like a service, with a gentle prompt beside it', async () => {
      const person = family.members[0].id;
      const r = await practitioner.api('POST', `/api/v1/people/${person}/outcomes`, { ...OUTCOME, statement: 'Angen pecyn gofal' });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.statement, 'Angen pecyn gofal');
      assert.equal(r.json.prompt.code, 'reads_like_service');
      assert.equal(r.json.prompt.phrase, 'pecyn gofal');
      assert.match(r.json.prompt.question, /possible for you/);
      const fine = await practitioner.api('POST', `/api/v1/people/${person}/outcomes`, { ...OUTCOME, statement: 'Dawnsio yn y briodas' });
      assert.equal(fine.json.prompt, null);
    });

    it('refuses bad scores, dates and areas whole, and loses nothing stored', async () => {
      const person = family.members[0].id;
      const before = (await practitioner.api('GET', `/api/v1/people/${person}/outcomes`)).json.items.length;
      const bad = await practitioner.api('POST', `/api/v1/people/${person}/outcomes`, {
        ...OUTCOME, statement: '', scale: '1-5', person_score: 0, worker_score: 4294967301, reviewed_on: '2999-01-01',
      });
      assert.deepEqual(assertErrorShape(bad, 422, 'invalid_input').fields.map((f) => f.field),
        ['statement', 'reviewed_on', 'person_score', 'worker_score']);
      const area = await practitioner.api('POST', `/api/v1/people/${person}/outcomes`, { ...OUTCOME, areas: [{ area_id: 'moon' }] });
      assert.equal(assertErrorShape(area, 422, 'invalid_input').fields[0].field, 'areas');
      const scale = await practitioner.api('POST', `/api/v1/people/${person}/outcomes`, { ...OUTCOME, scale: '1-100' });
      assert.equal(assertErrorShape(scale, 422, 'invalid_input').fields[0].field, 'scale');
      const o = (await practitioner.api('POST', `/api/v1/people/${person}/outcomes`, OUTCOME)).json;
      const early = await practitioner.api('POST', `/api/v1/outcomes/${o.id}/reviews`, { reviewed_on: '2025-01-01', person_score: 5, worker_score: 5 });
      assert.equal(assertErrorShape(early, 422, 'invalid_input').fields[0].field, 'reviewed_on');
      const after = (await practitioner.api('GET', `/api/v1/people/${person}/outcomes`)).json.items;
      assert.equal(after.length, before + 1);
      assert.equal(after.at(-1).reviews.length, 1);
    });

    it('lists the well-being frameworks, and only an administrator loads another', async () => {
      const list = await practitioner.api('GET', '/api/v1/frameworks');
      assert.equal(list.status, 200);
      const wales = list.json.items.find((f) => f.framework_id === 'wales');
      assert.equal(wales.areas.length, 12);
      assert.ok(wales.areas.some((a) => a.name_cy === 'Addasrwydd llety byw'));
      const body = { framework_id: 'test-indicators', name_en: 'Test indicators', name_cy: 'Dangosyddion prawf', areas: [{ area_id: 'safe', name_en: 'Safe', name_cy: 'Diogel' }] };
      assertErrorShape(await practitioner.api('POST', '/api/v1/frameworks', body), 403, 'forbidden');
      const admin = await session(base, accounts.admin);
      const loaded = await admin.api('POST', '/api/v1/frameworks', body);
      assert.equal(loaded.status, 201, loaded.text);
      assert.equal(loaded.json.current, false, 'loading beside Wales leaves Wales current');
    });

    it('agrees actions, checks them together, and records support decisions with the outcomes they serve', async () => {
      const person = family.members[1].id;
      const outcome = (await practitioner.api('POST', `/api/v1/people/${person}/outcomes`, OUTCOME)).json;
      const made = await practitioner.api('POST', `/api/v1/families/${family.id}/actions`, {
        what: 'Nain walks Gwen to school on Mondays', owner: 'network', who: 'Nain', by_when: '2026-01-31', outcome_id: outcome.id,
      });
      assert.equal(made.status, 201, made.text);
      assert.deepEqual([made.json.state, made.json.outcome_id, made.json.person_id], ['not_yet', outcome.id, null]);
      const checked = await practitioner.api('POST', `/api/v1/actions/${made.json.id}/progress`, { on: '2025-11-03', state: 'partly', their_words: 'Dydd Llun yn iawn' });
      assert.equal(checked.status, 201, checked.text);
      assert.equal(checked.json.state, 'partly');
      assert.equal(checked.json.progress[0].their_words, 'Dydd Llun yn iawn');
      const stale = await practitioner.api('PATCH', `/api/v1/actions/${made.json.id}`, { what: 'x' }, { 'If-Match': made.headers.get('etag') });
      assertErrorShape(stale, 412, 'stale');
      const other = (await practitioner.api('POST', '/api/v1/families', { ...FAMILY, name: 'Teulu Arall' })).json;
      const foreign = await practitioner.api('POST', `/api/v1/families/${family.id}/actions`, { what: 'x', owner: 'person', person_id: other.members[0].id });
      assert.equal(assertErrorShape(foreign, 422, 'invalid_input').fields[0].field, 'person_id');
      const owner = await practitioner.api('POST', `/api/v1/families/${family.id}/actions`, { what: 'x', owner: 'neighbour' });
      assert.equal(assertErrorShape(owner, 422, 'invalid_input').fields[0].field, 'owner');

      const decided = await practitioner.api('POST', `/api/v1/families/${family.id}/decisions`, {
        decided_on: '2025-11-04', kind: 'escalation_avoided', person_id: person, outcome_ids: [outcome.id],
        reason: 'With Nain walking her, Gwen stays at her school; no placement move is needed.',
      });
      assert.equal(decided.status, 201, decided.text);
      const list = await practitioner.api('GET', `/api/v1/families/${family.id}/decisions`);
      const mine = list.json.items.find((d) => d.id === decided.json.id);
      assert.deepEqual([mine.kind, mine.outcome_ids, mine.person_id], ['escalation_avoided', [outcome.id], person]);
      const kind = await practitioner.api('POST', `/api/v1/families/${family.id}/decisions`, { decided_on: '2025-11-04', kind: 'more', reason: 'x' });
      assert.equal(assertErrorShape(kind, 422, 'invalid_input').fields[0].field, 'kind');
      const trail = await practitioner.api('GET', `/api/v1/families/${family.id}/trail`);
      const actions = trail.json.items.map((e) => e.action);
      for (const a of ['action.create', 'action.check', 'decision.create']) assert.ok(actions.includes(a), `${a} not in the trail`);
      assert.ok(trail.json.items.every((e) => typeof e.change === 'boolean' && 'who' in e && 'access' in e));
    });

    it('keeps strengths, the eco-map, worries beside what works, and scaling from each view', async () => {
      const child = family.members[1].id;
      const outcome = (await practitioner.api('POST', `/api/v1/people/${child}/outcomes`, OUTCOME)).json;
      const strength = await practitioner.api('POST', `/api/v1/families/${family.id}/strengths`, {
        kind: 'own', person_id: child, text: 'Gwen is brave about saying when she is sad', outcome_ids: [outcome.id],
      });
      assert.equal(strength.status, 201, strength.text);
      assert.deepEqual([strength.json.outcome_ids, strength.json.person_id], [[outcome.id], child]);
      const changed = await practitioner.api('PATCH', `/api/v1/strengths/${strength.json.id}`, { outcome_ids: [] }, { 'If-Match': strength.headers.get('etag') });
      assert.equal(changed.status, 200, changed.text);
      assert.deepEqual(changed.json.outcome_ids, []);
      assertErrorShape(await practitioner.api('PATCH', `/api/v1/strengths/${strength.json.id}`, { text: 'Overwrite' }, { 'If-Match': strength.headers.get('etag') }), 412, 'stale');
      assert.equal((await practitioner.api('GET', `/api/v1/strengths/${strength.json.id}`)).json.text, 'Gwen is brave about saying when she is sad');

      const nain = await practitioner.api('POST', `/api/v1/families/${family.id}/network`, {
        name: 'Nain', role: 'relative', person_id: child, tie: 'strong', flow: 'to_family', support: 'Walks me to school', how_often: 'Bob bore',
        their_words: 'Dw i’n mynd at Nain pan dw i’n drist',
      });
      assert.equal(nain.status, 201, nain.text);
      assert.equal(nain.json.their_words, 'Dw i’n mynd at Nain pan dw i’n drist');
      const tie = await practitioner.api('POST', `/api/v1/families/${family.id}/network`, { name: 'x', role: 'relative', tie: 'wobbly' });
      assert.equal(assertErrorShape(tie, 422, 'invalid_input').fields[0].field, 'tie');
      const other = (await practitioner.api('POST', '/api/v1/families', { ...FAMILY, name: 'Teulu Arall Eto' })).json;
      const foreign = await practitioner.api('POST', `/api/v1/families/${family.id}/network`, { name: '', role: 'friend', person_id: other.members[0].id });
      assert.deepEqual(assertErrorShape(foreign, 422, 'invalid_input').fields.map((f) => f.field), ['name', 'person_id']);
      const stressful = await practitioner.api('PATCH', `/api/v1/network/${nain.json.id}`, { tie: 'stressful' }, { 'If-Match': nain.headers.get('etag') });
      assert.equal(stressful.json.tie, 'stressful');
      const network = await practitioner.api('GET', `/api/v1/families/${family.id}/network`);
      assert.ok(network.json.items.some((m) => m.id === nain.json.id && m.tie === 'stressful'));

      const worry = await practitioner.api('POST', `/api/v1/families/${family.id}/safety`, { kind: 'worry', text: 'Rows late at night frighten the children' });
      assert.equal(assertErrorShape(worry, 422, 'invalid_input').fields[0].field, 'safety_goal');
      const paired = await practitioner.api('POST', `/api/v1/families/${family.id}/safety`, {
        kind: 'worry', text: 'Rows late at night frighten the children', safety_goal: 'The children sleep at Nain’s after any row',
        said_by: 'Mam', disagreement: 'Dad says there are no rows',
      });
      assert.equal(paired.status, 201, paired.text);
      assert.equal(paired.json.disagreement, 'Dad says there are no rows');

      for (const [perspective, score] of [['family', 0], ['worker', 4], ['agency', 6]]) {
        const r = await practitioner.api('POST', `/api/v1/families/${family.id}/scalings`, { on: '2025-11-01', perspective, score, who: perspective });
        assert.equal(r.status, 201, r.text);
      }
      const out = await practitioner.api('POST', `/api/v1/families/${family.id}/scalings`, { on: '2999-11-01', perspective: 'family', score: 11 });
      assert.deepEqual(assertErrorShape(out, 422, 'invalid_input').fields.map((f) => f.field), ['on', 'score']);
      const scalings = await practitioner.api('GET', `/api/v1/families/${family.id}/scalings`);
      const mine = scalings.json.items.filter((s) => ['family', 'worker', 'agency'].includes(s.who));
      assert.deepEqual(mine.map((s) => [s.perspective, s.score]), [['family', 0], ['worker', 4], ['agency', 6]]);
      assert.ok(scalings.json.items.some((s) => s.perspective === 'family' && s.score === 0), 'a 0 is kept as an answer');

      const trail = await practitioner.api('GET', `/api/v1/families/${family.id}/trail`);
      const actions = trail.json.items.map((e) => e.action);
      for (const a of ['strength.create', 'strength.update', 'network_member.create', 'network_member.update', 'safety_statement.create', 'scaling.create'])
        assert.ok(actions.includes(a), `${a} not in the trail`);
    });

    it('moves the status on, ends the work keeping its history, and opens it again', async () => {
      const own = (await practitioner.api('POST', '/api/v1/families', { ...FAMILY, name: 'Teulu Cyfnodau' })).json;
      const first = await practitioner.api('GET', `/api/v1/involvements/${own.involvements[0].id}`);
      assert.equal(first.status, 200, first.text);
      const moved = await practitioner.api('POST', `/api/v1/involvements/${first.json.id}/statuses`,
        { status: 'child_protection_plan', from: '2025-10-01', note: 'Cynhadledd' }, { 'If-Match': first.headers.get('etag') });
      assert.equal(moved.status, 201, moved.text);
      assert.deepEqual(moved.json.history.map((h) => h.status), ['care_and_support_plan', 'child_protection_plan']);
      assertErrorShape(await practitioner.api('POST', `/api/v1/involvements/${first.json.id}/statuses`,
        { status: 'early_help', from: '2025-10-02' }, { 'If-Match': first.headers.get('etag') }), 412, 'stale');
      assertErrorShape(await practitioner.api('POST', `/api/v1/involvements/${first.json.id}/close`, { on: '2025-10-05' }), 428, 'precondition_required');
      const early = await practitioner.api('POST', `/api/v1/involvements/${first.json.id}/close`, { on: '2025-09-01' }, { 'If-Match': moved.headers.get('etag') });
      assert.equal(assertErrorShape(early, 422, 'invalid_input').fields[0].field, 'on');
      const closed = await practitioner.api('POST', `/api/v1/involvements/${first.json.id}/close`, { on: '2025-10-05', note: 'Nodau wedi’u cyrraedd' }, { 'If-Match': moved.headers.get('etag') });
      assert.equal(closed.status, 200, closed.text);
      assert.deepEqual([closed.json.open, closed.json.closed_on, closed.json.history.at(-1).status], [false, '2025-10-05', 'none']);
      const kind = await practitioner.api('POST', `/api/v1/families/${own.id}/involvements`, { opened_on: '2025-11-01', status: 'sometimes' });
      assert.equal(assertErrorShape(kind, 422, 'invalid_input').fields[0].field, 'status');
      const again = await practitioner.api('POST', `/api/v1/families/${own.id}/involvements`, { opened_on: '2025-11-01', status: 'early_help' });
      assert.equal(again.status, 201, again.text);
      assertErrorShape(await practitioner.api('POST', `/api/v1/families/${own.id}/involvements`, { opened_on: '2025-11-02', status: 'early_help' }), 409, 'involvement_open');
      const periods = await practitioner.api('GET', `/api/v1/families/${own.id}/involvements`);
      assert.deepEqual(periods.json.items.map((p) => p.open), [false, true]);
    });

    it('builds the chronology from the record, filters it, and takes events by hand', async () => {
      const ev = await practitioner.api('POST', `/api/v1/families/${family.id}/events`, { happened_on: '2025-09-20', what: 'Symud i fflat newydd', person_id: family.members[0].id });
      assert.equal(ev.status, 201, ev.text);
      const all = await practitioner.api('GET', `/api/v1/families/${family.id}/chronology`);
      assert.equal(all.status, 200, all.text);
      const days = all.json.items.map((e) => e.on);
      assert.deepEqual(days, [...days].sort(), 'in time order');
      assert.equal(all.json.items[0].kind, 'status', 'the opening status comes first');
      assert.ok(all.json.items.some((e) => e.kind === 'event' && e.detail === 'Symud i fflat newydd'));
      const events = await practitioner.api('GET', `/api/v1/families/${family.id}/chronology?kind=event`);
      assert.ok(events.json.items.length >= 1 && events.json.items.every((e) => e.kind === 'event'));
      const mine = await practitioner.api('GET', `/api/v1/families/${family.id}/chronology?person_id=${family.members[0].id}`);
      assert.ok(mine.json.items.every((e) => e.people.includes(family.members[0].id)));
      assert.equal(assertErrorShape(await practitioner.api('GET', `/api/v1/families/${family.id}/chronology?kind=party`), 422, 'invalid_input').fields[0].field, 'kind');
      const future = await practitioner.api('POST', `/api/v1/families/${family.id}/events`, { happened_on: '2999-01-01', what: '' });
      assert.deepEqual(assertErrorShape(future, 422, 'invalid_input').fields.map((f) => f.field), ['happened_on', 'what']);
    });

    it('holds access tokens to the same rule as sessions', async () => {
      for (const [who, status] of [['practitioner', 200], ['analyst', 404]]) {
        const s = who === 'practitioner' ? practitioner : await session(base, accounts[who]);
        const t = await s.api('POST', '/api/v1/tokens', { name: `record ${who}` });
        assert.equal(t.status, 201, t.text);
        const r = await request(base, `/api/v1/families/${family.id}`, { headers: { Authorization: `Bearer ${t.json.token}` } });
        assert.equal(r.status, status, `${who}: ${r.text}`);
      }
    });
  });
}
