#!/usr/bin/env node
// Validates SARIF logs against the official SARIF 2.1.0 JSON schema (the copy @microsoft/jest-sarif ships)
// with ajv. Usage: node validate-sarif.cjs FILE...  Exit 0 when every file is valid, 1 otherwise.
'use strict';
const fs = require('fs');
const Ajv = require('ajv');
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const draft4 = require('ajv/lib/refs/json-schema-draft-04.json');

const ajv = new Ajv({ schemaId: 'auto', allErrors: true, validateSchema: false });
ajv.addMetaSchema(draft4);
const validate = ajv.compile(schema);

let invalid = 0;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (validate(log)) {
    console.log(`${file}: valid`);
    continue;
  }
  invalid++;
  console.log(`${file}: invalid`);
  for (const error of validate.errors) {
    console.log(`  ${error.dataPath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
  }
}
process.exit(invalid === 0 ? 0 : 1);
