'use strict';
// Reads the declarations of the official SDK's index.d.ts: the models (`declare namespace Models`), each API class's
// method signatures (`declare class XApi`: positional parameters and result type) and the options each method takes
// (`declare namespace XApi`: `xOptions` interfaces). Facts only: names, TypeScript types, which are required.
const fs = require('node:fs');

/**
 * Parses a TypeScript type as the SDK writes it into a small tree:
 * string | number | boolean | object | any | void | Models.X | Array<T> | { [key: string]: T; } | Record<string, T>
 * | "A" | "B" (string-literal union).
 */
function parseType(text) {
  const t = text.trim().replace(/;$/, '').trim();
  if (/^"[^"]*"(\s*\|\s*"[^"]*")*$/.test(t)) {
    return { kind: 'enum', values: t.split('|').map((v) => v.trim().slice(1, -1)) };
  }
  if (t.startsWith('Array<') && t.endsWith('>')) return { kind: 'array', of: parseType(t.slice(6, -1)) };
  const map = /^\{\s*\[key:\s*string\]:\s*(.+?);?\s*\}$/.exec(t) ?? /^Record<string,\s*(.+)>$/.exec(t);
  if (map) return { kind: 'map', of: parseType(map[1]) };
  const model = /^Models\.([A-Za-z0-9_]+)$/.exec(t);
  if (model) return { kind: 'model', name: model[1] };
  if (['string', 'number', 'boolean', 'object', 'any', 'void'].includes(t)) return { kind: t };
  throw new Error(`index.d.ts: a type this reader does not know: '${t}'`);
}

/** Splits a parameter list `a: string, b: Array<Models.X>, opts?: XApi.yOptions` at top-level commas. */
function splitParameters(text) {
  const parts = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '<' || ch === '{') depth++;
    if (ch === '>' || ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') parts.push(current);
  return parts.map((p) => {
    const m = /^\s*(\w+)(\?)?:\s*(.+?)\s*$/.exec(p);
    if (!m) throw new Error(`index.d.ts: a parameter this reader does not know: '${p}'`);
    return { name: m[1], optional: m[2] === '?', typeText: m[3] };
  });
}

/** Reads `"name"?: type;` lines until the closing brace; returns [Map(name → { type, required }), index after]. */
function readMembers(lines, from, where) {
  const members = new Map();
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*\}\s*$/.test(line)) return [members, i + 1];
    const prop = /^\s*"([^"]+)"(\?)?:\s*(.+)$/.exec(line);
    if (prop) {
      members.set(prop[1], { type: parseType(prop[3]), required: prop[2] !== '?' });
    } else if (line.trim() !== '') {
      throw new Error(`index.d.ts line ${i + 1}: not a member of ${where}: ${line.trim()}`);
    }
  }
  throw new Error(`index.d.ts: ${where} is not closed`);
}

/**
 * @returns {{ models: Map<string, Map<string, {type, required}>>,
 *             apis: Map<string, Map<string, { parameters: Array<{name, optional, type}>, result, options: Map }>> }}
 */
function readDeclarations(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const models = new Map();
  const apis = new Map();
  const options = new Map(); // "XApi.yOptions" → members
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const apiClass = /^declare class (\w+Api) \{\s*$/.exec(line);
    const apiNamespace = /^declare namespace (\w+Api) \{\s*$/.exec(line);
    if (/^declare namespace Models \{\s*$/.test(line)) {
      i++;
      for (; i < lines.length && !/^\}\s*$/.test(lines[i]); ) {
        const open = /^\s*export interface (\w+) \{\s*$/.exec(lines[i]);
        if (open) {
          const [members, next] = readMembers(lines, i + 1, `Models.${open[1]}`);
          models.set(open[1], members);
          i = next;
        } else {
          i++;
        }
      }
    } else if (apiClass) {
      const methods = new Map();
      for (i++; !/^\}\s*$/.test(lines[i]); i++) {
        const m = /^\s*(\w+)\((.*)\): Promise<(.+)>;\s*$/.exec(lines[i]);
        if (!m) continue; // the constructor
        const parameters = splitParameters(m[2]);
        methods.set(m[1], {
          parameters: parameters.filter((p) => p.name !== 'opts').map((p) => ({ name: p.name, type: parseType(p.typeText) })),
          optionsName: parameters.find((p) => p.name === 'opts')?.typeText ?? null,
          result: parseType(m[3]),
        });
      }
      apis.set(apiClass[1], methods);
      i++;
    } else if (apiNamespace) {
      for (i++; !/^\}\s*$/.test(lines[i]); ) {
        const open = /^\s*export interface (\w+) \{\s*$/.exec(lines[i]);
        if (!open) throw new Error(`index.d.ts line ${i + 1}: expected an options interface in ${apiNamespace[1]}`);
        const [members, next] = readMembers(lines, i + 1, `${apiNamespace[1]}.${open[1]}`);
        options.set(`${apiNamespace[1]}.${open[1]}`, members);
        i = next;
      }
      i++;
    } else {
      i++;
    }
  }
  for (const [apiName, methods] of apis) {
    for (const [methodName, method] of methods) {
      if (!method.optionsName) throw new Error(`index.d.ts: ${apiName}.${methodName} takes no options`);
      const members = options.get(method.optionsName);
      if (!members) throw new Error(`index.d.ts: ${method.optionsName} is not declared`);
      method.options = members;
    }
  }
  return { models, apis };
}

module.exports = { readDeclarations, parseType };
