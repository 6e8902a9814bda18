namespace Gateway.LoadGen.Targets;

/// <summary>Which HTTP client the generator uses; <see cref="Raw"/> unless measuring the difference.</summary>
internal enum HttpClientKind
{
    /// <summary>Hand-rolled HTTP/1.1 over <see cref="System.Net.Security.SslStream"/>, one connection per worker.</summary>
    Raw,

    /// <summary><see cref="HttpClient"/> on <see cref="SocketsHttpHandler"/> with <c>MaxConnectionsPerServer</c> = workers.</summary>
    HttpClient,
}
