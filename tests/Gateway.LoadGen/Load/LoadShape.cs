namespace Gateway.LoadGen.Load;

/// <summary>The load of one run.</summary>
/// <param name="Mode">Closed loop, fixed rate or new connection per request.</param>
/// <param name="Connections">Workers; each has its own connection (or driver, or sender).</param>
/// <param name="Rate">Sends per second in <see cref="LoadMode.Rate"/>; ignored otherwise.</param>
/// <param name="Warmup">Load offered before the measured window, not counted.</param>
/// <param name="Duration">The measured window.</param>
internal sealed record LoadShape(LoadMode Mode, int Connections, double Rate, TimeSpan Warmup, TimeSpan Duration)
{
    public Task<LoadOutcome> RunAsync(ILoadTarget target, Action<long>? windowOpened, CancellationToken cancellationToken) => Mode == LoadMode.Rate
        ? FixedRate.RunAsync(target, Connections, Rate, Warmup, Duration, windowOpened, cancellationToken)
        : ClosedLoop.RunAsync(target, Connections, Warmup, Duration, windowOpened, cancellationToken);
}
