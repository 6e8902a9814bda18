namespace Gateway.Drivers.InMemory;

/// <summary>What happened to one publish.</summary>
internal enum StoreOutcome
{
    /// <summary>Stored once for every consumer group of the topic.</summary>
    Stored,

    /// <summary>The topic has no consumer group yet, so nobody can ever receive it: dropped.</summary>
    Discarded,

    /// <summary>Storing it would exceed the pending-message bound: nothing stored.</summary>
    Full,
}
