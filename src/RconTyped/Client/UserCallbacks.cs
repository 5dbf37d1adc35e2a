using Microsoft.Extensions.Logging;
using RconTyped.Logging;

namespace RconTyped;

/// <summary>Runs the caller's event handlers so that one that throws is logged and never breaks the loop that raised it.</summary>
internal static class UserCallbacks
{
    public static void Raise<TArgs>(EventHandler<TArgs>? handlers, object sender, TArgs args, string eventName, ILogger? logger) =>
        RaiseEach(handlers, static (handler, sender, args) => ((EventHandler<TArgs>)handler)(sender, args), sender, args, eventName, logger);

    public static void Raise(EventHandler? handlers, object sender, string eventName, ILogger? logger) =>
        RaiseEach(handlers, static (handler, sender, args) => ((EventHandler)handler)(sender, args), sender, EventArgs.Empty, eventName, logger);

    /// <summary>Each handler on its own, so one that throws does not keep the others from running.</summary>
    private static void RaiseEach<TArgs>(Delegate? handlers, Action<Delegate, object, TArgs> invoke, object sender, TArgs args, string eventName, ILogger? logger)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (Delegate handler in handlers.GetInvocationList())
        {
            try
            {
                invoke(handler, sender, args);
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
