namespace Gateway.LoadGen.Load;

/// <summary>The load of one run.</summary>
/// <param name="Mode">Closed loop, fixed rate, new connection per request, or none (idle).</param>
/// <param name="Connections">Workers; each has its own connection (or driver, or sender).</param>
/// <param name="Rate">Sends per second in <see cref="LoadMode.Rate"/>; ignored otherwise.</param>
/// <param name="Warmup">Load offered before the measured window, not counted (for <see cref="LoadMode.Idle"/>: time to settle).</param>
/// <param name="Duration">The measured window.</param>
internal sealed record LoadShape(LoadMode Mode, int Connections, double Rate, TimeSpan Warmup, TimeSpan Duration)
{
    public Task<LoadOutcome> RunAsync(ILoadTarget target, WindowHooks hooks, CancellationToken cancellationToken) => Mode switch
    {
        LoadMode.Rate => FixedRate.RunAsync(target, Connections, Rate, Warmup, Duration, hooks, cancellationToken),
        LoadMode.Idle => IdleWindow.RunAsync(Warmup, Duration, hooks, cancellationToken),
        _ => ClosedLoop.RunAsync(target, Connections, Warmup, Duration, hooks, cancellationToken),
    };
}
