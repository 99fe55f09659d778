'use strict';
// Structural checks of a derived document: what any reader of Genesys's document relies on.
// checkDocument throws with every violation listed, or returns the counts.

const placeholderPattern = /\{([^}]+)\}/g;

function collectRefs(node, at, found) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => collectRefs(item, `${at}[${i}]`, found));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push({ at, ref: value }); // a property may be named $ref (SCIM)
      else collectRefs(value, `${at}.${key}`, found);
    }
  }
  return found;
}

function checkDocument(doc) {
  const violations = [];
  const fail = (message) => violations.push(message);

  if (doc.swagger !== '2.0') fail(`swagger is ${doc.swagger}`);
  const oauth = doc.securityDefinitions?.['PureCloud OAuth'];
  if (oauth?.type !== 'oauth2' || oauth.flow !== 'implicit' || !oauth.authorizationUrl) fail('securityDefinitions["PureCloud OAuth"] is not oauth2/implicit');
  const scopes = new Set(Object.keys(oauth?.scopes ?? {}));
  const tagNames = new Set((doc.tags ?? []).map((t) => t.name));

  for (const { at, ref } of collectRefs(doc, '$', [])) {
    const m = /^#\/definitions\/(.+)$/.exec(ref);
    if (!m || !Object.hasOwn(doc.definitions, m[1])) fail(`${at}: $ref ${ref} does not resolve`);
  }

  const operationIds = new Map();
  let operations = 0;
  for (const [route, item] of Object.entries(doc.paths)) {
    const placeholders = [...route.matchAll(placeholderPattern)].map((m) => m[1]);
    if (new Set(placeholders).size !== placeholders.length) fail(`${route}: a placeholder appears twice`);
    for (const [verb, op] of Object.entries(item)) {
      operations++;
      const where = `${verb.toUpperCase()} ${route}`;
      if (operationIds.has(op.operationId)) fail(`${where}: operationId ${op.operationId} also on ${operationIds.get(op.operationId)}`);
      operationIds.set(op.operationId, where);
      if (op['x-purecloud-method-name'] !== op.operationId) fail(`${where}: x-purecloud-method-name differs from operationId`);
      if (!Array.isArray(op.tags) || op.tags.length === 0) fail(`${where}: no tag`);
      for (const tag of op.tags ?? []) if (!tagNames.has(tag)) fail(`${where}: tag ${tag} is not declared`);
      const parameters = op.parameters ?? [];
      const pathParameters = parameters.filter((p) => p.in === 'path').map((p) => p.name);
      for (const name of placeholders) if (!pathParameters.includes(name)) fail(`${where}: no path parameter {${name}}`);
      for (const name of pathParameters) if (!placeholders.includes(name)) fail(`${where}: path parameter ${name} is not in the route`);
      const seen = new Set();
      for (const p of parameters) {
        const key = `${p.in}:${p.name}`;
        if (seen.has(key)) fail(`${where}: parameter ${key} twice`);
        seen.add(key);
        if (!['path', 'query', 'header', 'body'].includes(p.in)) fail(`${where}: parameter ${p.name} in ${p.in}`);
        if (p.in === 'path' && p.required !== true) fail(`${where}: path parameter ${p.name} is not required`);
        if (p.in === 'body' && !p.schema) fail(`${where}: body parameter without schema`);
        if (p.in !== 'body' && !p.type) fail(`${where}: parameter ${p.name} without type`);
        if (p.type === 'array' && (!p.items || !p.collectionFormat)) fail(`${where}: array parameter ${p.name} without items or collectionFormat`);
      }
      if (parameters.filter((p) => p.in === 'body').length > 1) fail(`${where}: two body parameters`);
      const statuses = Object.keys(op.responses ?? {});
      if (!statuses.some((s) => /^2\d\d$/.test(s) || s === 'default')) fail(`${where}: no success response`);
      for (const requirement of op.security ?? []) {
        for (const [scheme, names] of Object.entries(requirement)) {
          if (!doc.securityDefinitions[scheme]) fail(`${where}: security scheme ${scheme} is not defined`);
          for (const name of names) if (scheme === 'PureCloud OAuth' && !scopes.has(name)) fail(`${where}: scope ${name} is not defined`);
        }
      }
      const permissions = op['x-inin-requires-permissions'];
      if (permissions && (!['ANY', 'ALL'].includes(permissions.type) || !Array.isArray(permissions.permissions))) {
        fail(`${where}: x-inin-requires-permissions is malformed`);
      }
    }
  }

  for (const [name, definition] of Object.entries(doc.definitions)) {
    for (const required of definition.required ?? []) {
      if (!Object.hasOwn(definition.properties ?? {}, required)) fail(`definitions.${name}: required ${required} is not a property`);
    }
  }

  if (violations.length > 0) {
    const shown = violations.slice(0, 50).join('\n  ');
    throw new Error(`the document has ${violations.length} violation(s):\n  ${shown}`);
  }
  return {
    operations,
    paths: Object.keys(doc.paths).length,
    tags: tagNames.size,
    definitions: Object.keys(doc.definitions).length,
    scopes: scopes.size,
  };
}

module.exports = { checkDocument };
