// A Dapr app written with the official SDK in gRPC mode, unchanged: DaprServer serves Dapr's AppCallback
// (cleartext HTTP/2 on loopback) and its client talks gRPC to the gateway over mTLS. Every event it receives is
// printed as one JSON line. Env: GATEWAY_PORT, APP_PORT, GATEWAY_CA, APP_CERT, APP_KEY.
require("./mtls-agent")();
const { DaprServer, DaprPubSubStatusEnum, CommunicationProtocolEnum } = require("@dapr/dapr");

const seen = new Set();
function report(kind, topic, data) {
  process.stdout.write(JSON.stringify({ kind, topic, data }) + "\n");
}

async function main() {
  const server = new DaprServer({
    serverHost: "127.0.0.1",
    serverPort: process.env.APP_PORT,
    communicationProtocol: CommunicationProtocolEnum.GRPC,
    clientOptions: { daprHost: "https://127.0.0.1", daprPort: process.env.GATEWAY_PORT, communicationProtocol: CommunicationProtocolEnum.GRPC },
  });

  await server.pubsub.subscribe("pubsub", "orders", async (data) => {
    // The first delivery of an event asking for a retry answers RETRY; the next one succeeds.
    if (data && data.retry && !seen.has(data.marker)) {
      seen.add(data.marker);
      report("retry", "orders", data);
      return DaprPubSubStatusEnum.RETRY;
    }
    report("success", "orders", data);
    return DaprPubSubStatusEnum.SUCCESS;
  });

  await server.start();
  process.stdout.write(JSON.stringify({ kind: "started" }) + "\n");
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
