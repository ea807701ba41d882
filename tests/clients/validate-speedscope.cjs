#!/usr/bin/env node
// Validates speedscope files against the file-format schema the speedscope npm package publishes
// (dist/release/file-format-schema.json) with ajv. Usage: node validate-speedscope.cjs FILE...
// Exit 0 when every file is valid, 1 otherwise.
'use strict';
const Ajv = require('ajv');
const schema = require('speedscope/dist/release/file-format-schema.json');
const { validateFiles } = require('./validate-json.cjs');

validateFiles(new Ajv({ allErrors: true }).compile(schema), process.argv.slice(2));
