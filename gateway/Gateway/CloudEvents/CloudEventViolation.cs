namespace Gateway.CloudEvents;

/// <summary>
/// One broken CloudEvents rule. <see cref="Attribute"/> is the attribute or member name (<c>(event)</c> for
/// the event as a whole); <see cref="Rule"/> is the rule id of the gateway's CloudEvents spec (C1-C22,
/// J1-J14, H1-H12); <see cref="Message"/> is the full sentence shown to the publisher.
/// </summary>
internal sealed record CloudEventViolation(string Attribute, string Rule, string Message)
{
    /// <summary>Attribute name used for problems that concern the whole event.</summary>
    public const string WholeEvent = "(event)";

    /// <summary>
    /// Builds the standard sentence, for example
    /// <c>attribute 'time' must be an RFC 3339 timestamp (CloudEvents 1.0 §time, rule C18); got '2020-13-01T00:00:00Z'</c>.
    /// </summary>
    public static CloudEventViolation Create(string attribute, string rule, string section, string requirement, string? got = null)
    {
        string subject = attribute == WholeEvent ? "the event" : $"attribute '{JsonStringLiteral.ForDisplay(attribute)}'";
        string suffix = got is null ? string.Empty : $"; got '{JsonStringLiteral.ForDisplay(got)}'";
        return new CloudEventViolation(attribute, rule, $"{subject} {requirement} (CloudEvents 1.0 §{section}, rule {rule}){suffix}");
    }

    public override string ToString() => Message;
}
