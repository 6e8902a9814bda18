// Gives the Dapr JS SDK a client certificate: the SDK has no TLS options, but its HTTP client uses
// one static https.Agent, created only when none exists yet. Install ours before any client exists.
const fs = require("fs");
const https = require("https");
const { HTTPClient } = require("@dapr/dapr");

module.exports = function useClientCertificate() {
  HTTPClient.httpsAgent = new https.Agent({
    keepAlive: true,
    ca: fs.readFileSync(process.env.GATEWAY_CA),
    cert: fs.readFileSync(process.env.APP_CERT),
    key: fs.readFileSync(process.env.APP_KEY),
  });
};
