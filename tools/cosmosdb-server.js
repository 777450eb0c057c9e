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
const portText = option("-p", "3000");
const port = /^[0-9]{1,5}$/.test(portText) ? Number(portText) : NaN;
const host = option("--host", "127.0.0.1");
if (!(port > 0 && port <= 65535)) {
  console.error(`cosmosdb-server: -p «${portText}» no es un puerto válido (1-65535). / -p '${portText}' is not a valid port (1-65535).`);
  process.exit(2);
}

const server = createHttpsServer({ keepAlive: true });
server.on("error", error => {
  // A port in use or a host this machine does not have: one line, not a stack trace.
  console.error(`cosmosdb-server: no se pudo escuchar en ${host}:${port} / could not listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`Ready to accept HTTPS connections at ${host}:${port}`);
});
