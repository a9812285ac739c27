// A tiny reverse proxy that adds `Authorization: Bearer <token>` to every request. The conformance
// CLI has no way to send a token, and Refrain's /mcp requires one, so the suite talks to this proxy.
//
//   node header-proxy.mjs <listenPort> <targetBaseUrl> <token>
//
// Listens on 127.0.0.1 (port 0 picks a free one) and prints `listening <port>` once ready. Bodies
// are streamed both ways and responses are never buffered, so SSE streams pass through as they
// arrive. The client's Host and Origin headers are forwarded unchanged: the DNS-rebinding scenario
// sends a foreign Host/Origin and expects the server's own 4xx to come back.

import http from 'node:http';

const [portArg, targetArg, token] = process.argv.slice(2);
if (portArg === undefined || !targetArg || !token) {
    console.error('usage: node header-proxy.mjs <listenPort> <targetBaseUrl> <token>');
    process.exit(2);
}
const target = new URL(targetArg);
if (target.protocol !== 'http:') {
    console.error(`only http targets are supported, not ${target.protocol}`);
    process.exit(2);
}
const basePath = target.pathname.replace(/\/+$/, '');

// Hop-by-hop headers (RFC 9110 section 7.6.1) belong to one connection and are not forwarded.
const HOP_BY_HOP = new Set([
    'connection',
    'keep-alive',
    'proxy-connection',
    'proxy-authenticate',
    'proxy-authorization',
    'te',
    'trailer',
    'upgrade',
]);

function forwardable(headers) {
    const named = String(headers.connection ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean);
    const out = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name) && !named.includes(name)) {
            out[name] = value;
        }
    }
    return out;
}

const agent = new http.Agent({ keepAlive: true });

const server = http.createServer((req, res) => {
    const headers = forwardable(req.headers);
    headers.authorization = 'Bearer ' + token;
    const upstream = http.request({
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port || 80,
        method: req.method,
        path: basePath + req.url,
        headers,
        agent,
    });
    upstream.on('response', (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwardable(answer.headers));
        res.flushHeaders();
        answer.on('error', (e) => res.destroy(e));
        answer.pipe(res);
    });
    upstream.on('error', (e) => {
        if (!res.headersSent) {
            res.writeHead(502, { 'content-type': 'text/plain' });
            res.end(`header-proxy: ${e.message}\n`);
        } else {
            res.destroy(e);
        }
    });
    // A client that goes away (for example one closing an SSE stream) ends the upstream request too.
    res.on('close', () => {
        if (!res.writableFinished) {
            upstream.destroy();
        }
    });
    // pipe, not pipeline: an upstream failure must not destroy the client's socket before the 502.
    req.pipe(upstream);
});

server.on('connection', (socket) => socket.setNoDelay(true));
server.listen(Number(portArg), '127.0.0.1', () => {
    console.log(`listening ${server.address().port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => process.exit(0));
}
