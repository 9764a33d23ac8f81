using System.Text;
using Privacy.Fuzz.Targets;

namespace Privacy.Fuzz.Tests.Targets;

public sealed class OraclesTests
{
    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"category\":\"x\",\"categor\\u0079\":\"y\"}")]
    [InlineData("{\"s\":{\"k\":1,\"k\":1}}")]
    [InlineData("{\"id\":\"\\ud800\"}")]
    [InlineData("{\"\\udfff\":1}")]
    [InlineData("[]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":1} x")]
    public void IsWellFormedObject_NotStrictJsonObject_IsFalse(string line)
        => Assert.False(Oracles.IsWellFormedObject(line, out _));

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"a\":{\"a\":1},\"b\":[{\"a\":1},{\"a\":2}]}")]
    [InlineData("{\"id\":\"\\ud83d\\ude00\"}")]
    public void IsWellFormedObject_StrictJsonObject_IsTrue(string line)
        => Assert.True(Oracles.IsWellFormedObject(line, out _));

    [Fact]
    public void NonBlankLines_MixedLineBreaksAndBlankLines_SplitsAsTheCliReads()
    {
        var lines = Oracles.NonBlankLines(Encoding.UTF8.GetBytes("\uFEFFa\r\n\r\n  \rb\nc"));

        Assert.Equal(["a", "b", "c"], lines);
    }

    [Fact]
    public void NonBlankLines_Utf16ByteOrderMark_IsNull()
        => Assert.Null(Oracles.NonBlankLines([0xFF, 0xFE, (byte)'{', 0]));

    [Fact]
    public void ExpectPrintable_EscapeCharacter_Throws()
        => Assert.Throws<FuzzOracleException>(() => Oracles.ExpectPrintable("ok\n\u001b[2K", "test"));
}
