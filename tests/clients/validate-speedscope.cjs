#!/usr/bin/env node
// Validates speedscope files against the file-format schema the speedscope npm package publishes
// (dist/release/file-format-schema.json) with ajv. Usage: node validate-speedscope.cjs FILE...
// Exit 0 when every file is valid, 1 otherwise.
'use strict';
const fs = require('fs');
const Ajv = require('ajv');
const schema = require('speedscope/dist/release/file-format-schema.json');

const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(schema);

let invalid = 0;
for (const file of process.argv.slice(2)) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (validate(profile)) {
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
