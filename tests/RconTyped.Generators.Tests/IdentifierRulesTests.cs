using RconTyped.Generators.Parsing;

namespace RconTyped.Generators.Tests;

public class IdentifierRulesTests
{
    [Theory]
    [InlineData("sv_cheats", "SvCheats")]
    [InlineData("maxplayers", "Maxplayers")]
    [InlineData("+attack", "PlusAttack")]
    [InlineData("-attack", "MinusAttack")]
    [InlineData("@panorama_debug", "AtPanoramaDebug")]
    [InlineData("_restart", "UnderscoreRestart")]
    [InlineData("3dsky_enable", "N3dskyEnable")]
    [InlineData("cl.interp", "ClInterp")]
    [InlineData("ü_only", "Only")]
    [InlineData("___", "UnderscoreUnderscoreUnderscore")]
    [InlineData("é", "Unnamed")]
    public void Console_names_become_pascal_case_identifiers(string name, string identifier)
    {
        Assert.Equal(identifier, IdentifierRules.ToPascalCase(name));
    }

    [Theory]
    [InlineData("map", "map")]
    [InlineData("user_id", "userId")]
    [InlineData("class", "@class")]
    [InlineData("event", "@event")]
    public void Parameter_names_become_camel_case_and_keywords_are_escaped(string name, string identifier)
    {
        Assert.Equal(identifier, IdentifierRules.ToCamelCase(name));
    }

    [Fact]
    public void Collisions_are_numbered_in_order_and_reserved_names_are_avoided()
    {
        string[] unique = IdentifierRules.MakeUnique(["SvCheats", "SvCheats", "Client", "SvCheats"], new HashSet<string> { "Client" });

        Assert.Equal(["SvCheats", "SvCheats_2", "Client_2", "SvCheats_3"], unique);
    }
}
