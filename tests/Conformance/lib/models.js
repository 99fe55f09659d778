'use strict';
// Reads the models the official SDK declares (node_modules/purecloud-platform-client-v2/index.d.ts, `namespace Models`):
// for each interface, its properties, their TypeScript types and whether they are required (no `?`).
// Only facts are taken from the file; nothing of the SDK's code is copied here.
const fs = require('node:fs');

const declarationFile = require.resolve('purecloud-platform-client-v2/index.d.ts');

/** Parses a property type: string | number | boolean | object | any | Models.X | Array<T> | { [key: string]: T; } | "A" | "B". */
function parseType(text) {
  const t = text.trim().replace(/;$/, '').trim();
  if (/^"[^"]*"(\s*\|\s*"[^"]*")*$/.test(t)) {
    return { kind: 'enum', values: t.split('|').map((v) => v.trim().slice(1, -1)) };
  }
  if (t.startsWith('Array<') && t.endsWith('>')) return { kind: 'array', of: parseType(t.slice(6, -1)) };
  const map = /^\{\s*\[key:\s*string\]:\s*(.+?);?\s*\}$/.exec(t);
  if (map) return { kind: 'map', of: parseType(map[1]) };
  const model = /^Models\.([A-Za-z0-9_]+)$/.exec(t);
  if (model) return { kind: 'model', name: model[1] };
  if (['string', 'number', 'boolean', 'object', 'any'].includes(t)) return { kind: t };
  throw new Error(`index.d.ts: a property type this reader does not know: '${t}'`);
}

function describe(type) {
  switch (type.kind) {
    case 'array': return `Array<${describe(type.of)}>`;
    case 'map': return `{ [key: string]: ${describe(type.of)} }`;
    case 'model': return type.name;
    case 'enum': return type.values.map((v) => JSON.stringify(v)).join(' | ');
    default: return type.kind;
  }
}

let cache;

/** Map of model name → { properties: Map(name → { type, required }) }. */
function loadModels(file = declarationFile) {
  if (cache && file === declarationFile) return cache;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => /^declare namespace Models\s*\{/.test(l));
  if (start < 0) throw new Error('index.d.ts: no `declare namespace Models`');
  const models = new Map();
  let current = null;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    const open = /^\s*export interface ([A-Za-z0-9_]+)\s*\{\s*$/.exec(line);
    if (open) {
      current = { name: open[1], properties: new Map() };
      models.set(open[1], current);
      continue;
    }
    if (!current) continue;
    if (/^\s*\}\s*$/.test(line)) { current = null; continue; }
    const prop = /^\s*"([^"]+)"(\?)?:\s*(.+)$/.exec(line);
    if (prop) {
      current.properties.set(prop[1], { type: parseType(prop[3]), required: prop[2] !== '?' });
    } else if (line.trim() !== '') {
      throw new Error(`index.d.ts line ${i + 1}: not a property of ${current.name}: ${line.trim()}`);
    }
  }
  if (file === declarationFile) cache = models;
  return models;
}

module.exports = { loadModels, parseType, describe, declarationFile };
