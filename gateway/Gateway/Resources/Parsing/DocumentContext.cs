using YamlDotNet.RepresentationModel;

namespace Gateway.Resources.Parsing;

/// <summary>
/// Collects the problems of one YAML document. They are held until <see cref="Complete"/>, so
/// that every message carries the resource name and kind even when those fields come later in
/// the document than the problem.
/// </summary>
internal sealed class DocumentContext(string file, int documentNumber, LoadDiagnostics diagnostics)
{
    private readonly List<(int Line, string Message, bool IsError, bool Skipped)> problems = [];

    public string File { get; } = file;

    public int DocumentNumber { get; } = documentNumber;

    /// <summary>The resource's <c>metadata.name</c>, once known.</summary>
    public string? Name { get; set; }

    /// <summary>The resource's <c>kind</c>, once known.</summary>
    public string? Kind { get; set; }

    public bool HasErrors => problems.Any(problem => problem.IsError);

    public void Error(YamlNode node, string message) => Error(LineOf(node), message);

    public void Error(int line, string message) => problems.Add((line, message, true, false));

    public void Warning(YamlNode node, string message) => Warning(LineOf(node), message);

    public void Warning(int line, string message) => problems.Add((line, message, false, false));

    /// <summary>A warning saying the document is skipped (not loaded), as Dapr skips it.</summary>
    public void Skipped(YamlNode node, string message) => problems.Add((LineOf(node), message, false, true));

    public ResourceLocation LocationOf(YamlNode node) => new(File, LineOf(node));

    /// <summary>Hands every problem of this document, with name and kind filled in, to the load.</summary>
    public void Complete()
    {
        foreach (var (line, message, isError, skipped) in problems)
        {
            var problem = new ResourceError(File, line, Name, Kind, message) { Document = DocumentNumber, Skipped = skipped };
            if (isError)
            {
                diagnostics.AddError(problem);
            }
            else
            {
                diagnostics.AddWarning(problem);
            }
        }

        problems.Clear();
    }

    public static int LineOf(YamlNode node) => (int)node.Start.Line;
}
