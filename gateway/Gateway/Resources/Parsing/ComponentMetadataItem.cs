namespace Gateway.Resources.Parsing;

/// <summary>One readable <c>spec.metadata</c> entry of a component, with the line it is on.</summary>
internal sealed record ComponentMetadataItem(string Name, string Value, int Line);
