using System.Net;
using System.Net.Sockets;

namespace Scalewise.LocalSupport;

/// <summary>
/// Free TCP ports on 127.0.0.1 for the servers a local run or a test starts (Azurite, the Durable Task gRPC sidecar).
/// The operating system chooses them (bind to port 0), so a port in use, by a server or by an outgoing connection's
/// local port, is never handed out; the in-process Durable host's own choice is a random port in 30,000-40,000 that
/// nothing checks, which on a busy machine collides with outgoing connections ("address already in use").
/// </summary>
public static class LocalPorts
{
    /// <summary><paramref name="count"/> distinct free ports (all are held until every one is chosen).</summary>
    public static int[] Free(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>One free port.</summary>
    public static int Free() => Free(1)[0];
}
