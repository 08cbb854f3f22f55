// The production server (`npm start`, and the browser tests' servers): Next's own request
// handler behind a plain Node HTTP server that knows each request's TCP peer.
//
// A route handler only sees headers, and `next start` adds X-Forwarded-For from the socket only
// when the client sent none — so a forged header and the real peer look alike there. Here every
// incoming copy of the private peer header is removed and the socket's remote address is stamped
// into it; server/forwarding.ts believes that header only in a process this script marked.
//
// Usage: node scripts/serve.mjs [--port N] [--hostname H]   (PORT and HOSTNAME work too)
import { createServer } from "node:http";
import { isIP } from "node:net";
import process from "node:process";

/** Keep in step with PEER_HEADER and STAMPED in server/forwarding.ts. */
const PEER_HEADER = "x-counterpoint-peer";
globalThis[Symbol.for("counterpoint.peer-stamped")] = true;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at !== -1 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const port = Number(option("port", process.env.PORT ?? "3000"));
const hostname = option("hostname", process.env.HOSTNAME ?? "0.0.0.0");
process.env.PORT = String(port);
const dev = process.env.NODE_ENV === "development";
// As `next start` does; set before Next loads.
if (!dev) process.env.NODE_ENV = "production";
const { default: next } = await import("next");

// A malformed COUNTERPOINT_TRUSTED_PROXIES stops the start (server/forwarding.ts reads it).
const trusted = process.env.COUNTERPOINT_TRUSTED_PROXIES?.trim() ?? "";
if (trusted !== "" && !/^\d+$/.test(trusted)) {
  for (const entry of trusted.split(",").map((e) => e.trim()).filter(Boolean)) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address.replace(/^\[|\]$/g, ""));
    const bits = prefix === undefined ? 0 : /^\d+$/.test(prefix) ? Number(prefix) : -1;
    if (!family || extra !== undefined || bits < 0 || bits > (family === 6 ? 128 : 32)) {
      console.error(`COUNTERPOINT_TRUSTED_PROXIES: "${entry}" is neither an address nor a CIDR range.`);
      process.exit(1);
    }
  }
}

if (!dev && !process.env.COUNTERPOINT_URL) {
  const line = "!".repeat(78);
  console.warn(
    [
      line,
      "!! COUNTERPOINT_URL is not set.",
      "!! Feeds, embeds and oEmbed answers are cached publicly and carry absolute links; without",
      "!! a configured public URL those links are built from each request's Host header.",
      "!! Set COUNTERPOINT_URL=https://your.public.address before serving real readers.",
      line,
    ].join("\n"),
  );
}

const app = next({ dev, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

/** Removes every copy of the private header a client may have sent, then stamps the peer. */
function stampPeer(req) {
  delete req.headers[PEER_HEADER];
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i].toLowerCase() === PEER_HEADER) req.rawHeaders.splice(i, 2);
  }
  const peer = req.socket.remoteAddress ?? "";
  req.headers[PEER_HEADER] = peer;
  req.rawHeaders.push(PEER_HEADER, peer);
}

const server = createServer((req, res) => {
  stampPeer(req);
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => {
  console.log(`Counterpoint listening on http://${hostname}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
