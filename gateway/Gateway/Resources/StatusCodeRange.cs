namespace Gateway.Resources;

/// <summary>An inclusive range of status codes, such as <c>500-599</c>; a single code has <c>From == To</c>.</summary>
internal sealed record StatusCodeRange(int From, int To)
{
    public bool Contains(int code) => code >= From && code <= To;

    public override string ToString() => From == To ? $"{From}" : $"{From}-{To}";
}
