using CreditSite.Identifiers;
using CreditSite.Web.Features.Search;

namespace CreditSite.Web.Tests.Search;

public sealed class SearchQueryInterpreterTests
{
    private readonly SearchQueryInterpreter _interpreter = new(new ResidentIdHasher("unit-test-key-0123456789"));

    [Theory]
    [InlineData("914403001922038216", QueryKind.Uscc)]
    [InlineData(" 91330100799655058b ", QueryKind.Uscc)]
    [InlineData("914403001922038217", QueryKind.InvalidIdentifier)]
    [InlineData("11010519491231002X", QueryKind.ResidentId)]
    [InlineData("110105194912310021", QueryKind.InvalidIdentifier)]
    [InlineData("常州恒达建材", QueryKind.Text)]
    [InlineData("internationalizati", QueryKind.Text)]
    [InlineData("\"*AND(", QueryKind.Text)]
    [InlineData("   ", QueryKind.Browse)]
    public void ClassifiesWhatPeopleType(string input, QueryKind expected)
    {
        Assert.Equal(expected, _interpreter.Interpret(input).Kind);
    }

    [Fact]
    public void BrokenUsccSaysWhichCheckFailedAndTheExpectedCharacter()
    {
        var query = _interpreter.Interpret("914403001922038217");

        Assert.Contains("GB 32100", query.Message, StringComparison.Ordinal);
        Assert.Contains("应为“6”", query.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResidentIdIsMatchedByKeyedHashAndOnlyShownMasked()
    {
        var query = _interpreter.Interpret("11010519491231002X");

        Assert.Equal("110105********002X", query.Display);
        Assert.NotNull(query.Identifier?.ResidentIdHash);
        Assert.DoesNotContain("11010519491231002X", query.Identifier!.ResidentIdHash!, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenResidentIdMessageDoesNotEchoTheNumber()
    {
        var query = _interpreter.Interpret("110105194912310021");

        Assert.Equal(QueryKind.InvalidIdentifier, query.Kind);
        Assert.DoesNotContain("110105194912310021", query.Message + query.Display, StringComparison.Ordinal);
        Assert.Contains("GB 11643", query.Message, StringComparison.Ordinal);
    }
}
