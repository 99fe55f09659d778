'use strict';
// Assembles the Swagger 2.0 document from the SDK's facts (lib/apisource.js, lib/typescript.js), the derived
// conventions (lib/conventions.js) and the overlay of GENESYS.md facts (lib/overlay.js).
const conventions = require('./conventions');
const { schemaOf, definitionOf, parameterTypeOf, defaultValueOf, responsesOf } = require('./schemas');
const overlay = require('./overlay');

const verbOrder = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The SDK repeats an operation in the API class of each of its tags. Merges the copies into one operation with all
 * its tags: first the tag named like the route's first segment (/api/v2/users/search → Users), then the others by name.
 */
function mergeByMethod(sourceOperations) {
  const merged = new Map();
  for (const op of sourceOperations) {
    const known = merged.get(op.methodName);
    if (!known) {
      merged.set(op.methodName, { ...op, apiNames: [op.apiName] });
      continue;
    }
    const { apiName: _a, ...facts } = op;
    const { apiName: _b, apiNames: _c, ...knownFacts } = known;
    if (JSON.stringify(facts, mapReplacer) !== JSON.stringify(knownFacts, mapReplacer)) {
      throw new Error(`${op.methodName}: ${known.apiNames[0]} and ${op.apiName} disagree about it`);
    }
    known.apiNames.push(op.apiName);
  }
  for (const op of merged.values()) {
    const tags = op.apiNames.map(conventions.tagName);
    const first = op.route.replace(/^\/api\/v2\//, '').split('/')[0];
    const named = tags.find((t) => t.toLowerCase().replace(/\s+/g, '') === first);
    op.tags = named ? [named, ...tags.filter((t) => t !== named).sort(byString)] : [...tags].sort(byString);
  }
  return [...merged.values()];
}

function mapReplacer(_key, value) {
  return value instanceof Map ? [...value] : value;
}

/** The declared type of a method's parameter: positional (required) or in its options (optional). */
function declaredType(method, source, where) {
  const positional = method.parameters.find((p) => p.name === source);
  if (positional) return { type: positional.type, required: true };
  const option = method.options.get(source);
  if (option) return { type: option.type, required: false };
  throw new Error(`${where}: index.d.ts declares no parameter '${source}'`);
}

function parametersOf(op, method) {
  const where = `${op.apiNames[0]}.${op.methodName}`;
  const docOrder = [...op.doc.params.keys()];
  const enums = overlay.parameterEnums[op.methodName] ?? {};
  const parameters = [];
  const add = (location, entry) => {
    const declared = declaredType(method, entry.source, where);
    if (declared.required === entry.optional) throw new Error(`${where}: '${entry.source}' is required in one place only`);
    const doc = op.doc.params.get(entry.source) ?? { description: '' };
    const parameter = { name: entry.key, in: location, description: doc.description, required: declared.required };
    const typeFields = parameterTypeOf(declared.type, entry.source, doc.jsType);
    if (entry.collectionFormat && typeFields.collectionFormat !== entry.collectionFormat) {
      throw new Error(`${where}: '${entry.source}' is a ${entry.collectionFormat} collection of a ${typeFields.type}`);
    }
    if (!entry.collectionFormat && typeFields.type === 'array' && location !== 'body') {
      typeFields.collectionFormat = 'csv'; // not seen in 262.0.0: every array the SDK sends is 'multi'
    }
    Object.assign(parameter, typeFields);
    if (enums[entry.source]) parameter.enum = enums[entry.source];
    const defaultValue = defaultValueOf(doc.defaultValue, typeFields);
    if (defaultValue !== undefined) parameter.default = defaultValue;
    parameters.push({ order: docOrder.indexOf(entry.source), parameter });
  };
  for (const entry of op.path) {
    if (entry.optional) throw new Error(`${where}: path parameter '${entry.key}' is optional`);
    add('path', entry);
  }
  for (const entry of op.query) add('query', entry);
  for (const entry of op.header) add('header', entry);
  if (op.form.length > 0) throw new Error(`${where}: form parameters are not read (none in 262.0.0)`);
  if (op.body) {
    const declared = declaredType(method, op.body.source, where);
    const doc = op.doc.params.get(op.body.source) ?? { description: '' };
    parameters.push({
      order: docOrder.indexOf(op.body.source),
      parameter: {
        in: 'body', name: op.body.source, description: doc.description, required: declared.required,
        schema: schemaOf(declared.type, null),
      },
    });
  }
  for (const { order, parameter } of parameters) {
    if (order < 0) throw new Error(`${where}: no @param for '${parameter.name}'`);
  }
  return parameters.sort((a, b) => a.order - b.order).map((p) => p.parameter);
}

function operationOf(op, method) {
  const operation = {
    tags: op.tags,
    summary: op.doc.summary,
    description: op.doc.description,
    operationId: op.methodName,
    consumes: op.consumes,
    produces: op.produces,
  };
  const parameters = parametersOf(op, method);
  if (parameters.length > 0) operation.parameters = parameters;
  operation.responses = { ...responsesOf(method.result), ...conventions.standardErrorResponses() };
  operation.security = op.securitySchemes.map((scheme) => ({ [scheme]: conventions.operationScopes(op.tags[0], op.verb) }));
  operation['x-inin-requires-permissions'] = conventions.operationPermissions(op.route, op.verb);
  operation['x-purecloud-method-name'] = op.methodName;
  if (op.doc.deprecated) operation.deprecated = true;
  if (op.doc.preview) operation['x-genesys-preview'] = true;
  return operation;
}

/** The whole document; `sdk` = { version, declarations: { models, apis }, operations, apiDescriptions }. */
function buildDocument(sdk) {
  const operations = mergeByMethod(sdk.operations);
  const paths = {};
  for (const op of operations) {
    const method = sdk.declarations.apis.get(op.apiNames[0])?.get(op.methodName);
    if (!method) throw new Error(`${op.apiNames[0]}.${op.methodName}: not declared in index.d.ts`);
    const verb = op.verb.toLowerCase();
    if (!verbOrder.includes(verb)) throw new Error(`${op.methodName}: verb ${op.verb}`);
    paths[op.route] ??= {};
    if (paths[op.route][verb]) throw new Error(`${op.verb} ${op.route}: two operations`);
    paths[op.route][verb] = operationOf(op, method);
  }
  const sortedPaths = {};
  for (const route of Object.keys(paths).sort(byString)) {
    sortedPaths[route] = {};
    for (const verb of verbOrder) if (paths[route][verb]) sortedPaths[route][verb] = paths[route][verb];
  }

  const tagNames = [...new Set(operations.flatMap((op) => op.tags))].sort(byString);
  const tags = tagNames.map((name) => ({ name, description: sdk.apiDescriptions.get(name) ?? '' }));

  const definitions = {};
  for (const name of [...sdk.declarations.models.keys()].sort(byString)) {
    definitions[name] = definitionOf(name, sdk.declarations.models.get(name), overlay.propertyEnums[name]);
  }
  for (const [model, props] of Object.entries(overlay.propertyEnums)) {
    for (const prop of Object.keys(props)) {
      if (!definitions[model]?.properties[prop]) throw new Error(`overlay: no ${model}.${prop}`);
    }
  }
  for (const [operationId, params] of Object.entries(overlay.parameterEnums)) {
    const op = operations.find((o) => o.methodName === operationId);
    const declared = op && [...op.query, ...op.path, ...op.header].map((e) => e.source);
    for (const p of Object.keys(params)) if (!declared?.includes(p)) throw new Error(`overlay: no ${operationId}(${p})`);
  }

  return {
    swagger: '2.0',
    info: {
      description: 'With the PureCloud Platform API, you can control all aspects of your PureCloud environment. '
        + 'With the APIs you can access the system configuration, manage conversations and more.',
      version: 'v2',
      title: 'PureCloud Platform API',
      termsOfService: 'https://help.mypurecloud.com/articles/terms-and-conditions/',
      contact: { name: 'PureCloud Developer Evangelists', url: 'https://developer.mypurecloud.com', email: 'DeveloperEvangelists@genesys.com' },
      license: { name: 'UNLICENSED', url: 'https://help.mypurecloud.com/articles/terms-and-conditions/' },
      'x-genesyscloud-typed-derived-from': `purecloud-platform-client-v2@${sdk.version} (tools/swagger-fixture)`,
    },
    host: 'api.mypurecloud.com',
    basePath: '/',
    tags,
    schemes: ['https'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: sortedPaths,
    securityDefinitions: {
      'PureCloud OAuth': {
        type: 'oauth2',
        authorizationUrl: 'https://login.mypurecloud.com/oauth/authorize',
        flow: 'implicit',
        scopes: conventions.scopeDescriptions(tagNames),
      },
    },
    definitions,
  };
}

module.exports = { buildDocument };
