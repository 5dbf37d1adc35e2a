using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RconTyped.AspNetCore;
using RconTyped.Logs;

namespace RconTyped.Benchmarks;

/// <summary>
/// <c>--hostile-http N</c>: a <see cref="RconHttpLogListener"/> holding N hostile connections (headers that never end, a body
/// that never comes, a host nobody serves, in turn), and a real server's post beside them: the time to its answer (20
/// posts: median and slowest) and to its event, and the process's memory before and after the connections opened.
/// </summary>
internal static class HostileHttpRun
{
    public static async Task<int> RunAsync(int count)
    {
        await using var listener = new RconHttpLogListener(new RconLogListenerOptions { BindAddress = IPAddress.Loopback });
        await listener.StartAsync();
        string host = listener.Uri.Authority;
        string[] hostile =
        [
            $"POST / HTTP/1.1\r\nHost: {host}\r\nContent-Type: text/plain\r\n",
            $"POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 100000\r\n\r\n11/30/2026 - 12:00:00.000 - ",
            "POST /elsewhere HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 10\r\n\r\n",
        ];

        long before = Process.GetCurrentProcess().WorkingSet64;
        var sockets = new List<Socket>(count);
        try
        {
            for (int i = 0; i < count; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, listener.Port));
                await socket.SendAsync(Encoding.ASCII.GetBytes(hostile[i % hostile.Length]));
                sockets.Add(socket);
            }

            await Task.Delay(500);
            long after = Process.GetCurrentProcess().WorkingSet64;
            using var http = new HttpClient();
            await using IAsyncEnumerator<LogEvent> events = listener.ReadAllAsync().GetAsyncEnumerator();
            var answers = new List<double>();
            var delivered = new List<double>();
            for (int i = 0; i < 20; i++)
            {
                var clock = Stopwatch.StartNew();
                using var content = new StringContent($"11/30/2026 - 12:00:{i:00}.000 - World triggered \"Round_Start\"\n", Encoding.UTF8, "text/plain");
                using HttpResponseMessage response = await http.PostAsync(listener.Uri, content);
                answers.Add(clock.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode || !await events.MoveNextAsync())
                {
                    Console.Error.WriteLine($"post {i}: {(int)response.StatusCode}");
                    return 1;
                }

                delivered.Add(clock.Elapsed.TotalMilliseconds);
            }

            answers.Sort();
            delivered.Sort();
            Console.WriteLine($"{count} hostile connections held (working set {before / 1048576.0:F1} -> {after / 1048576.0:F1} MiB, {(after - before) / 1024.0 / Math.Max(count, 1):F1} KiB each)");
            Console.WriteLine($"valid post answered: median {answers[10]:F2} ms, slowest {answers[^1]:F2} ms; its event delivered: median {delivered[10]:F2} ms, slowest {delivered[^1]:F2} ms (20 posts)");
            Console.WriteLine($"statistics: {listener.Statistics}");
            return 0;
        }
        finally
        {
            foreach (Socket socket in sockets)
            {
                socket.Dispose();
            }
        }
    }
}
