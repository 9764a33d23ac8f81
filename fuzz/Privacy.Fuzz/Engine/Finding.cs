using System;
using System.Linq;
using System.Security.Cryptography;

namespace Privacy.Fuzz.Engine;

/// <summary>What kind of promise an input broke.</summary>
public enum FindingKind
{
    /// <summary>An exception other than the parser's documented error escaped.</summary>
    Crash,

    /// <summary>The input was answered, but wrongly (see <see cref="FuzzOracleException"/>).</summary>
    Oracle,

    /// <summary>The input took longer than the time budget.</summary>
    Hang,
}

/// <summary>One input that broke a promise, with what happened.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Kind">What kind of finding.</param>
/// <param name="ExceptionType">The exception's type, or <c>hang</c>.</param>
/// <param name="Message">The exception's message, first line.</param>
/// <param name="StackTop">The first frame of the project's own code in the stack trace.</param>
/// <param name="Input">The input.</param>
public sealed record Finding(string Target, FindingKind Kind, string ExceptionType, string Message, string StackTop, byte[] Input)
{
    /// <summary>Findings with the same signature are the same bug: kind, exception type and where it was thrown.</summary>
    public string Signature => Kind == FindingKind.Oracle ? $"{Kind}:{OracleClass(Message)}" : $"{Kind}:{ExceptionType}@{StackTop}";

    /// <summary>A stable file name for the input: its hash.</summary>
    public string FileName => Convert.ToHexStringLower(SHA256.HashData(Input))[..16] + ".input";

    /// <summary>Builds a finding from an exception.</summary>
    public static Finding FromException(string target, Exception exception, byte[] input)
    {
        var kind = exception is FuzzOracleException ? FindingKind.Oracle : FindingKind.Crash;
        return new Finding(target, kind, exception.GetType().FullName ?? exception.GetType().Name, FirstLine(exception.Message), StackTopOf(exception), input);
    }

    /// <summary>The first frame in the project's own code (not the fuzzer's, not the runtime's), else the first frame.</summary>
    public static string StackTopOf(Exception exception)
    {
        var frames = (exception.StackTrace ?? string.Empty).Split('\n').Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
        var own = frames.FirstOrDefault(f => f.StartsWith("at Privacy.", StringComparison.Ordinal) && !f.StartsWith("at Privacy.Fuzz.", StringComparison.Ordinal));
        var frame = own ?? frames.FirstOrDefault() ?? "(no stack)";
        var inFile = frame.IndexOf(" in ", StringComparison.Ordinal);
        frame = inFile > 0 ? frame[..inFile] : frame;
        return frame.StartsWith("at ", StringComparison.Ordinal) ? frame[3..] : frame;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    /// <summary>The part of an oracle message before the first colon: the promise broken, without the input's details.</summary>
    private static string OracleClass(string message)
    {
        var end = message.IndexOf(':', StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
