// Validates Teams app manifest (and localization) documents against a saved JSON schema with ajv.
// The Teams schemas declare draft-04 but use draft-06 `const` and `\p{L}` patterns, so they are
// compiled with draft-07 semantics (a draft-04 validator would let manifestVersion "9.99" through)
// and Unicode regular expressions.
// Usage: node validate-manifest.cjs SCHEMA.json DOC.json... ("-" reads one document from stdin)
// Prints a JSON array [{ file, valid, errors: ["<path> <message>"] }]; exit code 0 when all are valid,
// 1 when one is not, 2 on a usage or setup error.
'use strict';
const fs = require('fs');
const path = require('path');

function loadAjv() {
  const roots = [process.env.PARTICIPABOT_NODE_MODULES, path.join(__dirname, '..', '..', '..', 'tools', 'node_modules')]
    .filter(Boolean);
  for (const root of roots) {
    try {
      const Ajv = require(path.join(root, 'ajv')).default;
      const addFormats = require(path.join(root, 'ajv-formats'));
      return { Ajv, addFormats };
    } catch (error) {
      if (error.code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  console.error('ajv not found in tools/node_modules: run scripts/setup.sh');
  process.exit(2);
}

const [schemaPath, ...documents] = process.argv.slice(2);
if (!schemaPath || documents.length === 0) {
  console.error('usage: node validate-manifest.cjs SCHEMA.json DOC.json... (- for stdin)');
  process.exit(2);
}

const { Ajv, addFormats } = loadAjv();
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
delete schema.$schema; // draft-04 meta-schema URI: validate with ajv's default (draft-07) instead
// The manifest schema needs Unicode patterns (\p{L}); the localization schema has a few patterns
// (an unescaped "]") that only compile without the u flag, so fall back for those alone.
function regExp(pattern, flags) {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return new RegExp(pattern, flags.replace('u', ''));
  }
}
regExp.code = 'new RegExp';
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: true, validateSchema: false, code: { regExp } });
addFormats(ajv);
const validate = ajv.compile(schema);

let allValid = true;
const results = documents.map((file) => {
  const text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
  let document;
  try {
    document = JSON.parse(text);
  } catch (error) {
    allValid = false;
    return { file, valid: false, errors: [`not JSON: ${error.message}`] };
  }
  const valid = validate(document);
  allValid &&= valid;
  const errors = (validate.errors || []).map((e) =>
    `${e.instancePath || '/'} ${e.message}${e.params && Object.keys(e.params).length ? ' ' + JSON.stringify(e.params) : ''}`);
  return { file, valid, errors };
});
process.stdout.write(JSON.stringify(results) + '\n');
process.exit(allValid ? 0 : 1);
