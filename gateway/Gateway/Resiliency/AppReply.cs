namespace Gateway.Resiliency;

/// <summary>
/// An app's answer to one delivery attempt, whatever channel carried it: what it means for the message,
/// the HTTP status when there was one (0 for a transport failure or a timeout; retry policies match on
/// it), the gRPC status code of a gRPC app's error (null otherwise; matched against <c>gRPCStatusCodes</c>),
/// and why, for the log. Inbound policies retry on <see cref="AppReplyStatus.Retry"/>.
/// </summary>
internal readonly record struct AppReply(AppReplyStatus Status, int HttpStatus, string Detail, int? GrpcStatus = null);
