using Microsoft.CodeAnalysis;

namespace RconTyped.Generators.Analyzers;

/// <summary>The RconTyped types of one compilation, and the generated server types found in it (looked up once).</summary>
internal sealed class RconTypes
{
    private readonly Compilation _compilation;
    private readonly Lazy<List<INamedTypeSymbol>> _servers;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, Dictionary<string, ISymbol>> _members = new(SymbolEqualityComparer.Default);

    public RconTypes(Compilation compilation, INamedTypeSymbol client, INamedTypeSymbol server, INamedTypeSymbol variable)
    {
        _compilation = compilation;
        Client = client;
        Server = server;
        Variable = variable;
        _servers = new Lazy<List<INamedTypeSymbol>>(FindServers, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public INamedTypeSymbol Client { get; }

    public INamedTypeSymbol Server { get; }

    public INamedTypeSymbol Variable { get; }

    /// <summary>Server types of this compilation with typed members, in name order (for a plain RconClient receiver).</summary>
    public IReadOnlyList<INamedTypeSymbol> GeneratedServers => _servers.Value;

    public bool IsClient(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Client);

    public bool IsServer(ITypeSymbol? type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Server))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsComplete(INamedTypeSymbol server) =>
        server.GetAttributes().Any(a => a.AttributeClass?.Name == "RconSchemaCompleteAttribute");

    /// <summary>The property or method that carries the console name (case-insensitive, as the console is).</summary>
    public ISymbol? FindMember(INamedTypeSymbol server, string consoleName) =>
        _members.GetOrAdd(server, IndexMembers).TryGetValue(consoleName, out ISymbol? member) ? member : null;

    /// <summary>Console name → member, built once per server type: generated types have thousands of members.</summary>
    private static Dictionary<string, ISymbol> IndexMembers(INamedTypeSymbol server)
    {
        var index = new Dictionary<string, ISymbol>(StringComparer.OrdinalIgnoreCase);
        foreach (ISymbol member in server.GetMembers())
        {
            foreach (AttributeData attribute in member.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is "RconVariableAttribute" or "RconCommandAttribute"
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string name
                    && !index.ContainsKey(name))
                {
                    index[name] = member;
                }
            }
        }

        return index;
    }

    private List<INamedTypeSymbol> FindServers()
    {
        var servers = new List<INamedTypeSymbol>();
        var pending = new Stack<INamespaceSymbol>();
        pending.Push(_compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            INamespaceSymbol current = pending.Pop();
            foreach (INamespaceSymbol child in current.GetNamespaceMembers())
            {
                pending.Push(child);
            }

            foreach (INamedTypeSymbol type in current.GetTypeMembers())
            {
                if (!type.IsAbstract && IsServer(type))
                {
                    servers.Add(type);
                }
            }
        }

        servers.Sort((a, b) => string.CompareOrdinal(a.ToDisplayString(), b.ToDisplayString()));
        return servers;
    }
}
