'use strict';
// Derives a full-size Swagger 2.0 document of the Genesys Cloud Platform API from the installed official JavaScript
// SDK (see README.md) and writes it, gzip-compressed, to tests/Fixtures/genesys-platform-api.swagger.json.gz.
// Same SDK → byte-identical JSON and gzip.   Usage: npm ci && node derive.js [output.json.gz]
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { readSdk } = require('./lib/sdk');
const { buildDocument } = require('./lib/document');
const { checkDocument } = require('./lib/checks');

const defaultOutput = path.join(__dirname, '..', '..', 'tests', 'Fixtures', 'genesys-platform-api.swagger.json.gz');

function gzip(buffer) {
  const compressed = zlib.gzipSync(buffer, { level: 9 });
  compressed[9] = 3; // the header's OS byte: Unix on every platform, so the bytes do not depend on where this ran
  return compressed;
}

function main() {
  const output = path.resolve(process.argv[2] ?? defaultOutput);
  const sdk = readSdk();
  const document = buildDocument(sdk);
  const summary = checkDocument(document); // throws on a broken document: nothing is written then
  const json = Buffer.from(`${JSON.stringify(document)}\n`, 'utf8');
  const compressed = gzip(json);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, compressed);
  console.log(`purecloud-platform-client-v2@${sdk.version} → ${path.relative(process.cwd(), output)}`);
  console.log(`${summary.operations} operations on ${summary.paths} paths, ${summary.tags} tags, `
    + `${summary.definitions} definitions, ${summary.scopes} scopes`);
  console.log(`${json.length} bytes of JSON, ${compressed.length} bytes gzipped`);
}

main();
