#!/usr/bin/env node
// The Cosmos DB protocol server (@vercel/cosmosdb-server) with connections kept alive, as Azure Cosmos DB's gateway
// keeps them: its own command line answers every request with "connection: close", so each request would pay a new
// TCP connection and TLS handshake. Same options as that command: -p PORT, --host HOST.
"use strict";
const { createHttpsServer } = require("@vercel/cosmosdb-server");

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const port = Number.parseInt(option("-p", "3000"), 10);
const host = option("--host", "127.0.0.1");
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`cosmosdb-server: puerto no válido / invalid port: ${option("-p", "")}`);
  process.exit(2);
}

const server = createHttpsServer({ keepAlive: true }).listen(port, host, () => {
  console.log(`Ready to accept HTTPS connections at ${host}:${port}`);
});
