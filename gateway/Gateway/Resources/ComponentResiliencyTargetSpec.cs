namespace Gateway.Resources;

/// <summary>One entry of <c>spec.targets.components</c>.</summary>
/// <param name="Inbound">Policies for delivering received messages to apps; null when not set.</param>
/// <param name="Outbound">Policies for publishing to the broker; null when not set.</param>
internal sealed record ComponentResiliencyTargetSpec(PolicyReferencesSpec? Inbound, PolicyReferencesSpec? Outbound);
