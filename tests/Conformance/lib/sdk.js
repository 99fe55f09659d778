'use strict';
// Genesys's official JavaScript SDK pointed at the emulator host (EMULATOR_URL), with extended responses on, so each
// answer arrives as { status, headers, body } exactly as the SDK's callers would see it.
const assert = require('node:assert/strict');
const platformClient = require('purecloud-platform-client-v2');
const { check, defineModel } = require('./check');

const clientId = process.env.EMULATOR_CLIENT_ID ?? 'emulator-client';
const clientSecret = process.env.EMULATOR_CLIENT_SECRET ?? 'emulator-secret';

function baseUrl() {
  const raw = process.env.EMULATOR_URL;
  if (!raw) {
    throw new Error('Set EMULATOR_URL to the emulator host\'s address (dotnet samples/EmulatorHost/bin/Release/net10.0/EmulatorHost.dll --port 0 prints it).');
  }
  const url = new URL(raw);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`EMULATOR_URL must be a loopback address, not ${url.hostname}.`);
  return url;
}

// The login host's answers: the SDK declares no model for them; it reads access_token and expires_in
// (ApiClient.js), and ../../../shared/GENESYS.md gives the rest of the shape.
const extraModels = new Map([
  ['OAuthToken', defineModel('OAuthToken', {
    access_token: 'string', token_type: 'string', expires_in: 'number', 'refresh_token?': 'string',
  })],
  ['OAuthError', defineModel('OAuthError', {
    error: 'string', 'description?': 'string', 'error_description?': 'string',
  })],
]);

/** Answers checked in this process, by label (endpoint) — printed by the tests as a diagnostic. */
const tally = new Map();

/**
 * Asserts that a JSON body conforms to a model; fails with every violation and its JSON path.
 * @returns the body
 */
function conforms(body, model, label) {
  const violations = check(body, model, { extraModels });
  tally.set(label, (tally.get(label) ?? 0) + 1);
  assert.deepEqual(violations, [], `${label}: the answer does not match the SDK's ${model}:\n  ${violations.join('\n  ')}`);
  return body;
}

/** A fresh SDK client (its own token and rate budget), pointed at the emulator, recording the login host's raw answers. */
function newClient() {
  const url = baseUrl();
  const client = new platformClient.ApiClientClass();
  client.setGateway({ host: url.hostname, protocol: url.protocol.replace(':', ''), port: Number(url.port) });
  client.setReturnExtendedResponses(true);
  // The SDK resolves a login with its own AuthData, not the answer: keep what the wire said, for the shape checks.
  client.tokenAnswers = [];
  const http = client.getHttpClient();
  const request = http.request.bind(http);
  http.request = async (options) => {
    const isToken = String(options.url).endsWith('/oauth/token');
    try {
      const response = await request(options);
      if (isToken) client.tokenAnswers.push({ status: response.status, headers: response.headers, body: response.data });
      return response;
    } catch (error) {
      if (isToken && error.response) {
        client.tokenAnswers.push({ status: error.response.status, headers: error.response.headers, body: error.response.data });
      }
      throw error;
    }
  };
  return client;
}

async function loggedInClient() {
  const client = newClient();
  await client.loginClientCredentialsGrant(clientId, clientSecret);
  return client;
}

/** The SDK rejects an error answer with { status, headers, body }; returns it (fails if the call succeeded). */
async function failure(promise) {
  try {
    const answer = await promise;
    assert.fail(`expected an error answer, got ${answer?.status}: ${JSON.stringify(answer?.body)?.slice(0, 300)}`);
  } catch (error) {
    if (error?.code === 'ERR_ASSERTION') throw error;
    assert.ok(error && typeof error.status === 'number', `not an HTTP answer: ${error?.message ?? error}`);
    return error;
  }
}

/** An API error answer: ErrorBody, status and code as expected, contextId = inin-correlation-id. */
function apiError(answer, status, code, label) {
  assert.equal(answer.status, status, `${label}: HTTP ${answer.status}, expected ${status}: ${JSON.stringify(answer.body)}`);
  conforms(answer.body, 'ErrorBody', label);
  assert.equal(answer.body.status, status, `${label}: the body's status`);
  if (code) assert.equal(answer.body.code, code, `${label}: the body's code`);
  assert.ok(answer.body.message, `${label}: a message`);
  const correlation = answer.headers['inin-correlation-id'];
  assert.ok(correlation, `${label}: inin-correlation-id header`);
  assert.equal(answer.body.contextId, correlation, `${label}: contextId equals the inin-correlation-id header`);
  return answer.body;
}

/** A success answer carries the correlation header too. */
function correlated(answer, label) {
  assert.ok(answer.headers['inin-correlation-id'], `${label}: inin-correlation-id header`);
  return answer;
}

/** Prints what this file checked, e.g. "# users: 41 answers checked: getUsers ×30, …". */
function report(name) {
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  console.log(`${name}: ${total} answers checked: ${[...tally].map(([k, v]) => `${k} ×${v}`).join(', ')}`);
}

module.exports = {
  platformClient, clientId, clientSecret, baseUrl, newClient, loggedInClient, conforms, failure, apiError, correlated, report, tally,
};
