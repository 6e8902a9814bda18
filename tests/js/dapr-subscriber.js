// A Dapr app written with the official SDK, unchanged: DaprServer subscribes with the SDK's own
// routes and answers with DaprPubSubStatusEnum. Every event it receives is printed as one JSON line.
// Env: GATEWAY_PORT, APP_PORT, GATEWAY_CA, APP_CERT, APP_KEY.
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
    communicationProtocol: CommunicationProtocolEnum.HTTP,
    clientOptions: { daprHost: "https://127.0.0.1", daprPort: process.env.GATEWAY_PORT, communicationProtocol: CommunicationProtocolEnum.HTTP },
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

  await server.pubsub.subscribeWithOptions("pubsub", "payments", {
    deadLetterTopic: "payments-dead",
    callback: async (data) => {
      report("drop", "payments", data);
      return DaprPubSubStatusEnum.DROP;
    },
  });

  // As with a Dapr sidecar, dead letters arrive through a subscription to the dead-letter topic.
  await server.pubsub.subscribe("pubsub", "payments-dead", async (data) => {
    report("deadletter", "payments-dead", data);
    return DaprPubSubStatusEnum.SUCCESS;
  });

  await server.start();
  process.stdout.write(JSON.stringify({ kind: "started" }) + "\n");
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
