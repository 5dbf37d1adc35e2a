using RconTyped.Logs;

namespace RconTyped.Cli;

/// <summary><c>--filter kill,say</c>: short names for the common events, or any event type's name without <c>Event</c>.</summary>
internal sealed class LogEventFilter
{
    private static readonly Dictionary<string, Type> Short = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kill"] = typeof(PlayerKilledEvent),
        ["damage"] = typeof(PlayerAttackedEvent),
        ["assist"] = typeof(PlayerAssistedEvent),
        ["suicide"] = typeof(PlayerSuicideEvent),
        ["say"] = typeof(PlayerSayEvent),
        ["connect"] = typeof(PlayerConnectedEvent),
        ["enter"] = typeof(PlayerEnteredEvent),
        ["disconnect"] = typeof(PlayerDisconnectedEvent),
        ["team"] = typeof(PlayerTeamChangedEvent),
        ["trigger"] = typeof(PlayerTriggeredEvent),
        ["world"] = typeof(WorldTriggeredEvent),
        ["score"] = typeof(TeamScoreEvent),
        ["map"] = typeof(MapStartedEvent),
        ["cvar"] = typeof(ServerCvarEvent),
        ["rcon"] = typeof(RconCommandEvent),
        ["unknown"] = typeof(UnknownLogEvent),
    };

    private readonly HashSet<Type>? _types;

    private LogEventFilter(HashSet<Type>? types) => _types = types;

    public static LogEventFilter All { get; } = new(null);

    /// <summary>Reads <c>kill,say</c>; throws <see cref="FormatException"/> naming what it does not know.</summary>
    public static LogEventFilter Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        var types = new HashSet<Type>();
        foreach (string word in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Type? type = Short.TryGetValue(word, out Type? known) ? known : Find(word);
            if (type is null)
            {
                throw new FormatException($"--filter: unknown event '{word}'; use {string.Join(", ", Short.Keys)}, or an event name such as PlayerHealed.");
            }

            types.Add(type);
        }

        return new LogEventFilter(types);
    }

    public bool Allows(LogEvent e) => _types is null || _types.Contains(e.GetType());

    /// <summary>Every event kind, by its name: a list rather than reflection, so the Native AOT build keeps them.</summary>
    private static readonly Type[] Kinds =
    [
        typeof(PlayerKilledEvent), typeof(PlayerAttackedEvent), typeof(PlayerAssistedEvent), typeof(PlayerSuicideEvent), typeof(PlayerKilledOtherEvent),
        typeof(PlayerKilledByBombEvent), typeof(PlayerSayEvent), typeof(PlayerConnectedEvent), typeof(PlayerValidatedEvent), typeof(PlayerEnteredEvent),
        typeof(PlayerDisconnectedEvent), typeof(PlayerTeamChangedEvent), typeof(PlayerNameChangedEvent), typeof(PlayerTriggeredEvent), typeof(PlayerHealedEvent),
        typeof(PlayerRoleChangedEvent), typeof(PlayerSpawnedEvent), typeof(PlayerPickedUpEvent), typeof(PlayerPurchasedEvent), typeof(PlayerDroppedEvent),
        typeof(PlayerThrewEvent), typeof(GrenadeThrowEvent), typeof(ProjectileSpawnedEvent), typeof(PlayerBlindedEvent), typeof(PlayerMoneyChangedEvent),
        typeof(PlayerLeftBuyZoneEvent), typeof(PlayerBannedEvent), typeof(WorldTriggeredEvent), typeof(TeamTriggeredEvent), typeof(TeamScoreEvent),
        typeof(TeamNameEvent), typeof(MatchScoreEvent), typeof(MatchStartedEvent), typeof(MatchPauseEvent), typeof(GameOverEvent), typeof(AccoladeEvent),
        typeof(VoteEvent), typeof(MapLoadingEvent), typeof(MapStartedEvent), typeof(MapChangeEvent), typeof(ServerCvarEvent), typeof(RconCommandEvent),
        typeof(LogFileEvent), typeof(ServerMessageEvent), typeof(PluginMessageEvent), typeof(JsonStatisticsEvent), typeof(UnknownLogEvent),
    ];

    private static Type? Find(string word)
    {
        string name = word.EndsWith("Event", StringComparison.OrdinalIgnoreCase) ? word : word + "Event";
        return Kinds.FirstOrDefault(kind => string.Equals(kind.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
