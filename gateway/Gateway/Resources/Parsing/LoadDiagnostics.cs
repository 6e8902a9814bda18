namespace Gateway.Resources.Parsing;

/// <summary>Every error and warning of one load, in the order they were found.</summary>
internal sealed class LoadDiagnostics
{
    private readonly List<ResourceError> errors = [];
    private readonly List<ResourceError> warnings = [];

    public int ErrorCount => errors.Count;

    public void AddError(ResourceError error) => errors.Add(error);

    public void AddWarning(ResourceError warning) => warnings.Add(warning);

    /// <summary>Errors sorted by file and line; problems on the same line keep the order they were found in.</summary>
    public IReadOnlyList<ResourceError> SortedErrors() => Sort(errors);

    public IReadOnlyList<ResourceError> SortedWarnings() => Sort(warnings);

    private static List<ResourceError> Sort(List<ResourceError> problems) =>
        [.. problems.OrderBy(problem => problem.File, StringComparer.Ordinal).ThenBy(problem => problem.Line)];
}
