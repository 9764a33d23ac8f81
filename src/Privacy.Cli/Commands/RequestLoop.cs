using System;
using System.IO;
using System.Text;
using Privacy.Cli.Requests;
using Privacy.Compilation;

namespace Privacy.Cli.Commands;

/// <summary>
/// Reads JSON Lines requests and hands each one, parsed or failed, to a sink, in input order.
/// Blank lines are skipped; a bad line never stops the others.
/// </summary>
internal static class RequestLoop
{
    public delegate void Decided(string? id, ParsedRequest request, in PrivacyDecision decision);

    /// <returns>True when every line was decided.</returns>
    public static bool Run(Stream input, CompiledPolicy policy, Decided onDecision, Action<string?, PrivacyRequestException> onError)
    {
        var parser = new RequestParser(policy);
        var clean = true;
        using var reader = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string? id = null;
            try
            {
                var request = parser.Parse(line, out id);
                var decision = request.Decide(policy);
                onDecision(id, request, decision);
            }
            catch (PrivacyRequestException e)
            {
                clean = false;
                onError(id, e);
            }
            catch (ArgumentException e)
            {
                // A value the model itself refused (an id with bad syntax, say): still bad input, never a decision.
                clean = false;
                onError(id, new PrivacyRequestException("invalid-field", e.ParamName, $"Line {lineNumber}: {e.Message}"));
            }
        }

        return clean;
    }
}
