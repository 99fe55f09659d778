'use strict';
// Turns the SDK's TypeScript types (lib/typescript.js trees) into Swagger 2.0 schemas, with the formats the SDK does
// not carry derived from names (lib/conventions.js).
const { numberFormat, isDateTimeName, isReadOnly } = require('./conventions');

const ref = (name) => ({ $ref: `#/definitions/${name}` });

/** The schema of a value of `type`; `name` (a property or parameter name) chooses number and date formats. */
function schemaOf(type, name) {
  switch (type.kind) {
    case 'string':
      return name && isDateTimeName(name) ? { type: 'string', format: 'date-time' } : { type: 'string' };
    case 'number':
      return name ? numberFormat(name) : { type: 'number', format: 'double' };
    case 'boolean':
      return { type: 'boolean' };
    case 'object':
    case 'any':
      return { type: 'object' };
    case 'model':
      return ref(type.name);
    case 'array':
      return { type: 'array', items: schemaOf(type.of, null) };
    case 'map':
      return { type: 'object', additionalProperties: schemaOf(type.of, null) };
    case 'enum':
      return { type: 'string', enum: type.values };
    default:
      throw new Error(`no schema for a ${type.kind}`);
  }
}

/** A definition from a model's members (declaration order kept: it is Genesys's order). */
function definitionOf(name, members, propertyEnums = {}) {
  const required = [];
  const properties = {};
  for (const [propertyName, { type, required: isRequired }] of members) {
    if (isRequired) required.push(propertyName);
    const schema = schemaOf(type, propertyName);
    const values = propertyEnums[propertyName];
    if (values) {
      if (schema.type !== 'string') throw new Error(`overlay: ${name}.${propertyName} is not a string`);
      schema.enum = values;
    }
    if (isReadOnly(propertyName, isRequired) && !schema.$ref) schema.readOnly = true;
    properties[propertyName] = schema;
  }
  const definition = { type: 'object' };
  if (required.length > 0) definition.required = required;
  definition.properties = properties;
  return definition;
}

/**
 * A non-body parameter's type fields: Swagger 2.0 puts type/format/items on the parameter itself.
 * Numbers in parameters are integers (int32, or int64 by name); `{Date}` in the doc comment means date-time
 * (the SDK types those `string`).
 */
function parameterTypeOf(type, name, jsType) {
  if (type.kind === 'array') {
    const items = parameterTypeOf(type.of, null, null);
    return { type: 'array', items, collectionFormat: 'multi' };
  }
  if (type.kind === 'number') {
    const byName = name ? numberFormat(name) : null;
    return byName?.format === 'int64' ? byName : { type: 'integer', format: 'int32' };
  }
  if (type.kind === 'string') {
    return jsType === 'Date' ? { type: 'string', format: 'date-time' } : { type: 'string' };
  }
  if (type.kind === 'boolean') return { type: 'boolean' };
  if (type.kind === 'enum') return { type: 'string', enum: type.values };
  throw new Error(`no parameter type for a ${type.kind} (${name})`);
}

/** Converts a doc comment's "(default to X)" text to a value of the parameter's type. */
function defaultValueOf(text, typeFields) {
  if (text === undefined) return undefined;
  if (typeFields.type === 'integer' || typeFields.type === 'number') {
    const n = Number(text);
    if (Number.isNaN(n)) throw new Error(`default '${text}' is not a number`);
    return n;
  }
  if (typeFields.type === 'boolean') {
    if (text !== 'true' && text !== 'false') throw new Error(`default '${text}' is not a boolean`);
    return text === 'true';
  }
  if (typeFields.type === 'array') return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return text;
}

/** The success response of an operation from its result type: void answers 204 without a body. */
function responsesOf(result) {
  if (result.kind === 'void') return { 204: { description: 'Operation was successful' } };
  const schema = result.kind === 'number' ? { type: 'integer', format: 'int32' } : schemaOf(result, null);
  return { 200: { description: 'successful operation', schema } };
}

module.exports = { schemaOf, definitionOf, parameterTypeOf, defaultValueOf, responsesOf };
