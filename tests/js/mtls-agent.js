// Gives the Dapr JS SDK a client certificate: the SDK has no TLS options. Its HTTP client uses one static
// https.Agent, created only when none exists yet; its gRPC client (ConnectRPC) opens HTTP/2 sessions with
// http2.connect and no TLS options. Install ours before any client exists.
const fs = require("fs");
const https = require("https");
const http2 = require("http2");
const { HTTPClient } = require("@dapr/dapr");

module.exports = function useClientCertificate() {
  const tls = {
    ca: fs.readFileSync(process.env.GATEWAY_CA),
    cert: fs.readFileSync(process.env.APP_CERT),
    key: fs.readFileSync(process.env.APP_KEY),
  };
  HTTPClient.httpsAgent = new https.Agent({ keepAlive: true, ...tls });
  const connect = http2.connect;
  http2.connect = (authority, options, listener) =>
    String(authority).startsWith("https:") ? connect(authority, { ...(options || {}), ...tls }, listener) : connect(authority, options, listener);
};
