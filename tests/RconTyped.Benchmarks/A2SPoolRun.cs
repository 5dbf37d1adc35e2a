using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RconTyped.Query;

namespace RconTyped.Benchmarks;

/// <summary>
/// <c>--a2s-pool N</c>: one <see cref="A2SClient"/> asks N servers for INFO at once and reports the time to the last
/// answer, datagrams per second and the client process's memory. The N servers are UDP sockets on 127.0.0.1 in a child
/// process (<c>--a2s-farm N</c>), each demanding the challenge first (as servers have since 2020), so every server costs
/// two round trips and four datagrams; the child keeps the farm's memory out of the figure.
/// </summary>
internal static class A2SPoolRun
{
    public static async Task<int> RunAsync(int servers, int concurrency)
    {
        string processPath = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(processPath) { RedirectStandardOutput = true, RedirectStandardInput = true };
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(A2SPoolRun).Assembly.Location);
        }

        start.ArgumentList.Add("--a2s-farm");
        start.ArgumentList.Add(servers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using Process farm = Process.Start(start)!;
        var endPoints = new List<IPEndPoint>(servers);
        while (endPoints.Count < servers && await farm.StandardOutput.ReadLineAsync() is { } line)
        {
            endPoints.Add(new IPEndPoint(IPAddress.Loopback, int.Parse(line, System.Globalization.CultureInfo.InvariantCulture)));
        }

        try
        {
            long rssBefore = ResidentBytes();
            await using var a2s = new A2SClient(new A2SClientOptions { Timeout = TimeSpan.FromSeconds(5), Retries = 0, MaxConcurrentQueries = concurrency });
            await foreach (A2SResult<ServerInfo> _ in a2s.QueryInfoManyAsync(endPoints.Take(200)))
            {
                // Warm-up, untimed: opens the socket, compiles the path.
            }

            long sentBefore = a2s.Statistics.Sent, receivedBefore = a2s.Statistics.Received;
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            int answered = 0, failed = 0;
            A2SException? firstError = null;
            await foreach (A2SResult<ServerInfo> result in a2s.QueryInfoManyAsync(endPoints))
            {
                if (result.IsSuccess)
                {
                    answered++;
                }
                else
                {
                    failed++;
                    firstError ??= result.Error;
                }
            }

            double seconds = clock.Elapsed.TotalSeconds;
            long datagrams = a2s.Statistics.Sent - sentBefore + a2s.Statistics.Received - receivedBefore;
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            long rssAfter = ResidentBytes();
            Console.WriteLine($"a2s-pool: {servers} servers, {concurrency} in flight: {answered} answered, {failed} failed{(firstError is null ? "" : $" ({firstError.Message})")}");
            Console.WriteLine($"  time to all answers {seconds * 1000:F0} ms; {datagrams / seconds:F0} datagrams/s ({datagrams} datagrams); retries off");
            Console.WriteLine($"  client process: RSS {rssAfter / 1024.0 / 1024.0:F1} MiB (+{(rssAfter - rssBefore) / 1024.0 / 1024.0:F1} MiB during the queries), managed heap {GC.GetTotalMemory(false) / 1024.0 / 1024.0:F1} MiB, peak RSS {PeakResidentBytes() / 1024.0 / 1024.0:F1} MiB; allocated {allocated / (double)servers:F0} B per server");
            // A second poll of the same servers, as a monitor does: the client remembers each server's challenge, so
            // this one takes one round trip and two datagrams per server.
            long sentSecond = a2s.Statistics.Sent, receivedSecond = a2s.Statistics.Received;
            var again = Stopwatch.StartNew();
            int answeredAgain = 0;
            await foreach (A2SResult<ServerInfo> result in a2s.QueryInfoManyAsync(endPoints))
            {
                answeredAgain += result.IsSuccess ? 1 : 0;
            }

            long datagramsAgain = a2s.Statistics.Sent - sentSecond + a2s.Statistics.Received - receivedSecond;
            Console.WriteLine($"  second poll: {answeredAgain} answered in {again.Elapsed.TotalMilliseconds:F0} ms ({datagramsAgain} datagrams)");
            Console.WriteLine($"{seconds * 1000:F0}");
            return failed == 0 ? 0 : 1;
        }
        finally
        {
            farm.StandardInput.Close(); // the farm stops when its input closes
            await farm.WaitForExitAsync();
        }
    }

    /// <summary>The child: N UDP sockets, each a server that answers INFO after a challenge; prints each port, stops when stdin closes.</summary>
    public static async Task<int> FarmAsync(int servers)
    {
        byte[] challenge = [0xFF, 0xFF, 0xFF, 0xFF, (byte)'A', 0x4D, 0x3C, 0x2B, 0x1A];
        var sockets = new List<Socket>(servers);
        var loops = new List<Task>(servers);
        for (int i = 0; i < servers; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            sockets.Add(socket);
            int port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            Console.WriteLine(port);
            loops.Add(ServeAsync(socket, Info($"farm server {i}", port), challenge));
        }

        Console.Out.Flush();
        await Console.In.ReadToEndAsync();
        foreach (Socket socket in sockets)
        {
            socket.Dispose();
        }

        await Task.WhenAll(loops);
        return 0;
    }

    private static async Task ServeAsync(Socket socket, byte[] info, byte[] challenge)
    {
        byte[] buffer = new byte[1500];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        int expected = BinaryPrimitives.ReadInt32LittleEndian(challenge.AsSpan(5));
        try
        {
            while (true)
            {
                SocketReceiveFromResult request = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any);
                bool hasChallenge = request.ReceivedBytes >= 29 && BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(25)) == expected;
                await socket.SendToAsync(hasChallenge ? info : challenge, SocketFlags.None, request.RemoteEndPoint);
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
        }
    }

    private static byte[] Info(string name, int port)
    {
        var bytes = new List<byte> { 0xFF, 0xFF, 0xFF, 0xFF, (byte)'I', 17 };
        foreach (string text in new[] { name, "de_dust2", "csgo", "Counter-Strike 2" })
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(text));
            bytes.Add(0);
        }

        bytes.AddRange([0xDA, 0x02, 10, 24, 2, (byte)'d', (byte)'l', 0, 1]);
        bytes.AddRange(Encoding.UTF8.GetBytes("1.40.0.0"));
        bytes.AddRange([0, 0x80, (byte)port, (byte)(port >> 8)]);
        return [.. bytes];
    }

    private static long ResidentBytes() => StatusField("VmRSS:");

    private static long PeakResidentBytes() => StatusField("VmHWM:");

    private static long StatusField(string field)
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
