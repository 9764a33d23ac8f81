using System.IO;

namespace Privacy.Cli;

/// <summary>The streams a command reads and writes; the process's own by default, in-memory ones in tests.</summary>
/// <param name="Input">Standard input.</param>
/// <param name="Output">Standard output as bytes, for JSON Lines.</param>
/// <param name="Out">Standard output as text (help, human-readable answers); writes straight through to <paramref name="Output"/>.</param>
/// <param name="Error">Standard error, for diagnostics.</param>
internal sealed record CliIO(Stream Input, Stream Output, TextWriter Out, TextWriter Error);
