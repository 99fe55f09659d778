'use strict';
// The model checker itself, on hand-made answers (no emulator needed): each rule reports its violation with a JSON path.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { check } = require('../lib/check');
const { loadModels } = require('../lib/models');

const user = { id: 'u1', name: 'Ada', state: 'active', version: 1, selfUri: '/api/v2/users/u1' };

test('index.d.ts yields the models the suite checks against, with required properties', () => {
  const models = loadModels();
  assert.ok(models.size > 5000, `${models.size} models`);
  const search = models.get('UsersSearchResponse');
  assert.equal(search.properties.get('types').required, true);
  assert.equal(search.properties.get('nextPage').required, false);
  assert.equal(models.get('User').properties.get('version').required, true);
  assert.deepEqual(models.get('ErrorBody').properties.get('messageParams').type, { kind: 'map', of: { kind: 'string' } });
});

test('a conforming answer has no violations', () => {
  assert.deepEqual(check({ total: 1, pageCount: 1, pageSize: 25, pageNumber: 1, types: ['users'], results: [user] }, 'UsersSearchResponse'), []);
});

test('the search answer the emulator gave before the fix (no types) is a violation', () => {
  assert.deepEqual(check({ total: 1, pageCount: 1, pageSize: 25, pageNumber: 1, results: [user] }, 'UsersSearchResponse'),
    ['$.types: required by UsersSearchResponse, absent']);
});

test('unknown properties, wrong JSON types, nulls, enum values and dates are violations, each at its path', () => {
  const violations = check({
    entities: [{ ...user, version: '2', state: 'sleeping', nickname: 'x', division: null }],
    pageSize: 25, total: '3', nextUri: 7,
  }, 'UserEntityListing');
  assert.deepEqual(violations.sort(), [
    "$.entities[0].division: null where Division is declared (Genesys leaves an absent field out)",
    "$.entities[0].nickname: User has no property 'nickname'",
    "$.entities[0].state: 'sleeping' is not one of Genesys's values for User.state (active, inactive, deleted)",
    '$.entities[0].version: string where number is declared',
    '$.nextUri: number where string is declared',
    '$.total: string where number is declared',
  ]);
  assert.deepEqual(check({ state: 'FULFILLED', submissionDate: '2026-13-45', expirationDate: '2026-01-02T00:00:00Z' }, 'AsyncQueryStatus'),
    ["$.submissionDate: '2026-13-45' is not an ISO-8601 date-time"]);
  assert.deepEqual(check({ messageParams: { scopes: 1 }, details: {} }, 'ErrorBody'),
    ['$.messageParams["scopes"]: number where string is declared', '$.details: object where Array<Detail> is declared']);
  assert.deepEqual(check({ state: 'DONE' }, 'AsyncQueryStatus'),
    ["$.state: 'DONE' is not one of Genesys's values for AsyncQueryStatus.state (QUEUED, PENDING, FULFILLED, FAILED, CANCELLED, EXPIRED)"]);
});

test('string-literal unions are enforced when the SDK declares them', () => {
  assert.deepEqual(check('C', '"A" | "B"'), ["$: 'C' is not one of \"A\" | \"B\""]);
  assert.deepEqual(check('A', '"A" | "B"'), []);
});
