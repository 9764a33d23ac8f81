using System;

namespace Privacy.Tests.Vocabulary;

public class IdTests
{
    [Theory]
    [InlineData("personal")]
    [InlineData("personal.log.ip-address")]
    [InlineData("a1.b-2")]
    public void Parse_ValidId_RoundTrips(string text)
    {
        var id = DataCategoryId.Parse(text);
        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
        Assert.True(DataCategoryId.TryParse(text, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Personal")]
    [InlineData("personal..email")]
    [InlineData(".personal")]
    [InlineData("personal.")]
    [InlineData("personal email")]
    [InlineData("-personal")]
    public void Parse_InvalidId_ThrowsNamingTheValue(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => new PurposeId(text));
        Assert.Equal("value", error.ParamName);
        Assert.False(PurposeId.TryParse(text, out var id));
        Assert.True(id.IsDefault);
    }

    [Fact]
    public void Parse_Null_Throws() => Assert.Throws<ArgumentNullException>(() => new RecipientId(null!));

    [Theory]
    [InlineData("personal.email", "personal", true)]
    [InlineData("personal.email", "personal.email", true)]
    [InlineData("personal", "personal.email", false)]
    [InlineData("personality", "personal", false)]
    [InlineData("personal-data.email", "personal", false)]
    public void IsWithin_FollowsTheDotHierarchy(string id, string ancestor, bool expected)
        => Assert.Equal(expected, new DataCategoryId(id).IsWithin(new DataCategoryId(ancestor)));

    [Fact]
    public void Parent_IsTheIdOneLevelUp()
    {
        Assert.Equal(new PurposeId("marketing"), new PurposeId("marketing.own").Parent);
        Assert.Null(new PurposeId("marketing").Parent);
    }

    [Fact]
    public void Equality_IsOrdinalByValue()
    {
        Assert.Equal(new ClauseId("rights.erasure"), new ClauseId("rights.erasure"));
        Assert.True(new ClauseId("a") < new ClauseId("b"));
        Assert.NotEqual(new ClauseId("a"), default);
        Assert.Equal(0, default(ClauseId).GetHashCode());
    }
}
