'use strict';
// The login host, driven by the SDK's own login methods: client credentials, authorization code, refresh, PKCE; and
// its error answers. The SDK declares no model for /oauth/token: OAuthToken and OAuthError (lib/sdk.js) hold what it
// reads and what ../../../shared/GENESYS.md records.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { platformClient, clientId, clientSecret, baseUrl, newClient, conforms, failure, apiError, report } = require('../lib/sdk');

after(() => report('oauth'));

const redirectUri = 'http://127.0.0.1/callback';

/** GET /oauth/authorize (auto-consent) and the code from its redirect. */
async function authorizationCode(params) {
  const url = new URL('oauth/authorize', baseUrl());
  for (const [k, v] of Object.entries({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, ...params })) url.searchParams.set(k, v);
  const answer = await fetch(url, { redirect: 'manual' });
  assert.equal(answer.status, 302);
  const code = new URL(answer.headers.get('location')).searchParams.get('code');
  assert.ok(code, 'a code in the redirect');
  return code;
}

function lastToken(client, label, { refresh }) {
  const answer = client.tokenAnswers.at(-1);
  assert.equal(answer.status, 200, `${label}: ${JSON.stringify(answer.body)}`);
  const token = conforms(answer.body, 'OAuthToken', label);
  assert.equal(token.token_type, 'bearer');
  assert.ok(Number.isInteger(token.expires_in) && token.expires_in > 0, 'expires_in in whole seconds');
  assert.equal('refresh_token' in token, refresh, `${label}: ${refresh ? 'a' : 'no'} refresh token`);
  return token;
}

async function canCall(client) {
  const answer = await new platformClient.UsersApi(client).getUsers({ pageSize: 1 });
  assert.equal(answer.status, 200);
  conforms(answer.body, 'UserEntityListing', 'getUsers');
}

test('client credentials: a token without refresh_token, and the SDK can call with it', async () => {
  const client = newClient();
  const auth = await client.loginClientCredentialsGrant(clientId, clientSecret);
  assert.ok(Number.isFinite(auth.tokenExpiryTime) && auth.tokenExpiryTime > Date.now(), 'the SDK computed an expiry');
  lastToken(client, 'token (client_credentials)', { refresh: false });
  await canCall(client);
});

test('authorization code, then refresh: tokens with refresh_token', async () => {
  const client = newClient();
  const code = await authorizationCode({ scope: 'users' });
  await client.loginCodeAuthorizationGrant(clientId, clientSecret, code, redirectUri);
  const first = lastToken(client, 'token (authorization_code)', { refresh: true });
  await canCall(client);
  await client.refreshCodeAuthorizationGrant(clientId, clientSecret, first.refresh_token);
  lastToken(client, 'token (refresh_token)', { refresh: true });
  await canCall(client);
});

test('PKCE: a token without refresh_token', async () => {
  const client = newClient();
  const verifier = client.generatePKCECodeVerifier(64);
  const challenge = await client.computePKCECodeChallenge(verifier);
  const code = await authorizationCode({ code_challenge: challenge, code_challenge_method: 'S256' });
  await client.authorizePKCEGrant(clientId, verifier, code, redirectUri);
  lastToken(client, 'token (pkce)', { refresh: false });
  await canCall(client);
});

test('token errors: invalid_client (401), invalid_grant (400) in the OAuth error shape', async () => {
  const client = newClient();
  await assert.rejects(client.loginClientCredentialsGrant(clientId, 'wrong-secret'));
  let answer = client.tokenAnswers.at(-1);
  assert.equal(answer.status, 401);
  assert.equal(conforms(answer.body, 'OAuthError', 'token (invalid_client)').error, 'invalid_client');

  await assert.rejects(client.refreshCodeAuthorizationGrant(clientId, clientSecret, 'no-such-refresh-token'));
  answer = client.tokenAnswers.at(-1);
  assert.equal(answer.status, 400);
  assert.equal(conforms(answer.body, 'OAuthError', 'token (invalid_grant)').error, 'invalid_grant');

  await assert.rejects(client.loginCodeAuthorizationGrant(clientId, clientSecret, 'no-such-code', redirectUri));
  answer = client.tokenAnswers.at(-1);
  assert.equal(answer.status, 400);
  assert.equal(conforms(answer.body, 'OAuthError', 'token (invalid_grant, code)').error, 'invalid_grant');
});

test('a read-only authorization-code token: GET works, PATCH is a 403 ErrorBody naming the scopes', async () => {
  const client = newClient();
  await client.loginCodeAuthorizationGrant(clientId, clientSecret, await authorizationCode({ scope: 'users:readonly' }), redirectUri);
  const users = new platformClient.UsersApi(client);
  const user = conforms((await users.getUsers({ pageSize: 1 })).body, 'UserEntityListing', 'getUsers').entities[0];
  const denied = await failure(users.patchUser(user.id, { department: 'Denied', version: user.version }));
  const body = apiError(denied, 403, 'not.authorized', 'patchUser (users:readonly)');
  assert.equal(body.messageParams.scopes, 'users', 'messageParams names the scope PATCH needs');
});
