'use strict';
// Error answers of the API host: 401 (no token, a token it never issued), 404, 400, 429 with Retry-After.
// Each is an ErrorBody with the HTTP status, a code, and contextId equal to the inin-correlation-id header.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { platformClient, newClient, loggedInClient, conforms, failure, apiError, report } = require('../lib/sdk');

after(() => report('errors'));

test('401: no token is authentication.required, an unknown token bad.credentials', async () => {
  const anonymous = new platformClient.UsersApi(newClient());
  apiError(await failure(anonymous.getUsers()), 401, 'authentication.required', 'getUsers (no token)');

  const client = newClient();
  client.setAccessToken('a-token-the-emulator-never-issued');
  const forged = new platformClient.UsersApi(client);
  apiError(await failure(forged.getUsers()), 401, 'bad.credentials', 'getUsers (unknown token)');
  apiError(await failure(new platformClient.ConversationsApi(client).postAnalyticsConversationsDetailsJobs({ interval: 'x' })), 401,
    'bad.credentials', 'postAnalyticsConversationsDetailsJobs (unknown token)');
});

test('404 and 400: an unknown user, a page size out of range, a bad sort order, a bad cursor', async () => {
  const users = new platformClient.UsersApi(await loggedInClient());
  apiError(await failure(users.getUser('00000000-0000-4000-8000-000000000000')), 404, 'not.found', 'getUser (unknown)');
  apiError(await failure(users.patchUser('00000000-0000-4000-8000-000000000000', { version: 1 })), 404, 'not.found', 'patchUser (unknown)');
  apiError(await failure(users.getUsers({ pageSize: 100000 })), 400, 'bad.request', 'getUsers (pageSize)');
  apiError(await failure(users.getUsers({ sortOrder: 'sideways' })), 400, 'bad.request', 'getUsers (sortOrder)');
  apiError(await failure(users.getUsers({ state: 'asleep' })), 400, 'bad.request', 'getUsers (state)');
  apiError(await failure(users.getUsersQuery({ cursor: '!!' })), 400, 'bad.request', 'getUsersQuery (cursor)');
});

test('429: past the rate limit, too.many.requests with Retry-After in seconds', async () => {
  // A token of its own: the emulator's default budget is per access token, so no other test spends it.
  const users = new platformClient.UsersApi(await loggedInClient());
  let throttled;
  for (let i = 0; i < 5000 && !throttled; i++) {
    try {
      const answer = await users.getUsers({ pageSize: 1 });
      assert.equal(answer.status, 200);
    } catch (error) {
      if (error?.status !== 429) throw error;
      throttled = error;
    }
  }
  assert.ok(throttled, 'a 429 within 5,000 requests');
  const body = apiError(throttled, 429, 'too.many.requests', 'getUsers (rate limited)');
  assert.match(body.message, /^Rate limit exceeded the maximum \[\d+\] requests within \[\d+\] seconds$/);
  const retryAfter = throttled.headers['retry-after'];
  assert.match(String(retryAfter), /^\d+$/, 'Retry-After in whole seconds');
  assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 60, `Retry-After ${retryAfter} within the window`);
});
