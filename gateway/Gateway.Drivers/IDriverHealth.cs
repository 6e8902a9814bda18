namespace Gateway.Drivers;

/// <summary>Optional capability: report whether the broker is reachable.</summary>
public interface IDriverHealth
{
    /// <summary>Returns null when healthy, otherwise a short reason.</summary>
    ValueTask<string?> CheckAsync(CancellationToken cancellationToken);
}
