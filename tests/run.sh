#!/usr/bin/env bash
# Runs every test of the gateway. Installs what the tests need when it is missing, so it works
# on a fresh Debian machine with the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v redis-sentinel >/dev/null 2>&1 || need+=(redis-sentinel)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
if [ ${#need[@]} -gt 0 ]; then
  # apt needs root: as another user, through sudo.
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

# Real third-party clients (the Dapr JS SDK, the CloudEvents SDK) that tests run against the gateway.
npm ci --prefix tests/js --no-audit --no-fund --loglevel=error

# The Kafka tests report which broker they used (KAFKA_BOOTSTRAP_SERVERS, a Testcontainers container
# where a Docker engine is reachable, else librdkafka's mock cluster); say it at the end, pass or fail.
export KAFKA_TEST_BROKER_REPORT="${KAFKA_TEST_BROKER_REPORT:-$(mktemp)}"
# The same for the Redis single-node suite: REDIS_ADDRESS, a Testcontainers.Redis container, or redis-server
# processes (Sentinel and Cluster suites always start redis-server and redis-sentinel processes).
export REDIS_TEST_SERVER_REPORT="${REDIS_TEST_SERVER_REPORT:-$(mktemp)}"
trap 'echo; echo "Kafka brokers of this run:"; sort -u "$KAFKA_TEST_BROKER_REPORT" | sed "s/^/  /"; [ -s "$KAFKA_TEST_BROKER_REPORT" ] || echo "  none (no Kafka test ran)"; echo "Redis servers of this run:"; sort -u "$REDIS_TEST_SERVER_REPORT" | sed "s/^/  /"; [ -s "$REDIS_TEST_SERVER_REPORT" ] || echo "  none (no Redis driver test ran)"' EXIT

dotnet build Gateway.sln -c Release --nologo -clp:ErrorsOnly
dotnet test Gateway.sln -c Release --no-build --nologo --logger "console;verbosity=minimal" "$@"
