// A Dapr app written with the official SDK, unchanged, receiving in bulk: DaprServer.pubsub.subscribeBulk
// registers a bulkSubscribe subscription, reads each entry of the bulk envelope and answers
// {"statuses":[...]}. Every event its callback receives is printed as one JSON line.
// Env: GATEWAY_PORT, APP_PORT, GATEWAY_CA, APP_CERT, APP_KEY.
require("./mtls-agent")();
const { DaprServer, DaprPubSubStatusEnum, CommunicationProtocolEnum } = require("@dapr/dapr");

const seen = new Set();
function report(kind, data) {
  process.stdout.write(JSON.stringify({ kind, data }) + "\n");
}

async function main() {
  const server = new DaprServer({
    serverHost: "127.0.0.1",
    serverPort: process.env.APP_PORT,
    communicationProtocol: CommunicationProtocolEnum.HTTP,
    clientOptions: { daprHost: "https://127.0.0.1", daprPort: process.env.GATEWAY_PORT, communicationProtocol: CommunicationProtocolEnum.HTTP },
  });

  await server.pubsub.subscribeBulk("pubsub", "bulk-orders", async (data) => {
    // The first delivery of an event asking for a retry answers RETRY; the next one succeeds.
    if (data && data.retry && !seen.has(data.marker)) {
      seen.add(data.marker);
      report("retry", data);
      return DaprPubSubStatusEnum.RETRY;
    }
    report("success", data);
    return DaprPubSubStatusEnum.SUCCESS;
  }, { maxMessagesCount: 3, maxAwaitDurationMs: 100 });

  await server.start();
  process.stdout.write(JSON.stringify({ kind: "started" }) + "\n");
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
