'use strict';
// Checks a JSON answer against a model of the official SDK, recursively. Every violation names its JSON path:
//  - a property the model does not have (Genesys would never send it);
//  - a value whose JSON type is not the one the model declares (string, number, boolean, array, object, map);
//  - a required property (no `?` in index.d.ts) that is absent;
//  - null where a value is declared (Genesys leaves absent fields out);
//  - a string outside a string-literal union, or outside the values Genesys documents for the few enums below;
//  - a date (the SDK types dates as string) that is not an ISO-8601 instant.
const { loadModels, parseType, describe } = require('./models');

// index.d.ts of 262.0.0 types every enum as plain `string`. The values Genesys's API document lists for the enums the
// emulator answers with (../../../shared/GENESYS.md), so a misspelt state still fails.
const documentedEnums = {
  'AsyncQueryStatus.state': ['QUEUED', 'PENDING', 'FULFILLED', 'FAILED', 'CANCELLED', 'EXPIRED'],
  'User.state': ['active', 'inactive', 'deleted'],
  'AnalyticsConversation.originatingDirection': ['inbound', 'outbound'],
};

// The SDK types dates as string; these names hold ISO-8601 instants in the models the emulator answers with.
const isDateName = (name) => /(Date|Start|End)$|^date[A-Z]/.test(name);
const iso8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function jsonType(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * @param value the parsed JSON
 * @param type a model name ('User'), a type text ('Array<Models.User>') or a parsed type
 * @param options { models, path, extraModels: Map of name → model for shapes the SDK does not declare }
 * @returns string[] violations, each "path: what is wrong"
 */
function check(value, type, options = {}) {
  const models = options.models ?? loadModels();
  const extra = options.extraModels ?? new Map();
  const violations = [];
  const resolve = (name) => extra.get(name) ?? models.get(name);
  const root = typeof type === 'string'
    ? (resolve(type) ? { kind: 'model', name: type } : parseType(type))
    : type;

  function visit(v, t, path, owner) {
    if (v === null) {
      violations.push(`${path}: null where ${describe(t)} is declared (Genesys leaves an absent field out)`);
      return;
    }
    switch (t.kind) {
      case 'any':
        return;
      case 'object':
        if (!isPlainObject(v)) violations.push(`${path}: ${jsonType(v)} where object is declared`);
        return;
      case 'string': {
        if (typeof v !== 'string') { violations.push(`${path}: ${jsonType(v)} where string is declared`); return; }
        const enumValues = owner && documentedEnums[owner];
        if (enumValues && !enumValues.includes(v)) {
          violations.push(`${path}: '${v}' is not one of Genesys's values for ${owner} (${enumValues.join(', ')})`);
        }
        const name = owner?.split('.')[1];
        if (name && isDateName(name) && (!iso8601.test(v) || Number.isNaN(Date.parse(v)))) {
          violations.push(`${path}: '${v}' is not an ISO-8601 date-time`);
        }
        return;
      }
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) violations.push(`${path}: ${jsonType(v)} where number is declared`);
        return;
      case 'boolean':
        if (typeof v !== 'boolean') violations.push(`${path}: ${jsonType(v)} where boolean is declared`);
        return;
      case 'enum':
        if (typeof v !== 'string') violations.push(`${path}: ${jsonType(v)} where ${describe(t)} is declared`);
        else if (!t.values.includes(v)) violations.push(`${path}: '${v}' is not one of ${describe(t)}`);
        return;
      case 'array':
        if (!Array.isArray(v)) { violations.push(`${path}: ${jsonType(v)} where ${describe(t)} is declared`); return; }
        v.forEach((item, i) => visit(item, t.of, `${path}[${i}]`, owner));
        return;
      case 'map':
        if (!isPlainObject(v)) { violations.push(`${path}: ${jsonType(v)} where ${describe(t)} is declared`); return; }
        for (const [key, item] of Object.entries(v)) visit(item, t.of, `${path}[${JSON.stringify(key)}]`, undefined);
        return;
      case 'model': {
        const model = resolve(t.name);
        if (!model) { violations.push(`${path}: the SDK declares no model ${t.name}`); return; }
        if (!isPlainObject(v)) { violations.push(`${path}: ${jsonType(v)} where ${t.name} (an object) is declared`); return; }
        for (const [key, item] of Object.entries(v)) {
          const property = model.properties.get(key);
          if (!property) {
            violations.push(`${path}.${key}: ${t.name} has no property '${key}'`);
            continue;
          }
          visit(item, property.type, `${path}.${key}`, `${t.name}.${key}`);
        }
        for (const [key, property] of model.properties) {
          if (property.required && !(key in v)) violations.push(`${path}.${key}: required by ${t.name}, absent`);
        }
        return;
      }
      default:
        throw new Error(`unknown type kind ${t.kind}`);
    }
  }

  visit(value, root, options.path ?? '$', undefined);
  return violations;
}

/** A model for a shape the SDK reads but declares no interface for (the login host's answers). */
function defineModel(name, properties) {
  const map = new Map();
  for (const [key, text] of Object.entries(properties)) {
    const optional = key.endsWith('?');
    map.set(optional ? key.slice(0, -1) : key, { type: parseType(text), required: !optional });
  }
  return { name, properties: map };
}

module.exports = { check, defineModel, documentedEnums };
