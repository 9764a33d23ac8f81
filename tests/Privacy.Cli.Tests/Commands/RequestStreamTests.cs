using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Privacy.Cli.Requests;

namespace Privacy.Tests.Commands;

/// <summary>How <c>privacy decide</c> reads its input stream: line breaks, encodings and long lines, as a text reader would.</summary>
public class RequestStreamTests
{
    private const string Line = """{"id":"r","action":"communicate","at":"2026-03-01T09:00:00Z","message":"marketing","channel":"email"}""";

    private static (int ExitCode, string[] Lines) Decide(byte[] input)
    {
        using var stdin = new MemoryStream(input);
        using var output = new MemoryStream();
        using var text = new StreamWriter(output, new UTF8Encoding(false), 1024, leaveOpen: true) { AutoFlush = true };
        using var error = new StringWriter();
        var code = Privacy.Cli.CliApp.Run(["decide"], new Privacy.Cli.CliIO(stdin, output, text, error));
        return (code, Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Effect(string line) => JsonDocument.Parse(line).RootElement.GetProperty("effect").GetString()!;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Decide_AnyLineBreak_DecidesEveryLine(string lineBreak)
    {
        var (code, lines) = Decide(Encoding.UTF8.GetBytes(string.Join(lineBreak, Line, Line, Line)));
        Assert.Equal(0, code);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.Equal("permit", Effect(l)));
    }

    [Fact]
    public void Decide_Utf8ByteOrderMark_IsSkipped()
    {
        var (code, lines) = Decide([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Line + "\n" + Line)]);
        Assert.Equal(0, code);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void Decide_Utf16WithByteOrderMark_IsDecodedAsText()
    {
        var (code, lines) = Decide([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Line + "\r\n" + Line)]);
        Assert.Equal(0, code);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Equal("permit", Effect(l)));
    }

    [Fact]
    public void Decide_InvalidUtf8InAString_ReadsItWithReplacementCharacters()
    {
        var bytes = Encoding.UTF8.GetBytes(Line.Replace("\"id\":\"r\"", "\"id\":\"r#\"", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
        var (code, lines) = Decide(bytes);
        Assert.Equal(0, code);
        Assert.Equal("r\uFFFD", JsonDocument.Parse(lines.Single()).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Decide_LineOfUnicodeWhiteSpace_IsSkippedAsBlank()
    {
        var (code, lines) = Decide(Encoding.UTF8.GetBytes("\u00A0\u2003 \t\n" + Line));
        Assert.Equal(0, code);
        Assert.Single(lines);
    }

    [Fact]
    public void Decide_LineLongerThanTheReadBuffer_IsDecided()
    {
        var id = new string('x', 200_000);
        var (code, lines) = Decide(Encoding.UTF8.GetBytes(Line.Replace("\"id\":\"r\"", $"\"id\":\"{id}\"", StringComparison.Ordinal) + "\n" + Line));
        Assert.Equal(0, code);
        Assert.Equal(2, lines.Length);
        Assert.Equal(id, JsonDocument.Parse(lines[0]).RootElement.GetProperty("id").GetString());
    }

    [Property(MaxTest = 300)]
    public Property TryReadLine_AnyTextAndChunking_SplitsAsStringReader()
    {
        var texts = Gen.ArrayOf(Gen.Elements("a", "é", "\r", "\n", "\r\n", " ")).Select(parts => string.Concat(parts));
        return Prop.ForAll(texts.ToArbitrary(), Gen.Choose(1, 7).ToArbitrary(), (text, chunk) =>
        {
            var expected = new List<string>();
            using (var reader = new StringReader(text))
            {
                while (reader.ReadLine() is { } l)
                {
                    expected.Add(l);
                }
            }

            var actual = new List<string>();
            var lines = new Utf8LineReader(new ChunkedStream(Encoding.UTF8.GetBytes(text), chunk));
            while (lines.TryReadLine(out var l))
            {
                actual.Add(Encoding.UTF8.GetString(l));
            }

            return expected.SequenceEqual(actual).Label($"expected [{string.Join("|", expected)}], read [{string.Join("|", actual)}]");
        });
    }

    /// <summary>A stream that hands out at most a few bytes a read, as a pipe may.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
