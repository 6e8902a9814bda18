namespace Gateway.Drivers;

/// <summary>What a driver does with a message once its handler returns.</summary>
public enum MessageOutcome
{
    /// <summary>A final outcome was reached (delivered, dropped, dead-lettered, expired): acknowledge it.</summary>
    Acknowledge,

    /// <summary>No final outcome: leave the message unacknowledged so the broker delivers it again.</summary>
    Redeliver,
}
