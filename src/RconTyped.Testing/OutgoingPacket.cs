using RconTyped.Protocol;

namespace RconTyped.Testing;

/// <summary>A packet the emulated server will write.</summary>
/// <param name="Id">The id it carries.</param>
/// <param name="Type">Its type.</param>
/// <param name="Body">Its body; the size field always counts all of it.</param>
/// <param name="MissingBytes">How many bytes at the end of the packet are never sent (Palworld's overstated sizes).</param>
internal readonly record struct OutgoingPacket(int Id, RconPacketType Type, byte[] Body, int MissingBytes = 0);
