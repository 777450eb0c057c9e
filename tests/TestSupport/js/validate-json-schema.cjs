#!/usr/bin/env node
// Validates JSON documents against one JSON Schema with ajv, offline.
// Usage: node validate-json-schema.cjs <schema.json> <document.json>...
// Prints one JSON array on stdout: [{"file": "...", "valid": true|false, "errors": [{instancePath, keyword, message, params}]}].
// Exit code: 0 when every document is valid, 1 when one is not, 2 on a usage or schema error.
// ajv is loaded from tools/node_modules of the checkout (or from NODE_TOOLS_MODULES when set).
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const modules = process.env.NODE_TOOLS_MODULES || path.resolve(__dirname, '..', '..', '..', 'tools', 'node_modules');
const requireTool = createRequire(path.join(modules, 'index.js'));

function main(args) {
  if (args.length < 1) {
    process.stderr.write('usage: validate-json-schema.cjs <schema.json> <document.json>...\n');
    return 2;
  }

  const Ajv = requireTool('ajv');
  const addFormats = requireTool('ajv-formats');
  // strict:false because published schemas carry keywords ajv does not know (e.g. "id" in the Adaptive Card schema).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addMetaSchema(requireTool('ajv/dist/refs/json-schema-draft-06.json'));

  const schema = JSON.parse(fs.readFileSync(args[0], 'utf8'));
  // Ajv 8 has no draft-04 support; the Teams manifest schema declares draft-04 but needs draft-06+ keywords
  // (const), so it is validated as the default draft-07.
  if (typeof schema.$schema === 'string' && schema.$schema.includes('draft-04')) {
    delete schema.$schema;
  }

  // Draft-04 style "id" (the Adaptive Card schema keeps it under draft-06): ajv 8 only reads "$id".
  if (typeof schema.id === 'string' && schema.$id === undefined) {
    schema.$id = schema.id;
    delete schema.id;
  }

  const validate = ajv.compile(schema);
  const results = args.slice(1).map((file) => {
    let document;
    try {
      document = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      return { file, valid: false, errors: [{ instancePath: '', keyword: 'parse', message: String(error.message), params: {} }] };
    }

    const valid = validate(document);
    const errors = (validate.errors || []).map((e) => ({
      instancePath: e.instancePath,
      keyword: e.keyword,
      message: e.message,
      params: e.params,
    }));
    return { file, valid, errors };
  });

  process.stdout.write(JSON.stringify(results));
  return results.every((r) => r.valid) ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exitCode = 2;
}
