'use strict';
// Locates the installed SDK (package.json pins it) and reads its facts: the version, index.d.ts, the api/*.js sources,
// and each API class's one-line description ("Users service.").
const fs = require('node:fs');
const path = require('node:path');
const { readDeclarations } = require('./typescript');
const { readApiSources } = require('./apisource');
const { tagName } = require('./conventions');

const packageName = 'purecloud-platform-client-v2';

function readSdk() {
  const root = path.dirname(require.resolve(`${packageName}/package.json`));
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const pinned = require('../package.json').dependencies[packageName];
  if (version !== pinned) throw new Error(`${packageName} ${version} is installed, package.json pins ${pinned}: run npm ci`);
  const apiDirectory = path.join(root, 'src', packageName, 'api');
  const apiDescriptions = new Map();
  for (const file of fs.readdirSync(apiDirectory).filter((f) => /Api\.js$/.test(f)).sort()) {
    const m = /^\t \* (.+ service)\.$/m.exec(fs.readFileSync(path.join(apiDirectory, file), 'utf8'));
    if (m) apiDescriptions.set(tagName(path.basename(file, '.js')), m[1]);
  }
  return {
    version,
    declarations: readDeclarations(path.join(root, 'index.d.ts')),
    operations: readApiSources(apiDirectory),
    apiDescriptions,
  };
}

module.exports = { readSdk };
