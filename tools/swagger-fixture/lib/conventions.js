'use strict';
// What the SDK does not carry, derived by fixed rules so the document has the shape of Genesys's published one:
// tag names, OAuth scopes, required permissions, property formats, readOnly marks and the standard error responses.
// None of this is authoritative (see README.md): it is plausible and deterministic, nothing more.

/** UsersApi → "Users", WorkforceManagementApi → "Workforce Management", AIStudioApi → "AI Studio", OAuthApi → "OAuth". */
function tagName(apiName) {
  const stem = apiName.replace(/Api$/, '');
  const keepWhole = ['OAuth', 'SCIM'];
  const words = stem
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ');
  // Rejoin the words a split would tear apart ("O Auth").
  const joined = [];
  for (const w of words) {
    const last = joined[joined.length - 1];
    if (last !== undefined && keepWhole.includes(last + w)) joined[joined.length - 1] = last + w;
    else joined.push(w);
  }
  return joined.join(' ');
}

// Tags whose scope is one of the scope names Genesys documents (../../../shared/GENESYS.md) rather than the tag's own
// name. Every other tag's scope is its name, lowercase and hyphenated ("Workforce Management" → workforce-management).
const scopeOverrides = new Map([
  ['Architect', 'architect'],
  ['Flows', 'architect'],
  ['Audit', 'audits'],
  ['Authorization', 'authorization'],
  ['Organization Authorization', 'authorization'],
  ['OAuth', 'oauth'],
  ['SCIM', 'scim'],
  ['Search', 'search'],
  ['Suggest', 'search'],
  ['Telephony', 'telephony'],
  ['Telephony Providers Edge', 'telephony'],
  ['Uploads', 'upload'],
]);

function scopeBase(tag) {
  return scopeOverrides.get(tag) ?? tag.toLowerCase().replace(/\s+/g, '-');
}

/** GET and HEAD accept `X` or `X:readonly`; writes need `X` (a search or query by POST reads, but Genesys asks `X` there too). */
function operationScopes(tag, verb) {
  const base = scopeBase(tag);
  return verb === 'GET' || verb === 'HEAD' ? [base, `${base}:readonly`] : [base];
}

/** Every scope name → description, for securityDefinitions["PureCloud OAuth"].scopes. */
function scopeDescriptions(tags) {
  const scopes = {};
  for (const tag of tags) {
    const base = scopeBase(tag);
    scopes[base] = `Manage ${tag.toLowerCase()} (derived: every operation tagged ${tag})`;
    scopes[`${base}:readonly`] = `View ${tag.toLowerCase()} (derived: the GET operations tagged ${tag})`;
  }
  // Named in GENESYS.md, though no tag maps to it.
  scopes['user-basic-info'] = 'View the basic information of the logged-in user';
  return Object.fromEntries(Object.entries(scopes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// Route domains with the permission domain Genesys uses for them (GENESYS.md: directory:user:edit).
const permissionDomains = new Map([
  ['users', 'directory'],
  ['groups', 'directory'],
  ['flows', 'architect'],
  ['externalcontacts', 'externalContacts'],
  ['telephony', 'telephony'],
]);

function singular(word) {
  if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(ss|us)$/.test(word)) return word;
  if (/(sses|xes|ches|shes)$/.test(word)) return word.replace(/es$/, '');
  return word.replace(/s$/, '');
}

/**
 * domain:entity:action — domain from the route's first segment, entity the last literal segment before any
 * placeholder-free tail, singular; action from the verb (a POST to …/search or …/query only reads).
 */
function operationPermissions(route, verb) {
  const segments = route.replace(/^\/api\/v2\//, '').split('/');
  const first = segments[0];
  const domain = permissionDomains.get(first) ?? first;
  const literals = segments.filter((s) => !s.startsWith('{'));
  const entity = singular(literals.length > 1 ? literals[literals.length - 1] : first);
  const reads = verb === 'GET' || verb === 'HEAD' || /\/(search|query)$/.test(route);
  const action = reads ? 'view' : { POST: 'add', PUT: 'edit', PATCH: 'edit', DELETE: 'delete' }[verb];
  return { type: 'ANY', permissions: [`${domain}:${entity}:${action}`] };
}

/** A property the SDK types `number`: integer (int32 or int64) or number/double, from its name. */
function numberFormat(name) {
  if (/^(total|totalHits|totalCount)$|(Ms|Millis|Milliseconds|Epoch|Bytes|SizeBytes)$/.test(name)) {
    return { type: 'integer', format: 'int64' };
  }
  if (/^(pageSize|pageNumber|pageCount|version|status|count|limit|offset|size|position|priority|index|order|max|min)$/.test(name)
    || /(Count|Seconds|Minutes|Hours|Days|Index|Number|Version|Size|Limit|Offset|Priority|Position|Order|Attempts|Retries)$/.test(name)
    || /^(max|min|num)[A-Z]/.test(name)) {
    return { type: 'integer', format: 'int32' };
  }
  return { type: 'number', format: 'double' };
}

/** A property the SDK types `string` that holds an ISO-8601 instant, from its name. */
function isDateTimeName(name) {
  return /^date([A-Z]|$)/.test(name) || /(Date|Time|Timestamp|DateTime)$/.test(name)
    || /^(start|end|created|modified|expires|expiration)$/.test(name);
}

/** Server-set fields: every `selfUri`, and `id` where the model does not require it. */
function isReadOnly(name, required) {
  return name === 'selfUri' || (name === 'id' && !required);
}

// The error answers every operation of Genesys's document lists (GENESYS.md "Errors"), with their error codes.
const errorResponses = [
  ['400', 'The request could not be understood by the server due to malformed syntax.',
    { 'bad.request': 'The request could not be understood by the server due to malformed syntax.',
      'response.entity.too.large': 'The response is over the size limit. Reduce pageSize or expand list to reduce response size if applicable' }],
  ['401', 'No authentication bearer token specified in authorization header.',
    { 'authentication.required': 'No authentication bearer token specified in authorization header.',
      'bad.credentials': 'Invalid login credentials.',
      'credentials.expired': 'The supplied credentials are expired and cannot be used.' }],
  ['403', 'You are not authorized to perform the requested action.',
    { 'missing.division.permission': 'You are not authorized to perform the requested action.',
      'missing.permissions': 'Unable to perform the requested action. You are missing the following permission(s): ',
      'not.authorized': 'You are not authorized to perform the requested action.' }],
  ['404', 'The requested resource was not found.', { 'not.found': 'The requested resource was not found.' }],
  ['408', 'The client did not produce a request within the server timeout limit. This can be caused by a slow network connection and/or large payloads.',
    { 'client.timeout': 'The client did not produce a request within the server timeout limit. This can be caused by a slow network connection and/or large payloads.' }],
  ['413', 'The request is over the size limit. Maximum bytes: %s',
    { 'request.entity.too.large': 'The request is over the size limit. Maximum bytes: %s' }],
  ['415', 'Unsupported Media Type - Unsupported or incorrect media type, such as an incorrect Content-Type value in the header.',
    { 'unsupported.media.type': 'Unsupported Media Type - Unsupported or incorrect media type, such as an incorrect Content-Type value in the header.' }],
  ['429', 'Rate limit exceeded the maximum. Retry the request in [%s] seconds',
    { 'too.many.requests': 'Rate limit exceeded the maximum. Retry the request in [%s] seconds' }],
  ['500', 'The server encountered an unexpected condition which prevented it from fulfilling the request.',
    { 'internal.server.error': 'The server encountered an unexpected condition which prevented it from fulfilling the request.' }],
  ['503', 'Service Unavailable - The server is currently unavailable.',
    { 'service.unavailable': 'Service Unavailable - The server is currently unavailable.' }],
  ['504', 'The request timed out.',
    { 'authentication.request.timeout': 'Authentication request timeout.', 'request.timeout': 'The request timed out.' }],
];

function standardErrorResponses() {
  const responses = {};
  for (const [status, description, codes] of errorResponses) {
    responses[status] = { description, schema: { $ref: '#/definitions/ErrorBody' }, 'x-inin-error-codes': codes };
  }
  return responses;
}

module.exports = {
  tagName, operationScopes, scopeDescriptions, operationPermissions, numberFormat, isDateTimeName, isReadOnly,
  standardErrorResponses,
};
