// Publishes with the official SDK's DaprClient, unchanged, over mTLS. Prints one JSON line per
// publish with the SDK's own result. Args: topic, JSON data. Env: GATEWAY_PORT, GATEWAY_CA, APP_CERT, APP_KEY,
// DAPR_PROTOCOL (http, the default, or grpc).
require("./mtls-agent")();
const { DaprClient, CommunicationProtocolEnum } = require("@dapr/dapr");

async function main() {
  const [topic, json] = process.argv.slice(2);
  const client = new DaprClient({
    daprHost: "https://127.0.0.1",
    daprPort: process.env.GATEWAY_PORT,
    communicationProtocol: process.env.DAPR_PROTOCOL === "grpc" ? CommunicationProtocolEnum.GRPC : CommunicationProtocolEnum.HTTP,
  });
  const result = await client.pubsub.publish("pubsub", topic, JSON.parse(json));
  process.stdout.write(JSON.stringify({ error: result.error ? String(result.error.message || result.error) : null }) + "\n");
  await client.stop();
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
