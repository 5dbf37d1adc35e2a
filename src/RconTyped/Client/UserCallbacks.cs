using Microsoft.Extensions.Logging;
using RconTyped.Logging;

namespace RconTyped;

/// <summary>Runs the caller's event handlers so that one that throws is logged and never breaks the loop that raised it.</summary>
internal static class UserCallbacks
{
    public static void Raise<TArgs>(EventHandler<TArgs>? handlers, object sender, TArgs args, string eventName, ILogger? logger)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (EventHandler<TArgs> handler in handlers.GetInvocationList().Cast<EventHandler<TArgs>>())
        {
            try
            {
                handler(sender, args);
            }
            catch (Exception e)
            {
                if (logger is not null)
                {
                    Log.CallbackFailed(logger, eventName, e);
                }
            }
        }
    }

    public static void Raise(EventHandler? handlers, object sender, string eventName, ILogger? logger)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (EventHandler handler in handlers.GetInvocationList().Cast<EventHandler>())
        {
            try
            {
                handler(sender, EventArgs.Empty);
            }
            catch (Exception e)
            {
                if (logger is not null)
                {
                    Log.CallbackFailed(logger, eventName, e);
                }
            }
        }
    }
}
