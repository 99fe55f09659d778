'use strict';
// Facts the SDK does not carry (its index.d.ts types every enum as plain `string`), taken from
// ../../../shared/GENESYS.md, so the well-known operations and models have the enums Genesys documents.
// Kept small on purpose: add an entry only with the source that states it.

/** Model name → property name → enum values. */
const propertyEnums = {
  // GENESYS.md "Pagination" 4: the job states.
  AsyncQueryStatus: { state: ['QUEUED', 'PENDING', 'FULFILLED', 'FAILED', 'CANCELLED', 'EXPIRED'] },
};

/** operationId → parameter name → enum values. */
const parameterEnums = {
  // GENESYS.md "Users": GET /api/v2/users?…&sortOrder(ascending|descending)&…&state(active|inactive|deleted|any).
  getUsers: { sortOrder: ['ascending', 'descending'], state: ['active', 'inactive', 'deleted', 'any'] },
};

module.exports = { propertyEnums, parameterEnums };
