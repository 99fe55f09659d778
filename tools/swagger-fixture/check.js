'use strict';
// Checks the committed fixture (tests/Fixtures/genesys-platform-api.swagger.json.gz): the structural checks derive.js
// runs (lib/checks.js), spot checks of well-known operations against ../../../shared/GENESYS.md, and, when the SDK is
// installed (npm ci), that deriving again gives the same bytes.   Usage: node check.js [fixture.json.gz]
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { execFileSync } = require('node:child_process');
const os = require('node:os');
const { checkDocument } = require('./lib/checks');

const fixture = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'tests', 'Fixtures', 'genesys-platform-api.swagger.json.gz'));
const compressed = fs.readFileSync(fixture);
const doc = JSON.parse(zlib.gunzipSync(compressed).toString('utf8'));

const results = [];
function spot(name, fn) {
  try {
    const note = fn();
    results.push(`ok   ${name}`);
    if (note) results.push(`     ${note}`);
  } catch (e) {
    results.push(`FAIL ${name}: ${e.message.split('\n')[0]}`);
    process.exitCode = 1;
  }
}

const op = (verb, route) => {
  const found = doc.paths[route]?.[verb];
  assert.ok(found, `no ${verb.toUpperCase()} ${route}`);
  return found;
};
const param = (operation, name, location) => {
  const found = (operation.parameters ?? []).find((p) => p.name === name && p.in === location);
  assert.ok(found, `${operation.operationId} has no ${location} parameter ${name}`);
  return found;
};
const okSchema = (operation) => operation.responses['200']?.schema;
const ref = (name) => ({ $ref: `#/definitions/${name}` });

spot('structure: refs resolve, placeholders have path parameters, operationIds unique, scopes defined', () => {
  const s = checkDocument(doc);
  return `${s.operations} operations on ${s.paths} paths, ${s.tags} tags, ${s.definitions} definitions, ${s.scopes} scopes`;
});

spot('GET /api/v2/users: getUsers(pageSize, pageNumber, id multi, expand, sortOrder, state) → UserEntityListing', () => {
  const o = op('get', '/api/v2/users');
  assert.equal(o.operationId, 'getUsers');
  assert.equal(o['x-purecloud-method-name'], 'getUsers');
  assert.deepEqual(o.tags, ['Users']);
  assert.equal(param(o, 'pageSize', 'query').type, 'integer');
  assert.equal(param(o, 'pageNumber', 'query').type, 'integer');
  const id = param(o, 'id', 'query');
  assert.deepEqual([id.type, id.items, id.collectionFormat, id.required], ['array', { type: 'string' }, 'multi', false]);
  assert.equal(param(o, 'expand', 'query').collectionFormat, 'multi');
  assert.deepEqual(param(o, 'sortOrder', 'query').enum, ['ascending', 'descending']);
  assert.deepEqual(param(o, 'state', 'query').enum, ['active', 'inactive', 'deleted', 'any']);
  assert.deepEqual(okSchema(o), ref('UserEntityListing'));
  assert.deepEqual(o.security, [{ 'PureCloud OAuth': ['users', 'users:readonly'] }]);
});

spot('UserEntityListing has the page-number listing shape', () => {
  const d = doc.definitions.UserEntityListing;
  for (const p of ['entities', 'pageSize', 'pageNumber', 'total', 'pageCount', 'firstUri', 'selfUri', 'nextUri', 'previousUri', 'lastUri']) {
    assert.ok(d.properties[p], `no ${p}`);
  }
  assert.deepEqual(d.properties.entities, { type: 'array', items: ref('User') });
});

spot('User.manager is a User (a $ref cycle); User.version is a required integer', () => {
  const d = doc.definitions.User;
  assert.deepEqual(d.properties.manager, ref('User'));
  assert.ok(d.required.includes('version'));
  assert.equal(d.properties.version.type, 'integer');
  assert.equal(d.properties.dateLastLogin.format, 'date-time');
});

spot('PATCH /api/v2/users/{userId}: patchUser(userId, body UpdateUser) → User', () => {
  const o = op('patch', '/api/v2/users/{userId}');
  assert.equal(o.operationId, 'patchUser');
  assert.equal(param(o, 'userId', 'path').required, true);
  const body = param(o, 'body', 'body');
  assert.deepEqual([body.required, body.schema], [true, ref('UpdateUser')]);
  assert.deepEqual(okSchema(o), ref('User'));
  assert.deepEqual(o.security, [{ 'PureCloud OAuth': ['users'] }]);
});

spot('POST /api/v2/users/search: postUsersSearch → UsersSearchResponse (tags Users, Search)', () => {
  const o = op('post', '/api/v2/users/search');
  assert.equal(o.operationId, 'postUsersSearch');
  assert.deepEqual(o.tags, ['Users', 'Search']);
  assert.deepEqual(okSchema(o), ref('UsersSearchResponse'));
  for (const p of ['total', 'pageCount', 'pageSize', 'pageNumber', 'previousPage', 'currentPage', 'nextPage', 'types', 'results']) {
    assert.ok(doc.definitions.UsersSearchResponse.properties[p], `UsersSearchResponse has no ${p}`);
  }
});

spot('analytics conversation detail jobs: POST → AsyncQueryResponse, GET {jobId} → AsyncQueryStatus, GET results → AnalyticsConversationAsyncQueryResponse', () => {
  const post = op('post', '/api/v2/analytics/conversations/details/jobs');
  assert.equal(post.operationId, 'postAnalyticsConversationsDetailsJobs');
  assert.deepEqual(okSchema(post), ref('AsyncQueryResponse'));
  assert.ok(doc.definitions.AsyncQueryResponse.properties.jobId);
  const status = op('get', '/api/v2/analytics/conversations/details/jobs/{jobId}');
  assert.deepEqual(okSchema(status), ref('AsyncQueryStatus'));
  assert.ok(doc.definitions.AsyncQueryStatus.properties.state.enum.includes('FULFILLED'));
  const results = op('get', '/api/v2/analytics/conversations/details/jobs/{jobId}/results');
  assert.deepEqual(okSchema(results), ref('AnalyticsConversationAsyncQueryResponse'));
  assert.ok(param(results, 'cursor', 'query'));
  for (const p of ['conversations', 'cursor', 'dataAvailabilityDate']) {
    assert.ok(doc.definitions.AnalyticsConversationAsyncQueryResponse.properties[p], `no ${p}`);
  }
});

spot('a deprecated operation: GET /api/v2/authorization/divisionspermitted/me', () => {
  const o = op('get', '/api/v2/authorization/divisionspermitted/me');
  assert.equal(o.deprecated, true);
  assert.deepEqual(okSchema(o), { type: 'array', items: ref('AuthzDivision') });
  assert.equal(param(o, 'permission', 'query').required, true);
});

spot('a preview operation: GET /api/v2/groups/{groupId}/dynamicsettings', () => {
  assert.equal(op('get', '/api/v2/groups/{groupId}/dynamicsettings')['x-genesys-preview'], true);
});

spot('a HEAD operation without a body: HEAD /api/v2/notifications/channels/{channelId}', () => {
  const o = op('head', '/api/v2/notifications/channels/{channelId}');
  assert.equal(o.operationId, 'headNotificationsChannel');
  assert.deepEqual(Object.keys(o.responses).filter((s) => s < '300'), ['204']);
});

spot('the quirk: one route, different placeholder names per verb (chat room messages)', () => {
  assert.ok(op('get', '/api/v2/chats/rooms/{roomJid}/messages/{messageIds}'));
  assert.ok(op('patch', '/api/v2/chats/rooms/{roomJid}/messages/{messageId}'));
  assert.ok(op('delete', '/api/v2/chats/rooms/{roomJid}/messages/{messageId}'));
  assert.equal(doc.paths['/api/v2/chats/rooms/{roomJid}/messages/{messageIds}'].patch, undefined);
});

spot('a header parameter: If-Match', () => {
  const withHeader = Object.values(doc.paths).flatMap((item) => Object.values(item))
    .flatMap((o) => o.parameters ?? []).find((p) => p.in === 'header' && p.name === 'If-Match');
  assert.ok(withHeader);
  assert.equal(withHeader.type, 'string');
});

spot('securityDefinitions["PureCloud OAuth"]: oauth2 implicit on the login host', () => {
  const s = doc.securityDefinitions['PureCloud OAuth'];
  assert.equal(s.authorizationUrl, 'https://login.mypurecloud.com/oauth/authorize');
  for (const scope of ['users', 'users:readonly', 'analytics', 'routing', 'architect', 'workforce-management', 'user-basic-info']) {
    assert.ok(s.scopes[scope], `no scope ${scope}`);
  }
});

let sdkInstalled = true;
try {
  require.resolve('purecloud-platform-client-v2/package.json');
} catch {
  sdkInstalled = false;
}
if (sdkInstalled) {
  spot('deriving again gives the same bytes', () => {
    const again = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'swagger-fixture-')), 'again.json.gz');
    execFileSync(process.execPath, [path.join(__dirname, 'derive.js'), again], { stdio: 'ignore' });
    const bytes = fs.readFileSync(again);
    fs.rmSync(path.dirname(again), { recursive: true });
    assert.ok(bytes.equals(compressed) || zlib.gunzipSync(bytes).equals(zlib.gunzipSync(compressed)),
      'the committed fixture is not what this SDK derives: run node derive.js');
    return bytes.equals(compressed) ? null : '(same JSON; the gzip bytes differ: another zlib build)';
  });
} else {
  results.push('skip deriving again: the SDK is not installed (npm ci)');
}

console.log(results.join('\n'));
