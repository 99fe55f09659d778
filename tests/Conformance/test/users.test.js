'use strict';
// Users: page-number listing, cursor listing, get, PATCH with versions, search by pageNumber and by nextPage.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { platformClient, loggedInClient, conforms, correlated, failure, apiError, report } = require('../lib/sdk');

let users;
before(async () => { users = new platformClient.UsersApi(await loggedInClient()); });
after(() => report('users'));

test('getUsers: every page of every state is a UserEntityListing', async () => {
  for (const state of ['active', 'any']) {
    const seen = new Set();
    let pageNumber = 1;
    for (;;) {
      const answer = correlated(await users.getUsers({ pageSize: 25, pageNumber, state, sortOrder: 'ascending' }), 'getUsers');
      assert.equal(answer.status, 200);
      const page = conforms(answer.body, 'UserEntityListing', 'getUsers');
      for (const user of page.entities) seen.add(user.id);
      assert.ok(page.selfUri.startsWith('/api/v2/users?'), 'selfUri is relative');
      if (!page.nextUri) {
        assert.equal(page.pageNumber, page.pageCount, 'nextUri is absent on the last page only');
        break;
      }
      assert.ok(page.nextUri.startsWith('/api/v2/users?'), 'nextUri is relative');
      pageNumber++;
    }
    assert.ok(seen.size > 0, `state=${state}: some users`);
  }
  // Descending, a filter by id, a page past the end.
  const one = await users.getUsers({ pageSize: 2, sortOrder: 'descending' });
  conforms(one.body, 'UserEntityListing', 'getUsers');
  const byId = await users.getUsers({ id: one.body.entities.map((u) => u.id) });
  assert.equal(conforms(byId.body, 'UserEntityListing', 'getUsers').entities.length, 2);
  const past = await users.getUsers({ pageSize: 25, pageNumber: 100000 });
  assert.deepEqual(conforms(past.body, 'UserEntityListing', 'getUsers').entities, []);
});

test('getUsersQuery: every cursor page is a UserCursorEntityListing', async () => {
  let cursor;
  let pages = 0;
  do {
    const answer = correlated(await users.getUsersQuery({ pageSize: 30, cursor }), 'getUsersQuery');
    assert.equal(answer.status, 200);
    const page = conforms(answer.body, 'UserCursorEntityListing', 'getUsersQuery');
    cursor = page.cursor;
    assert.equal(Boolean(page.nextUri), Boolean(cursor), 'nextUri and cursor come together');
    pages++;
  } while (cursor && pages < 1000);
  assert.ok(pages > 1, 'more than one page');
});

test('getUser and patchUser: User, with the version bumped; a stale version is a 409 ErrorBody', async () => {
  const listing = await users.getUsers({ pageSize: 3 });
  const id = listing.body.entities[2].id;
  const before = conforms(correlated(await users.getUser(id), 'getUser').body, 'User', 'getUser');
  assert.equal(before.id, id);

  const patched = correlated(await users.patchUser(id, { department: 'Conformance', version: before.version }), 'patchUser');
  assert.equal(patched.status, 200);
  conforms(patched.body, 'User', 'patchUser');
  assert.equal(patched.body.department, 'Conformance');
  assert.equal(patched.body.version, before.version + 1);

  const after = conforms((await users.getUser(id)).body, 'User', 'getUser');
  assert.equal(after.version, before.version + 1);

  const stale = await failure(users.patchUser(id, { department: 'Stale', version: before.version }));
  const body = apiError(stale, 409, 'general.conflict', 'patchUser (stale version)');
  assert.match(body.message, /does not match the current version/);

  const noVersion = await failure(users.patchUser(id, { department: 'No version' }));
  apiError(noVersion, 400, 'bad.request', 'patchUser (no version)');
});

test('postUsersSearch: pages by pageNumber and by nextPage are UsersSearchResponse and agree', async () => {
  const query = [{ type: 'CONTAINS', fields: ['name', 'email'], value: 'a' }];
  const byNumber = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const answer = correlated(await users.postUsersSearch({ pageSize: 20, pageNumber, query, sortOrder: 'ASC' }), 'postUsersSearch');
    assert.equal(answer.status, 200);
    const page = conforms(answer.body, 'UsersSearchResponse', 'postUsersSearch');
    byNumber.push(...page.results.map((u) => u.id));
    if (pageNumber >= page.pageCount) break;
  }
  const byToken = [];
  let nextPage;
  do {
    const body = { pageSize: 20, query, sortOrder: 'ASC', ...(nextPage ? { nextPage } : {}) };
    const page = conforms((await users.postUsersSearch(body)).body, 'UsersSearchResponse', 'postUsersSearch');
    byToken.push(...page.results.map((u) => u.id));
    nextPage = page.nextPage;
  } while (nextPage);
  assert.ok(byNumber.length > 20, 'more than one page of matches');
  assert.deepEqual(byToken, byNumber);

  // Every state, descending, exact values; a search past the end is still the full shape.
  const states = await users.postUsersSearch({ query: [{ type: 'EXACT', fields: ['state'], values: ['active', 'inactive'] }], sortOrder: 'DESC' });
  conforms(states.body, 'UsersSearchResponse', 'postUsersSearch');
  const empty = await users.postUsersSearch({ pageSize: 5, pageNumber: 100000 });
  assert.deepEqual(conforms(empty.body, 'UsersSearchResponse', 'postUsersSearch').results, []);

  const bad = await failure(users.postUsersSearch({ pageSize: 1000 }));
  apiError(bad, 400, 'bad.request', 'postUsersSearch (pageSize 1000)');
});
