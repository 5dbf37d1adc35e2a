using System.Buffers;
using System.Globalization;
using MessagePack;

namespace RconTyped.Testing;

/// <summary>
/// Reads and writes recordings as MessagePack: <c>[header, exchanges]</c>, the header a map with
/// <c>format = "rcon-typed-recording"</c>, <c>version</c>, <c>server</c> and <c>started</c>; each exchange
/// <c>[command, response bytes or nil, started ms, duration ms]</c>. Anything else is refused with a clear error.
/// </summary>
public static class RecordingFile
{
    /// <summary>The format name in every recording's header.</summary>
    public const string Format = "rcon-typed-recording";

    /// <summary>The version this library writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Serializes a recording.</summary>
    public static byte[] Write(Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(2);
        writer.WriteMapHeader(4);
        writer.Write("format");
        writer.Write(Format);
        writer.Write("version");
        writer.Write(Version);
        writer.Write("server");
        writer.Write(recording.Server);
        writer.Write("started");
        writer.Write(recording.StartedUtc.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteArrayHeader(recording.Exchanges.Count);
        foreach (RecordedExchange exchange in recording.Exchanges)
        {
            writer.WriteArrayHeader(4);
            writer.Write(exchange.Command);
            if (exchange.Response is null)
            {
                writer.WriteNil();
            }
            else
            {
                writer.Write(exchange.Response);
            }

            writer.Write(exchange.Started.TotalMilliseconds);
            writer.Write(exchange.Duration.TotalMilliseconds);
        }

        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a recording.</summary>
    /// <exception cref="RecordingFormatException">The bytes are not a recording of a version this library reads.</exception>
    public static Recording Read(ReadOnlyMemory<byte> bytes, string? fileName = null)
    {
        string what = fileName ?? "the recording";
        try
        {
            var reader = new MessagePackReader(bytes);
            if (reader.NextMessagePackType != MessagePackType.Array || reader.ReadArrayHeader() != 2 || reader.NextMessagePackType != MessagePackType.Map)
            {
                throw new RecordingFormatException($"{what} is not an rcon-typed recording (it does not start with the recording header). Record one with 'rcon-typed record HOST --out FILE'.");
            }

            string? format = null;
            string server = string.Empty;
            DateTimeOffset started = default;
            int version = 0;
            int fields = reader.ReadMapHeader();
            for (int i = 0; i < fields; i++)
            {
                string? key = reader.ReadString();
                switch (key)
                {
                    case "format": format = reader.ReadString(); break;
                    case "version": version = reader.ReadInt32(); break;
                    case "server": server = reader.ReadString() ?? string.Empty; break;
                    case "started": started = DateTimeOffset.Parse(reader.ReadString() ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind); break;
                    default: reader.Skip(); break;
                }
            }

            if (format != Format)
            {
                throw new RecordingFormatException($"{what} is not an rcon-typed recording (its format is '{format ?? "missing"}').");
            }

            if (version != Version)
            {
                throw new RecordingFormatException($"{what} is a version {version} recording; this version of RconTyped reads version {Version}. Update RconTyped, or record the session again.");
            }

            int count = reader.ReadArrayHeader();
            var exchanges = new List<RecordedExchange>(Math.Min(count, 100_000));
            for (int i = 0; i < count; i++)
            {
                if (reader.ReadArrayHeader() != 4)
                {
                    throw new RecordingFormatException($"Exchange {i + 1} of {what} does not have the four fields of this version.");
                }

                string command = reader.ReadString() ?? string.Empty;
                byte[]? response = reader.TryReadNil() ? null : reader.ReadBytes()?.ToArray();
                TimeSpan at = TimeSpan.FromMilliseconds(reader.ReadDouble());
                TimeSpan duration = TimeSpan.FromMilliseconds(reader.ReadDouble());
                exchanges.Add(new RecordedExchange(command, response, at, duration));
            }

            if (!reader.End)
            {
                throw new RecordingFormatException($"{what} has bytes after its last exchange: it is damaged.");
            }

            return new Recording(server, started, exchanges);
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or FormatException or OverflowException or InvalidOperationException)
        {
            throw new RecordingFormatException($"{what} is damaged or truncated and cannot be read ({e.Message}).", e);
        }
    }
}
