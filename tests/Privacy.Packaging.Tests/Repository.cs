using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Privacy.Packaging.Tests;

/// <summary>The repository these tests run in, and its scripts.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Runs an eng/ script with bash and returns its exit code and combined output.</summary>
    public static (int ExitCode, string Output) RunScript(string script, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };

        // Leave no MSBuild worker nodes running after the script.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.ArgumentList.Add(PathOf("eng", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"eng/{script} did not finish within {timeout}.");
        }

        Task.WaitAll(output, error);
        return (process.ExitCode, output.Result + error.Result);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Privacy.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The tests must run inside the repository.");
    }
}
