namespace Privacy.Cli;

/// <summary>The exit statuses scripts rely on (sysexits.h values).</summary>
internal static class ExitCodes
{
    /// <summary>Every line decided; a clean check.</summary>
    public const int Ok = 0;

    /// <summary>A finding of error severity, or a significant change.</summary>
    public const int Findings = 1;

    /// <summary>A usage error, or a policy that cannot be loaded (EX_USAGE).</summary>
    public const int Usage = 64;

    /// <summary>Some input line was bad; the others were still answered (EX_DATAERR).</summary>
    public const int BadInput = 65;

    /// <summary>An input file (requests, records, subjects, an incident) is missing or cannot be read (EX_NOINPUT).</summary>
    public const int NoInput = 66;

    /// <summary>The output file cannot be created or written (EX_CANTCREAT).</summary>
    public const int CantCreate = 73;
}
