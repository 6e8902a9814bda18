using Gateway.Cli;
using Gateway.Drivers.Kafka;

// Before any Confluent.Kafka type is touched: its native library is Debian's librdkafka.so.1.
KafkaNativeLibrary.EnsureResolver();
return await GatewayCli.InvokeAsync(args);
