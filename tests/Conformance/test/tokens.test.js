'use strict';
// HEAD /api/v2/tokens/me through the SDK's own headTokensMe: 200 without a body while the token is good, 401 with
// Genesys's error code for one the emulator never issued.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { platformClient, newClient, loggedInClient, failure, report } = require('../lib/sdk');

after(() => report('tokens'));

test('headTokensMe: 200 with no body for a good token, 401 for an unknown one', async () => {
  const tokens = new platformClient.TokensApi(await loggedInClient());
  const answer = await tokens.headTokensMe();
  assert.equal(answer.status, 200);
  assert.ok(answer.body === undefined || answer.body === null || answer.body === '' || Object.keys(answer.body).length === 0,
    `HEAD answered a body: ${JSON.stringify(answer.body)}`);

  const client = newClient();
  client.setAccessToken('a-token-the-emulator-never-issued');
  const error = await failure(new platformClient.TokensApi(client).headTokensMe());
  assert.equal(error.status, 401);
});
