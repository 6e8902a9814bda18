using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Gateway.Tests.TestSuite;

/// <summary>
/// Finds <c>[Fact]</c> and <c>[Theory]</c> methods with a bare <c>return;</c> before their first assertion: a
/// test that can end green without checking anything. Returns inside lambdas and local functions belong to
/// them, not to the test; an assertion is a call on <c>Assert</c> or to a helper whose name starts with it.
/// </summary>
internal static class EarlyReturnScanner
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary><c>Class.Method (line N)</c> for each test method in <paramref name="source"/> that returns early.</summary>
    public static IEnumerable<string> Find(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, ParseOptions).GetRoot();
        foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(IsTest))
        {
            if (FirstReturnBeforeAnAssertion(method) is { } early)
            {
                var type = method.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text;
                yield return $"{type}.{method.Identifier.Text} (line {early.GetLocation().GetLineSpan().StartLinePosition.Line + 1})";
            }
        }
    }

    private static bool IsTest(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(list => list.Attributes)
            .Select(attribute => attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.Text : attribute.Name.ToString())
            .Any(name => name is "Fact" or "Theory" or "FactAttribute" or "TheoryAttribute");

    private static ReturnStatementSyntax? FirstReturnBeforeAnAssertion(MethodDeclarationSyntax method)
    {
        var ownCode = method.Body?.DescendantNodes(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            ?? [];
        foreach (var node in ownCode)
        {
            if (node is InvocationExpressionSyntax invocation && IsAssertion(invocation))
            {
                return null;
            }

            if (node is ReturnStatementSyntax { Expression: null } bare)
            {
                return bare;
            }
        }

        return null;
    }

    private static bool IsAssertion(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Assert" } } => true,
        IdentifierNameSyntax name => name.Identifier.Text.StartsWith("Assert", StringComparison.Ordinal),
        GenericNameSyntax name => name.Identifier.Text.StartsWith("Assert", StringComparison.Ordinal),
        _ => false,
    };
}
