'use strict';
// Shared by validate-sarif.cjs and validate-speedscope.cjs: validates each JSON file named on the command line with a
// compiled ajv validator, prints "FILE: valid" or "FILE: invalid" and one line per error, and exits 0 when every file is
// valid, 1 otherwise.
const fs = require('fs');

function validateFiles(validate, files) {
  let invalid = 0;
  for (const file of files) {
    const document = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (validate(document)) {
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
}

module.exports = { validateFiles };
