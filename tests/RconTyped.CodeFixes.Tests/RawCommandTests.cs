using Microsoft.CodeAnalysis.Testing;

namespace RconTyped.CodeFixes.Tests;

public class RawCommandTests
{
    private static string Code(string body) => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using RconTyped;

        public static class Admin
        {
            public static async Task RunAsync(GameServer server, RconClient client, CancellationToken token, int n, string text)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task A_raw_status_whose_answer_is_unused_becomes_GetStatusAsync_on_a_server_or_a_client()
    {
        await Verify.FixAsync(
            Code("await {|RCON001:server.ExecuteAsync(\"status\", token)|};\n        await {|RCON001:client.ExecuteAsync(\"status\")|};"),
            Code("await server.GetStatusAsync(token);\n        await client.GetStatusAsync();"));
    }

    [Fact]
    public async Task A_raw_status_whose_text_is_used_is_flagged_but_not_rewritten()
    {
        await Verify.NoFixAsync(Code("string answer = await {|RCON001:client.ExecuteAsync(\"status\")|};"));
    }

    [Fact]
    public async Task Status_with_arguments_or_sent_without_waiting_is_not_flagged()
    {
        await Verify.NoFixAsync(Code("await client.ExecuteAsync(\"status extra\");\n        await client.SendAsync(\"status\");"));
    }

    [Fact]
    public async Task A_command_with_a_declared_answer_is_rewritten_only_where_the_text_is_unused()
    {
        await Verify.FixAsync(
            Code("await {|RCON001:server.ExecuteAsync(\"users\", token)|};"),
            Code("await server.UsersAsync(cancellationToken: token);"));
        await Verify.NoFixAsync(Code("string answer = await {|RCON001:server.ExecuteAsync(\"users\")|};"));
    }

    [Fact]
    public async Task A_set_becomes_SetAsync_with_a_typed_value()
    {
        await Verify.FixAsync(
            Code("await {|RCON001:server.ExecuteAsync(\"maxplayers 16\")|};"),
            Code("await server.Maxplayers.SetAsync(16);"));
    }

    [Fact]
    public async Task The_token_ConfigureAwait_and_trivia_are_kept()
    {
        await Verify.FixAsync(
            Code("await /* before */ {|RCON001:server.ExecuteAsync(\"sv_cheats 1\", token)|}.ConfigureAwait(false); // after"),
            Code("await /* before */ server.SvCheats.SetAsync(true, token).ConfigureAwait(false); // after"));
    }

    [Fact]
    public async Task A_bare_name_becomes_GetAsync_when_the_result_is_unused()
    {
        await Verify.FixAsync(
            Code("await {|RCON001:server.ExecuteAsync(\"sv_cheats\")|};"),
            Code("await server.SvCheats.GetAsync();"));
    }

    [Fact]
    public async Task A_bare_name_whose_result_is_used_as_text_is_flagged_but_not_rewritten()
    {
        await Verify.NoFixAsync(Code("string answer = await {|RCON001:server.ExecuteAsync(\"sv_cheats\")|};"));
    }

    [Fact]
    public async Task A_command_becomes_its_method_even_when_the_answer_is_used()
    {
        await Verify.FixAsync(
            Code("string answer = await {|RCON001:server.ExecuteAsync(\"changelevel de_dust2\", token)|};"),
            Code("string answer = await server.ChangelevelAsync(\"de_dust2\", cancellationToken: token);"));
    }

    [Fact]
    public async Task A_dump_only_command_keeps_its_words()
    {
        await Verify.FixAsync(
            Code("await {|RCON001:server.ExecuteAsync(\"kick \\\"Bad Player\\\" now\", token)|};"),
            Code("await server.KickAsync(token, \"Bad Player\", \"now\");"));
    }

    [Fact]
    public async Task An_interpolated_value_that_converts_is_passed_through()
    {
        await Verify.FixAsync(
            Code("await {|RCON001:server.ExecuteAsync($\"maxplayers {n}\")|};"),
            Code("await server.Maxplayers.SetAsync(n);"));
    }

    [Fact]
    public async Task An_interpolated_value_that_does_not_convert_is_left_alone()
    {
        await Verify.NoFixAsync(Code("await server.ExecuteAsync($\"maxplayers {text}\");"));
    }

    [Theory]
    [InlineData("maxplayers 16; sv_cheats 1")]
    [InlineData("echo hi")]
    [InlineData("maxplayers 1 2")]
    [InlineData("changelevel")]
    public async Task Chained_unknown_or_unmappable_commands_get_nothing(string command)
    {
        await Verify.NoFixAsync(Code($"await server.ExecuteAsync(\"{command}\");"));
    }

    [Theory]
    [InlineData("maxplayers 500")]
    [InlineData("maxplayers 0")]
    [InlineData("maxplayers lots")]
    [InlineData("sv_cheats maybe")]
    public async Task An_impossible_raw_value_is_RCON002_without_a_fix(string command)
    {
        await Verify.NoFixAsync(Code($"await {{|RCON002:server.ExecuteAsync(\"{command}\")|}};"));
    }

    [Fact]
    public async Task An_out_of_range_typed_value_is_RCON002()
    {
        await Verify.NoFixAsync(Code("await server.Maxplayers.SetAsync({|RCON002:500|});\nawait server.Maxplayers.SetAsync(64);"));
    }

    [Fact]
    public async Task A_plain_client_is_told_which_server_type_has_the_member_without_a_rewrite()
    {
        await Verify.NoFixAsync(
            Code("await {|#0:client.ExecuteAsync(\"maxplayers 16\")|};"),
            Verify.Diagnostic("RCON001").WithLocation(0).WithArguments("maxplayers 16", "GameServer.Maxplayers.SetAsync(16)"));
    }

    [Fact]
    public async Task SendAsync_is_flagged_but_not_rewritten_since_the_typed_call_waits_for_the_answer()
    {
        await Verify.NoFixAsync(Code("await {|RCON001:server.Client.SendAsync(\"sv_cheats 1\")|};"));
    }

    [Fact]
    public async Task The_message_names_the_typed_member()
    {
        await Verify.FixAsync(
            Code("await {|#0:server.ExecuteAsync(\"sv_gravity 600\")|};"),
            Code("await server.SvGravity.SetAsync(600.0);"),
            Verify.Diagnostic("RCON001").WithLocation(0).WithArguments("sv_gravity 600", "SvGravity.SetAsync(600.0)"));
    }

    [Fact]
    public async Task Fix_all_rewrites_every_call_in_the_document()
    {
        await Verify.FixAsync(
            Code("await {|RCON001:server.ExecuteAsync(\"maxplayers 16\")|};\nawait {|RCON001:server.ExecuteAsync(\"hostname \\\"My Server\\\"\")|};\nawait {|RCON001:server.ExecuteAsync(\"changelevel cp_badlands\")|};"),
            Code("await server.Maxplayers.SetAsync(16);\nawait server.Hostname.SetAsync(\"My Server\");\nawait server.ChangelevelAsync(\"cp_badlands\");"));
    }

    [Fact]
    public async Task An_unknown_command_is_RCON003_when_enabled_and_the_schema_is_complete()
    {
        await Verify.DiagnosticsAsync(
            Code("await server.ExecuteAsync({|RCON003:\"sv_chets 1\"|});"),
            "root = true\n[*]\ndotnet_diagnostic.RCON003.severity = suggestion\n");
        Assert.False(new RconTyped.Generators.Analyzers.RawCommandAnalyzer().SupportedDiagnostics.Single(d => d.Id == "RCON003").IsEnabledByDefault);
    }
}
