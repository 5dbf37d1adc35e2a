using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RconTyped.Generators.Analyzers;

/// <summary>
/// RCON001: a raw <c>ExecuteAsync("maxplayers 16")</c> whose command a generated server type exposes as a typed member,
/// or a raw <c>status</c>, which <c>GetStatusAsync()</c> answers with parsed players.
/// RCON002: a constant value that cannot be the cvar's (wrong type, outside its bounds), raw or typed.
/// RCON003 (off by default): a raw command that a complete schema does not know.
/// Like the Regex upgrade analyzer, it stays silent whenever a faithful rewrite is not certain.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawCommandAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The member to call, relative to the receiver (e.g. <c>Maxplayers.SetAsync</c>).</summary>
    public const string MemberPathProperty = "MemberPath";

    /// <summary>The C# argument expressions, separated by <see cref="ArgumentSeparator"/>.</summary>
    public const string ArgumentsProperty = "Arguments";

    /// <summary>Present (with "true") when the code fix may rewrite the call.</summary>
    public const string FixableProperty = "Fixable";

    /// <summary>Separates argument expressions in <see cref="ArgumentsProperty"/>.</summary>
    public const char ArgumentSeparator = '\u001F';

    private static readonly string[] RawMethods = { "ExecuteAsync", "ExecuteRawAsync", "SendAsync" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TypedEquivalent, DiagnosticDescriptors.ImpossibleValue, DiagnosticDescriptors.UnknownCommand);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            Compilation compilation = start.Compilation;
            INamedTypeSymbol? client = compilation.GetTypeByMetadataName("RconTyped.RconClient");
            INamedTypeSymbol? server = compilation.GetTypeByMetadataName("RconTyped.RconServer");
            INamedTypeSymbol? variable = compilation.GetTypeByMetadataName("RconTyped.RconVariable`1");
            if (client is null || server is null || variable is null)
            {
                return;
            }

            var types = new RconTypes(compilation, client, server, variable);
            start.RegisterOperationAction(operation => Analyze((IInvocationOperation)operation.Operation, types, operation.ReportDiagnostic), OperationKind.Invocation);
        });
    }

    private static void Analyze(IInvocationOperation invocation, RconTypes types, Action<Diagnostic> report)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (method.Name == "SetAsync" && SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, types.Variable))
        {
            CheckTypedSet(invocation, report);
            return;
        }

        if (Array.IndexOf(RawMethods, method.Name) < 0 || invocation.Instance is null || !(types.IsClient(method.ContainingType) || types.IsServer(method.ContainingType)))
        {
            return;
        }

        IArgumentOperation? commandArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "command");
        if (commandArgument is null)
        {
            return;
        }

        string? tokenText = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Type.Name == "CancellationToken" && !a.IsImplicit)?.Value.Syntax.ToString();
        IOperation value = commandArgument.Value is IConversionOperation conversion ? conversion.Operand : commandArgument.Value;
        RawCommand? raw = RawCommand.From(value);
        if (raw is null)
        {
            return;
        }

        ITypeSymbol receiver = invocation.Instance.Type!;
        if (raw.Words.Count == 0 && raw.Hole is null && string.Equals(raw.Name, "status", StringComparison.OrdinalIgnoreCase) && method.Name != "SendAsync")
        {
            SuggestGetStatus(invocation, raw, tokenText, report);
            return;
        }

        IEnumerable<INamedTypeSymbol> candidates = types.IsServer(receiver) ? new[] { (INamedTypeSymbol)receiver } : types.GeneratedServers;
        foreach (INamedTypeSymbol candidate in candidates)
        {
            if (types.FindMember(candidate, raw.Name) is { } member)
            {
                Suggest(invocation, raw, member, candidate, receiverIsServer: types.IsServer(receiver), tokenText, report);
                return;
            }
        }

        if (types.IsServer(receiver) && types.IsComplete((INamedTypeSymbol)receiver) && !raw.IsInterpolated)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.UnknownCommand, commandArgument.Syntax.GetLocation(), raw.Name, receiver.Name));
        }
    }

    private static void Suggest(IInvocationOperation invocation, RawCommand raw, ISymbol member, INamedTypeSymbol server, bool receiverIsServer, string? tokenText, Action<Diagnostic> report)
    {
        string? memberPath;
        var arguments = new List<string>();
        bool replacementReturnsString;
        if (member is IPropertySymbol property)
        {
            ITypeSymbol valueType = ((INamedTypeSymbol)property.Type).TypeArguments[0];
            if (raw.Words.Count == 0)
            {
                memberPath = property.Name + ".GetAsync";
                replacementReturnsString = valueType.SpecialType == SpecialType.System_String;
            }
            else
            {
                string? argument = raw.Hole is not null
                    ? (raw.Words.Count == 1 && raw.HoleConverts(valueType) ? raw.Hole : null)
                    : ConvertValue(raw, property, valueType, invocation, report);
                if (argument is null)
                {
                    return;
                }

                memberPath = property.Name + ".SetAsync";
                arguments.Add(argument);
                replacementReturnsString = false;
            }

            if (tokenText is not null)
            {
                arguments.Add(tokenText);
            }
        }
        else
        {
            var methods = server.GetMembers(member.Name).OfType<IMethodSymbol>().ToList();
            IMethodSymbol? paramsOverload = methods.FirstOrDefault(m => m.Parameters.LastOrDefault()?.IsParams == true);
            if (paramsOverload is not null)
            {
                if (raw.Hole is not null)
                {
                    return;
                }

                if (tokenText is not null)
                {
                    arguments.Add(tokenText);
                }

                arguments.AddRange(raw.Words.Select(w => Emit.CSharpLiterals.String(w)));
            }
            else if (!MapParameters(raw, methods.FirstOrDefault(), tokenText, arguments))
            {
                return;
            }

            memberPath = member.Name;

            // A command whose schema declares an answer returns it, not text.
            replacementReturnsString = methods.FirstOrDefault()?.ReturnType is INamedTypeSymbol { TypeArguments: [{ SpecialType: SpecialType.System_String }] };
        }

        bool resultUnused = IsResultUnused(invocation);
        bool fixable = receiverIsServer
            && invocation.TargetMethod.Name != "SendAsync"
            && (resultUnused || (invocation.TargetMethod.Name == "ExecuteAsync" && replacementReturnsString));
        string display = (receiverIsServer ? string.Empty : server.Name + ".") + memberPath + "(" + string.Join(", ", arguments) + ")";
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[MemberPathProperty] = memberPath;
        properties[ArgumentsProperty] = string.Join(ArgumentSeparator.ToString(), arguments);
        if (fixable)
        {
            properties[FixableProperty] = "true";
        }

        report(Diagnostic.Create(DiagnosticDescriptors.TypedEquivalent, invocation.Syntax.GetLocation(), properties.ToImmutable(), raw.Display, display));
    }

    /// <summary>
    /// RCON001 for a raw <c>status</c>: <c>GetStatusAsync()</c> (on servers and, as an extension, on clients) gives the parsed
    /// players. It returns a <c>ServerStatus</c>, not text, so the fix is offered only where the answer is thrown away.
    /// </summary>
    private static void SuggestGetStatus(IInvocationOperation invocation, RawCommand raw, string? tokenText, Action<Diagnostic> report)
    {
        const string memberPath = "GetStatusAsync";
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[MemberPathProperty] = memberPath;
        properties[ArgumentsProperty] = tokenText ?? string.Empty;
        if (IsResultUnused(invocation))
        {
            properties[FixableProperty] = "true";
        }

        report(Diagnostic.Create(DiagnosticDescriptors.TypedEquivalent, invocation.Syntax.GetLocation(), properties.ToImmutable(), raw.Display, memberPath + "(" + tokenText + ")"));
    }

    private static string? ConvertValue(RawCommand raw, IPropertySymbol property, ITypeSymbol valueType, IInvocationOperation invocation, Action<Diagnostic> report)
    {
        string word = raw.Words.Count == 1 ? raw.Words[0] : valueType.SpecialType == SpecialType.System_String ? string.Join(" ", raw.Words) : string.Empty;
        if (raw.Words.Count > 1 && valueType.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        string? literal = ValueLiterals.Convert(word, valueType, out double? number);
        string consoleName = ConsoleName(property) ?? raw.Name;
        if (literal is null)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.ImpossibleValue, invocation.Syntax.GetLocation(), $"'{word}' is not a {Describe(valueType)}, which {consoleName} holds"));
            return null;
        }

        if (number is not null && OutOfRange(property, number.Value) is { } problem)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.ImpossibleValue, invocation.Syntax.GetLocation(), problem));
            return null;
        }

        return literal;
    }

    private static bool MapParameters(RawCommand raw, IMethodSymbol? method, string? tokenText, List<string> arguments)
    {
        if (method is null || raw.Hole is not null)
        {
            return false;
        }

        var parameters = method.Parameters.Where(p => p.Type.Name != "CancellationToken").ToList();
        int required = parameters.Count(p => !p.HasExplicitDefaultValue);
        if (raw.Words.Count < required || (raw.Words.Count > parameters.Count && (parameters.Count == 0 || parameters[parameters.Count - 1].Type.SpecialType != SpecialType.System_String)))
        {
            return false;
        }

        for (int i = 0; i < parameters.Count && i < raw.Words.Count; i++)
        {
            // The last string parameter takes the rest of the line, as the console does.
            string word = i == parameters.Count - 1 ? string.Join(" ", raw.Words.Skip(i)) : raw.Words[i];
            string? literal = ValueLiterals.Convert(word, parameters[i].Type, out _);
            if (literal is null)
            {
                return false;
            }

            arguments.Add(literal);
        }

        if (tokenText is not null)
        {
            arguments.Add("cancellationToken: " + tokenText);
        }

        return true;
    }

    private static void CheckTypedSet(IInvocationOperation invocation, Action<Diagnostic> report)
    {
        if (invocation.Instance is not IPropertyReferenceOperation { Property: var property } || invocation.Arguments.Length == 0)
        {
            return;
        }

        IOperation argument = invocation.Arguments[0].Value;
        if (argument is IConversionOperation conversion)
        {
            argument = conversion.Operand;
        }

        if (!argument.ConstantValue.HasValue || argument.ConstantValue.Value is null or string or bool)
        {
            return;
        }

        double number = System.Convert.ToDouble(argument.ConstantValue.Value, CultureInfo.InvariantCulture);
        if (OutOfRange(property, number) is { } problem)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.ImpossibleValue, argument.Syntax.GetLocation(), problem));
        }
    }

    private static string? OutOfRange(IPropertySymbol property, double value)
    {
        AttributeData? attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "RconVariableAttribute");
        if (attribute is null)
        {
            return null;
        }

        double min = Named(attribute, "Min");
        double max = Named(attribute, "Max");
        string name = ConsoleName(property) ?? property.Name;
        string shown = value.ToString("R", CultureInfo.InvariantCulture);
        if (!double.IsNaN(min) && value < min)
        {
            return $"{shown} is below the minimum of {name} ({min.ToString("R", CultureInfo.InvariantCulture)}); the server would clamp it";
        }

        if (!double.IsNaN(max) && value > max)
        {
            return $"{shown} is above the maximum of {name} ({max.ToString("R", CultureInfo.InvariantCulture)}); the server would clamp it";
        }

        return null;
    }

    private static double Named(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is double value)
            {
                return value;
            }
        }

        return double.NaN;
    }

    private static string? ConsoleName(ISymbol member) =>
        member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name is "RconVariableAttribute" or "RconCommandAttribute")?.ConstructorArguments.FirstOrDefault().Value as string;

    private static string Describe(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Boolean => "boolean (1, 0, true or false)",
        SpecialType.System_Int32 => "whole number",
        SpecialType.System_Double => "number",
        _ => type.Name,
    };

    /// <summary>True when the call's result is thrown away: <c>await x.ExecuteAsync(…)</c> (with or without ConfigureAwait) as a statement.</summary>
    private static bool IsResultUnused(IInvocationOperation invocation)
    {
        IOperation current = invocation;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IExpressionStatementOperation:
                    return true;
                case IAwaitOperation:
                case IConversionOperation:
                    current = parent;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure when configure.Instance == current:
                    current = parent;
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }
}
