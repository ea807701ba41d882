#!/usr/bin/env node
// Validates SARIF logs against the official SARIF 2.1.0 JSON schema (the copy @microsoft/jest-sarif ships)
// with ajv. Usage: node validate-sarif.cjs FILE...  Exit 0 when every file is valid, 1 otherwise.
'use strict';
const Ajv = require('ajv');
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const draft4 = require('ajv/lib/refs/json-schema-draft-04.json');
const { validateFiles } = require('./validate-json.cjs');

const ajv = new Ajv({ schemaId: 'auto', allErrors: true, validateSchema: false });
ajv.addMetaSchema(draft4);
validateFiles(ajv.compile(schema), process.argv.slice(2));
