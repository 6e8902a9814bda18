namespace Gateway.Drivers.Redis.Resp;

/// <summary>The bytes from the server are not valid RESP; the connection cannot be trusted any more.</summary>
internal sealed class RespProtocolException(string message) : Exception(message);
