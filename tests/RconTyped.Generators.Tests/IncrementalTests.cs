using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RconTyped.Generators.Tests;

public class IncrementalTests
{
    private const string Dump = """
        cvar list
        --------------
        sv_cheats                                : 0        : , "nf", "rep"    : Allow cheats on server
        changelevel                              : cmd      :                  : Change server to the specified map
        --------------
          2 total convars/concommands
        """;

    [Fact]
    public void An_edit_to_an_unrelated_file_reparses_and_reemits_nothing()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"server.cvarlist.txt\""), "namespace Other; public class Unrelated { }");
        var (driver, _, _) = GeneratorHarness.Run(compilation, new InMemoryAdditionalText("/project/server.cvarlist.txt", Dump));

        SyntaxTree unrelated = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(
            unrelated,
            CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int Added => 1; }", GeneratorHarness.ParseOptions, path: unrelated.FilePath));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertSteps(second, TrackingNames.Parse, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertSteps(second, TrackingNames.Model, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.NotEmpty(second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs));
        Assert.All(second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output step ran again: {output.Reason}"));
    }

    [Fact]
    public void An_edit_after_the_class_in_its_own_file_leaves_the_model_unchanged()
    {
        string source = GeneratorHarness.ServerClass("\"server.cvarlist.txt\"");
        CSharpCompilation compilation = GeneratorHarness.Compilation(source);
        var (driver, _, _) = GeneratorHarness.Run(compilation, new InMemoryAdditionalText("/project/server.cvarlist.txt", Dump));

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(
            tree,
            CSharpSyntaxTree.ParseText(source + "\npublic class AddedLater { }\n", GeneratorHarness.ParseOptions, path: tree.FilePath));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The request is computed again (its file changed) but compares equal, so nothing after it runs.
        AssertSteps(second, TrackingNames.Request, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        AssertSteps(second, TrackingNames.Model, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Editing_the_schema_file_regenerates()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"server.cvarlist.txt\""));
        var file = new InMemoryAdditionalText("/project/server.cvarlist.txt", Dump);
        var (driver, _, _) = GeneratorHarness.Run(compilation, file);

        driver = driver.ReplaceAdditionalText(file, new InMemoryAdditionalText("/project/server.cvarlist.txt", Dump.Replace("sv_cheats ", "sv_gravity", StringComparison.Ordinal)));
        GeneratorRunResult second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        AssertSteps(second, TrackingNames.Parse, IncrementalStepRunReason.Modified);
        Assert.Contains("SvGravity", second.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pipeline_carries_no_symbols_syntax_or_locations()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"server.cvarlist.txt\""));
        var (driver, _, _) = GeneratorHarness.Run(compilation, new InMemoryAdditionalText("/project/server.cvarlist.txt", Dump));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var steps = result.TrackedSteps.Where(s => s.Key is TrackingNames.Request or TrackingNames.Parse or TrackingNames.Model).ToList();
        Assert.Equal(3, steps.Count);
        Assert.All(steps, step => Assert.NotEmpty(step.Value.SelectMany(s => s.Outputs)));
        foreach (var step in steps)
        {
            foreach (object value in step.Value.SelectMany(s => s.Outputs).Select(o => o.Value))
            {
                AssertNoRoslynObjects(value, step.Key, depth: 0);
            }
        }
    }

    private static void AssertSteps(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        IncrementalGeneratorRunStep[] runs = result.TrackedSteps[step].ToArray();
        Assert.NotEmpty(runs);
        Assert.All(runs.SelectMany(r => r.Outputs), output => Assert.Contains(output.Reason, allowed));
    }

    private static void AssertNoRoslynObjects(object? value, string path, int depth)
    {
        if (value is null || depth > 8 || value is string || value.GetType().IsPrimitive || value is Enum)
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or Location or SyntaxTree, $"{path} holds a {value.GetType().Name}");
        if (value is System.Collections.IEnumerable items)
        {
            foreach (object? item in items)
            {
                AssertNoRoslynObjects(item, path + "[]", depth + 1);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertNoRoslynObjects(property.GetValue(value), path + "." + property.Name, depth + 1);
        }
    }
}
