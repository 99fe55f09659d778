'use strict';
// Reads the operations out of the official SDK's src/purecloud-platform-client-v2/api/*.js as text (nothing is run):
// for each method, its doc comment (summary, notes, @param descriptions and defaults, @deprecated, the preview notice)
// and the arguments it hands to apiClient.callApi (route, verb, where each parameter goes, collection format, body,
// security scheme names, content types and accepted types). Facts only; none of the SDK's code is copied.
const fs = require('node:fs');
const path = require('node:path');

// One generated method: its doc comment, its signature, and the callApi( ... ); that ends it.
const methodPattern = /\t\/\*\*\n((?:\t \*.*\n)*?)\t \*\/\n\t(\w+)\(([^)]*)\) \{ \n([\s\S]*?)\n\t\}\n/g;
const callPattern = /this\.apiClient\.callApi\(\n([\s\S]*?)\n\t\t\);/;

/** `{ 'a': opts['a'],'b': this.apiClient.buildCollectionParam(b, 'multi') }` → [{ key, source, optional, collectionFormat }]. */
function parseParameterObject(text, where) {
  const t = text.trim().replace(/,$/, '').trim();
  if (!t.startsWith('{') || !t.endsWith('}')) throw new Error(`${where}: not a parameter object: ${t}`);
  const body = t.slice(1, -1).trim();
  if (body === '') return [];
  return body.split(/,(?=')/).map((entry) => {
    const m = /^'([^']+)':\s*(.+)$/.exec(entry.trim());
    if (!m) throw new Error(`${where}: not a parameter entry: ${entry}`);
    let expression = m[2].trim();
    let collectionFormat = null;
    const collection = /^this\.apiClient\.buildCollectionParam\((.+), '(\w+)'\)$/.exec(expression);
    if (collection) {
      expression = collection[1].trim();
      collectionFormat = collection[2];
    }
    return { key: m[1], ...parseSource(expression, where), collectionFormat };
  });
}

/** `opts['x']` → { source: 'x', optional: true }; `x` → { source: 'x', optional: false }. */
function parseSource(expression, where) {
  const fromOptions = /^opts\['(\w+)'\]$/.exec(expression);
  if (fromOptions) return { source: fromOptions[1], optional: true };
  if (/^\w+$/.test(expression)) return { source: expression, optional: false };
  throw new Error(`${where}: an argument this reader does not know: ${expression}`);
}

function parseStringArray(text, where) {
  const t = text.trim().replace(/,$/, '').trim();
  const m = /^\[(.*)\]$/.exec(t);
  if (!m) throw new Error(`${where}: not a string array: ${t}`);
  return m[1].split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => {
    if (!/^'[^']*'$/.test(s)) throw new Error(`${where}: not a string: ${s}`);
    return s.slice(1, -1);
  });
}

/** The doc comment: summary (first line), notes (until the first @tag), @param lines, @deprecated, preview notice. */
function parseDocComment(text, methodName) {
  const lines = text.split('\n').filter((l) => l !== '').map((l) => l.replace(/^\t \* ?/, ''));
  const summary = lines[0] ?? '';
  const notes = [];
  const params = new Map();
  let deprecated = false;
  let preview = false;
  let inTags = false;
  for (const line of lines.slice(1)) {
    const param = /^@param \{(.+?)\} ([\w.]+)(?: (.*))?$/.exec(line);
    if (param) {
      inTags = true;
      const name = param[2].replace(/^opts\./, '');
      let description = param[3] ?? '';
      let defaultValue;
      const withDefault = /^(.*?)\s*\(default to (.*)\)$/.exec(description);
      if (withDefault) {
        description = withDefault[1];
        defaultValue = withDefault[2];
      }
      params.set(name, { jsType: param[1], description, defaultValue });
    } else if (line === '@deprecated') {
      inTags = true;
      deprecated = true;
    } else if (line === `${methodName} is a preview method and is subject to both breaking and non-breaking changes at any time without notice`) {
      inTags = true;
      preview = true;
    } else if (!inTags) {
      notes.push(line);
    } else if (line.trim() !== '') {
      throw new Error(`${methodName}: a doc comment line after the tags: ${line}`);
    }
  }
  return { summary, description: notes.join('\n').trim(), params, deprecated, preview };
}

/** Every operation of one XApi.js file. */
function readApiFile(file) {
  const text = fs.readFileSync(file, 'utf8');
  const apiName = path.basename(file, '.js');
  const operations = [];
  for (const m of text.matchAll(methodPattern)) {
    const [, comment, methodName, signature, methodBody] = m;
    const where = `${apiName}.${methodName}`;
    const call = callPattern.exec(methodBody);
    if (!call) throw new Error(`${where}: no callApi`);
    const args = call[1].split('\n');
    if (args.length !== 11) throw new Error(`${where}: callApi takes ${args.length} arguments, not 11`);
    const unquote = (s, what) => {
      const v = /^\s*'([^']*)',\s*$/.exec(s);
      if (!v) throw new Error(`${where}: the ${what} is not a string: ${s}`);
      return v[1];
    };
    const bodyText = args[6].trim().replace(/,$/, '').trim();
    operations.push({
      apiName,
      methodName,
      positional: signature.split(',').map((s) => s.trim()).filter((s) => s !== '' && s !== 'opts'),
      doc: parseDocComment(comment, methodName),
      route: unquote(args[0], 'route'),
      verb: unquote(args[1], 'verb'),
      path: parseParameterObject(args[2], where),
      query: parseParameterObject(args[3], where),
      header: parseParameterObject(args[4], where),
      form: parseParameterObject(args[5], where),
      body: bodyText === 'null' ? null : parseSource(bodyText, where),
      securitySchemes: parseStringArray(args[7], where),
      consumes: parseStringArray(args[8], where),
      produces: parseStringArray(args[9], where),
    });
  }
  const declared = (text.match(/^\t(\w+)\([^)]*\) \{ $/gm) ?? []).filter((l) => !/^\tconstructor\(/.test(l)).length;
  if (declared !== operations.length) {
    throw new Error(`${apiName}: ${declared} methods declared, ${operations.length} read`);
  }
  return operations;
}

/** Every operation of every API file, in file-name then source order. */
function readApiSources(directory) {
  return fs.readdirSync(directory)
    .filter((f) => /Api\.js$/.test(f))
    .sort()
    .flatMap((f) => readApiFile(path.join(directory, f)));
}

module.exports = { readApiSources };
