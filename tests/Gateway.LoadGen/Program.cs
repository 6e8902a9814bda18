using Gateway.Drivers.Kafka;
using Gateway.LoadGen.Cli;

// Before any Confluent.Kafka type is touched (kafka-direct, the machine description): Debian's librdkafka.so.1.
KafkaNativeLibrary.EnsureResolver();
return await LoadGenCli.InvokeAsync(args);
