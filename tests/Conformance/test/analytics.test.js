'use strict';
// Analytics conversation detail jobs end to end: submit, poll to FULFILLED, every results page, delete; and their errors.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { platformClient, loggedInClient, conforms, correlated, failure, apiError, report } = require('../lib/sdk');

let analytics;
before(async () => { analytics = new platformClient.ConversationsApi(await loggedInClient()); });
after(() => report('analytics'));

// Wide enough to hold every conversation the host generates, whatever its seed and count.
const everything = '2000-01-01T00:00:00.000Z/2100-01-01T00:00:00.000Z';

async function pollUntilDone(jobId) {
  const states = [];
  for (let i = 0; i < 100; i++) {
    const answer = correlated(await analytics.getAnalyticsConversationsDetailsJob(jobId), 'getAnalyticsConversationsDetailsJob');
    assert.equal(answer.status, 200);
    const status = conforms(answer.body, 'AsyncQueryStatus', 'getAnalyticsConversationsDetailsJob');
    states.push(status.state);
    if (!['QUEUED', 'PENDING'].includes(status.state)) return { status, states };
  }
  assert.fail(`job ${jobId} never left QUEUED/PENDING: ${states.join(', ')}`);
}

test('a job end to end: AsyncQueryResponse, AsyncQueryStatus, AnalyticsConversationAsyncQueryResponse pages, delete', async () => {
  const submitted = correlated(await analytics.postAnalyticsConversationsDetailsJobs({ interval: everything }), 'postAnalyticsConversationsDetailsJobs');
  assert.equal(submitted.status, 202);
  const { jobId } = conforms(submitted.body, 'AsyncQueryResponse', 'postAnalyticsConversationsDetailsJobs');
  assert.ok(jobId);

  // Results before the job is FULFILLED: 400.
  const early = await failure(analytics.getAnalyticsConversationsDetailsJobResults(jobId));
  apiError(early, 400, 'bad.request', 'getAnalyticsConversationsDetailsJobResults (not fulfilled)');

  const { status, states } = await pollUntilDone(jobId);
  assert.equal(status.state, 'FULFILLED', `states: ${states.join(', ')}`);
  assert.ok(states.length > 1, 'QUEUED or PENDING first');

  const ids = new Set();
  let cursor;
  let pages = 0;
  do {
    const answer = correlated(await analytics.getAnalyticsConversationsDetailsJobResults(jobId, { pageSize: 60, cursor }), 'getAnalyticsConversationsDetailsJobResults');
    assert.equal(answer.status, 200);
    const page = conforms(answer.body, 'AnalyticsConversationAsyncQueryResponse', 'getAnalyticsConversationsDetailsJobResults');
    for (const conversation of page.conversations) ids.add(conversation.conversationId);
    cursor = page.cursor;
    pages++;
  } while (cursor && pages < 10000);
  assert.ok(pages > 1 && ids.size > 60, `several pages (${pages}) of conversations (${ids.size})`);

  const badCursor = await failure(analytics.getAnalyticsConversationsDetailsJobResults(jobId, { cursor: 'not-a-cursor' }));
  apiError(badCursor, 400, 'bad.request', 'getAnalyticsConversationsDetailsJobResults (bad cursor)');

  const deleted = await analytics.deleteAnalyticsConversationsDetailsJob(jobId);
  assert.equal(deleted.status, 204);
  correlated(deleted, 'deleteAnalyticsConversationsDetailsJob');
  const gone = await failure(analytics.getAnalyticsConversationsDetailsJob(jobId));
  apiError(gone, 404, 'not.found', 'getAnalyticsConversationsDetailsJob (deleted)');
  const goneResults = await failure(analytics.getAnalyticsConversationsDetailsJobResults(jobId));
  apiError(goneResults, 404, 'not.found', 'getAnalyticsConversationsDetailsJobResults (deleted)');
  const goneDelete = await failure(analytics.deleteAnalyticsConversationsDetailsJob(jobId));
  apiError(goneDelete, 404, 'not.found', 'deleteAnalyticsConversationsDetailsJob (deleted)');
});

test('a job over an empty interval is FULFILLED with no conversations', async () => {
  const { body } = await analytics.postAnalyticsConversationsDetailsJobs({ interval: '1990-01-01T00:00:00Z/1990-01-02T00:00:00Z' });
  conforms(body, 'AsyncQueryResponse', 'postAnalyticsConversationsDetailsJobs');
  const { status } = await pollUntilDone(body.jobId);
  assert.equal(status.state, 'FULFILLED');
  const page = await analytics.getAnalyticsConversationsDetailsJobResults(body.jobId);
  conforms(page.body, 'AnalyticsConversationAsyncQueryResponse', 'getAnalyticsConversationsDetailsJobResults');
  assert.equal(page.body.cursor, undefined);
  await analytics.deleteAnalyticsConversationsDetailsJob(body.jobId);
});

test('a job without an interval, or with a malformed one, is a 400 ErrorBody', async () => {
  apiError(await failure(analytics.postAnalyticsConversationsDetailsJobs({})), 400, 'bad.request', 'postAnalyticsConversationsDetailsJobs (no interval)');
  apiError(await failure(analytics.postAnalyticsConversationsDetailsJobs({ interval: 'yesterday' })), 400, 'bad.request',
    'postAnalyticsConversationsDetailsJobs (malformed interval)');
  apiError(await failure(analytics.getAnalyticsConversationsDetailsJob('no-such-job')), 404, 'not.found', 'getAnalyticsConversationsDetailsJob (unknown)');
});
