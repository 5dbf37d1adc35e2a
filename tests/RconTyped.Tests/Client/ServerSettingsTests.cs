using System.Reflection;

namespace RconTyped.Tests.Client;

/// <summary>The one settings shape: what it finds wrong, and that a copy carries every setting.</summary>
public class ServerSettingsTests
{
    [Fact]
    public void Each_problem_names_its_setting_and_good_settings_have_none()
    {
        var good = new RconServerSettings { Address = "127.0.0.1:27015", Password = "p", Dialect = "cs2", CommandTimeout = TimeSpan.FromSeconds(5), KeepAliveInterval = TimeSpan.FromMinutes(1) };
        var bad = new RconServerSettings
        {
            Address = "host:port",
            PasswordVariable = "RCONTYPED_UNSET_" + Guid.NewGuid().ToString("N"),
            Dialect = "quake",
            CommandTimeout = TimeSpan.Zero,
            KeepAliveInterval = TimeSpan.FromMinutes(1),
            KeepAliveCommand = " ",
        };

        List<string> problems = bad.FindProblems(_ => null);

        Assert.Empty(good.FindProblems(_ => null));
        Assert.Collection(
            problems,
            p => Assert.StartsWith("Address 'host:port' is not host:port", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Dialect: unknown dialect 'quake'", p, StringComparison.Ordinal),
            p => Assert.StartsWith("PasswordVariable: the environment variable RCONTYPED_UNSET_", p, StringComparison.Ordinal),
            p => Assert.StartsWith("CommandTimeout 00:00:00 is not positive", p, StringComparison.Ordinal),
            p => Assert.StartsWith("KeepAliveCommand is empty", p, StringComparison.Ordinal));
        Assert.Empty(new RconServerSettings { Address = "h", Password = "p", CommandTimeout = Timeout.InfiniteTimeSpan }.FindProblems(_ => null));
    }

    [Fact]
    public void The_password_comes_from_its_variable_first_and_its_absence_says_what_to_set()
    {
        var fromVariable = new RconServerSettings { Address = "h", PasswordVariable = "EU1_RCON", Password = "ignored" };
        var none = new RconServerSettings { Address = "h" };

        Assert.Equal("from-env", fromVariable.ResolvePassword(name => name == "EU1_RCON" ? "from-env" : null));
        var missing = Assert.Throws<InvalidOperationException>(() => none.ResolvePassword(_ => null));
        Assert.Equal("Password: none is set; set PasswordVariable (preferred) or Password.", missing.Message);
    }

    [Fact]
    public void A_copy_carries_every_public_setting()
    {
        var source = new RconServerSettings
        {
            Address = "203.0.113.10:27016",
            PasswordVariable = "EU1_RCON",
            Password = "hunter2",
            Dialect = "cs2",
            CommandTimeout = TimeSpan.FromSeconds(3),
            Reconnect = false,
            KeepAliveInterval = TimeSpan.FromSeconds(45),
            KeepAliveCommand = "echo alive",
        };
        var target = new RconServerSettings();
        PropertyInfo[] settings = typeof(RconServerSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance);

        source.CopyTo(target);

        // Every setting of the source differs from a new instance's, so a property CopyTo forgets fails here.
        Assert.All(settings, p => Assert.NotEqual(p.GetValue(new RconServerSettings()), p.GetValue(source)));
        Assert.All(settings, p => Assert.Equal(p.GetValue(source), p.GetValue(target)));
    }
}
