using System;
using System.IO;
using Privacy.Documents;
using Privacy.Policies;

namespace Privacy.DependencyInjection;

/// <summary>Reads a policy document for the provider: regular files only, bounded in size, never blocking on a FIFO or device.</summary>
internal static class PolicyFile
{
    /// <summary>Reads the whole file.</summary>
    /// <exception cref="PolicyValidationException">The path is missing, a directory, empty or not a regular file (a FIFO or device reports a size of 0), too large, or unreadable.</exception>
    public static byte[] Read(string path)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                // A symbolic link (such as a ConfigMap's policy.json -> ..data/policy.json): judge the file it leads to.
                info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
            }

            if (!info.Exists)
            {
                throw Unreadable(path, Directory.Exists(path) ? "it is a directory, not a file" : "the file does not exist");
            }

            // A FIFO, a character device such as /dev/zero and an empty file all report a size of 0: none is a
            // policy document, and opening the first would block until a writer came along.
            if (info.Length == 0)
            {
                throw Unreadable(path, "it is empty or not a regular file (a FIFO or a device)");
            }

            if (info.Length > PolicyDocument.MaxBytes)
            {
                throw new PolicyValidationException([new PolicyProblem(string.Empty, "too-large", $"The policy document '{path}' is larger than {PolicyDocument.MaxBytes} bytes (4 MiB).")]);
            }

            using var file = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            var buffer = new byte[info.Length];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = file.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            // The file may have shrunk while it was being read (an editor truncating it); the caller checks again later.
            return total == buffer.Length ? buffer : buffer.AsSpan(0, total).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Unreadable(path, e.Message);
        }
    }

    private static PolicyValidationException Unreadable(string path, string why)
        => new([new PolicyProblem(string.Empty, "unreadable", $"Cannot read the policy document '{path}': {why}.")]);
}
