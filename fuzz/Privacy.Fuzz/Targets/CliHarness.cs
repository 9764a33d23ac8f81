using System;
using System.CommandLine;
using System.IO;
using System.Text;
using Privacy.Cli;

namespace Privacy.Fuzz.Targets;

/// <summary>What a command did: its exit status, standard output and standard error.</summary>
public readonly record struct CliResult(int ExitCode, byte[] Output, string Error)
{
    public string OutputText => Encoding.UTF8.GetString(Output);
}

/// <summary>
/// The <c>privacy</c> command tree, built once and invoked in-process with in-memory streams, with the
/// default exception handler off: an exception a command does not handle escapes to the fuzzer.
/// </summary>
internal sealed class CliHarness
{
    private readonly KeptOpenStream _input = new();
    private readonly KeptOpenStream _output = new();
    private readonly StringWriter _error = new();
    private readonly RootCommand _root;

    public CliHarness()
    {
        var text = new StreamWriter(_output, new UTF8Encoding(false), 1024, leaveOpen: true) { AutoFlush = true };
        _root = CliApp.CreateRoot(new CliIO(_input, _output, text, _error));
    }

    /// <summary>Runs the command line <paramref name="args"/> with <paramref name="standardInput"/> as standard input.</summary>
    public CliResult Invoke(byte[] standardInput, params string[] args)
    {
        _input.Load(standardInput);
        _output.SetLength(0);
        _error.GetStringBuilder().Clear();
        var parse = _root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            throw new InvalidOperationException($"The fuzz target's command line is wrong: {parse.Errors[0].Message}");
        }

        var code = parse.Invoke(new InvocationConfiguration { Output = _error, Error = _error, EnableDefaultExceptionHandler = false });
        return new CliResult(code, _output.ToArray(), _error.ToString());
    }

    /// <summary>Commands dispose standard input when done; this one stays usable for the next input.</summary>
    private sealed class KeptOpenStream : MemoryStream
    {
        public void Load(byte[] bytes)
        {
            SetLength(0);
            Write(bytes, 0, bytes.Length);
            Position = 0;
        }

        protected override void Dispose(bool disposing)
        {
            // Kept open on purpose: the harness reuses it.
        }
    }
}
