using Privacy.Cli;

namespace Privacy.Tests;

public class TextOutputTests
{
    [Theory]
    [InlineData("plain.id", "plain.id")]
    [InlineData("a\nb", @"a\nb")]
    [InlineData("a\r\nPERMIT", @"a\r\nPERMIT")]
    [InlineData("\u001b[2K", @"\u001B[2K")]
    [InlineData("back\\slash", @"back\\slash")]
    [InlineData("\u202Eevil", @"\u202Eevil")]
    [InlineData("\u0085next", @"\u0085next")]
    [InlineData("pair\ud83d\ude00", "pair\ud83d\ude00")]
    [InlineData("café", "café")]
    public void Escape_ControlAndFormattingCharacters_WrittenAsEscapes(string text, string expected)
        => Assert.Equal(expected, TextOutput.Escape(text));

    [Fact]
    public void Escape_LoneSurrogates_WrittenAsEscapes()
    {
        var text = "half" + (char)0xD800 + "low" + (char)0xDC00;

        Assert.Equal(@"half\uD800low\uDC00", TextOutput.Escape(text));
    }

    [Fact]
    public void Escape_VeryLongValue_CutAndCounted()
    {
        var escaped = TextOutput.Escape(new string('x', TextOutput.MaxValueLength + 5));

        Assert.StartsWith(new string('x', TextOutput.MaxValueLength), escaped, System.StringComparison.Ordinal);
        Assert.EndsWith("(5 more characters)", escaped, System.StringComparison.Ordinal);
    }
}
