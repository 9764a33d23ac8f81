using System;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Text.Unicode;
using Privacy.Cli.Requests;
using Privacy.Compilation;
using Privacy.Serialization;

namespace Privacy.Cli.Commands;

/// <summary>
/// Reads JSON Lines requests and hands each one, parsed or failed, to a sink, in input order.
/// Blank lines are skipped; a bad line never stops the others.
/// </summary>
/// <remarks>
/// Each line is read by the library's request reader (<see cref="RequestJsonReader"/>, what
/// <see cref="PrivacyJson.ReadRequest"/> runs) with the policy's vocabulary, and decided as a host
/// decides a <see cref="PrivacyRequest"/>. Lines are read and parsed as UTF-8 bytes, streamed through
/// one buffer: no line is decoded to a string. Input in UTF-16 or UTF-32 (announced by a byte-order
/// mark) is decoded as text instead, and a line that is not valid UTF-8 is read with replacement
/// characters, as a text reader would.
/// </remarks>
internal static class RequestLoop
{
    /// <summary>
    /// A command that answers the requests in <c>--input</c> against <c>--policy</c>: 64 when either
    /// cannot be opened, otherwise 0 when <paramref name="answer"/> decided every line and 65 when not.
    /// </summary>
    public static Command CreateCommand(string name, string description, CliIO io, Func<CompiledPolicy, Stream, bool> answer)
    {
        var policy = CommonOptions.Policy();
        var input = CommonOptions.Input();
        var command = new Command(name, description) { policy, input };
        command.SetAction(parse =>
        {
            var compiled = PolicyReference.TryLoad(parse.GetValue(policy)!, io.Error);
            if (compiled is null)
            {
                return ExitCodes.Usage;
            }

            var stream = CommonOptions.OpenInput(parse.GetValue(input)!, io);
            if (stream is null)
            {
                return ExitCodes.NoInput;
            }

            using (stream)
            {
                try
                {
                    return answer(compiled, stream) ? ExitCodes.Ok : ExitCodes.BadInput;
                }
                catch (IOException e)
                {
                    // The lines before the failure were answered; the reason goes to standard error.
                    io.Out.Flush();
                    io.Error.WriteLine($"privacy: cannot read input: {TextOutput.Escape(e.Message)}");
                    return ExitCodes.Usage;
                }
            }
        });
        return command;
    }

    public delegate void Decided(string? id, PrivacyRequest request, in PrivacyDecision decision);

    /// <returns>True when every line was decided.</returns>
    public static bool Run(Stream input, CompiledPolicy policy, Decided onDecision, Action<string?, PrivacyRequestException> onError)
    {
        var parser = new RequestJsonReader();
        var lines = new Utf8LineReader(input, InputFiles.MaxLineBytes);
        var start = lines.Peek(4);
        if (start.StartsWith("\uFEFF"u8))
        {
            lines.Skip(3);
        }
        else if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return RunText(lines.Rest(), parser, policy, onDecision, onError);
        }

        var clean = true;
        var lineNumber = 0;
        while (lines.TryReadLine(out var line))
        {
            lineNumber++;
            if (lines.LastLineTooLong)
            {
                onError(null, new PrivacyRequestException("line-too-long", null, $"Line {lineNumber} is {lines.LastLineLength} bytes long; a request line may have at most {InputFiles.MaxLineBytes} bytes (1 MiB)."));
                clean = false;
            }
            else if (Utf8.IsValid(line))
            {
                if (!IsBlank(line))
                {
                    clean &= Decide(line, lineNumber, parser, policy, onDecision, onError);
                }
            }
            else
            {
                var text = Encoding.UTF8.GetString(line);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    clean &= Decide(Encoding.UTF8.GetBytes(text), lineNumber, parser, policy, onDecision, onError);
                }
            }
        }

        return clean;
    }

    private static bool RunText(Stream input, RequestJsonReader parser, CompiledPolicy policy, Decided onDecision, Action<string?, PrivacyRequestException> onError)
    {
        var clean = true;
        using var reader = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (Utf8LineReader.ReadLine(reader, InputFiles.MaxLineChars, out var length) is { } line)
        {
            lineNumber++;
            if (length > InputFiles.MaxLineChars)
            {
                onError(null, new PrivacyRequestException("line-too-long", null, $"Line {lineNumber} is {length} characters long; a request line may have at most {InputFiles.MaxLineChars}."));
                clean = false;
            }
            else if (!string.IsNullOrWhiteSpace(line))
            {
                clean &= Decide(Encoding.UTF8.GetBytes(line), lineNumber, parser, policy, onDecision, onError);
            }
        }

        return clean;
    }

    /// <summary>Whether a line holds only white space, as <see cref="string.IsNullOrWhiteSpace(string)"/> reads it.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        var first = line.IndexOfAnyExcept(" \t\v\f"u8);
        return first < 0 || (line[first] >= 0x80 && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line)));
    }

    private static bool Decide(ReadOnlySpan<byte> line, int lineNumber, RequestJsonReader parser, CompiledPolicy policy, Decided onDecision, Action<string?, PrivacyRequestException> onError)
    {
        string? id = null;
        try
        {
            var request = parser.Read(line, policy.Vocabulary, out id);
            var decision = policy.Decide(request);
            onDecision(id, request, decision);
            return true;
        }
        catch (PrivacyRequestException e)
        {
            onError(id, e);
            return false;
        }
        catch (ArgumentException e)
        {
            // A value the model itself refused (an id with bad syntax, say): still bad input, never a decision.
            onError(id, new PrivacyRequestException("invalid-field", e.ParamName, $"Line {lineNumber}: {e.Message}"));
            return false;
        }
    }
}
