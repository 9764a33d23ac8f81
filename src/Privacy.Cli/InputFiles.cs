using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Privacy.Cli;

/// <summary>
/// Opens the files named on the command line, with limits: only regular files are read (a directory,
/// a named pipe, a socket or a device such as <c>/dev/zero</c> is refused at once, without waiting
/// for a writer), and every input has a size limit, so that no input can hang the command or exhaust
/// its memory. Standard input (<c>-</c>) may be a pipe; it is read under the same limits.
/// </summary>
internal static partial class InputFiles
{
    /// <summary>The largest single JSON document read (a subject file, an incident, a policy to check): 4 MiB.</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    /// <summary>The longest line of a JSON Lines input (requests, subjects, records): 1 MiB.</summary>
    public const int MaxLineBytes = Privacy.Serialization.RequestJsonReader.MaxBytes;

    /// <summary><see cref="MaxLineBytes"/> for lines already decoded to text.</summary>
    public const int MaxLineChars = MaxLineBytes;

    /// <summary>The largest records file (<c>rights --records</c>) and subjects file (<c>notices</c>, <c>acceptance</c>): 256 MiB.</summary>
    public const long MaxLinesFileBytes = 256L * 1024 * 1024;

    /// <summary>Opens <paramref name="path"/> for reading if it is a regular file; otherwise throws <see cref="IOException"/> saying what it is.</summary>
    public static Stream Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"'{path}' is a directory; give a file.");
        }

        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }

        // open(2) of a named pipe waits for a writer; with O_NONBLOCK it returns at once, and the
        // pipe is then refused because it cannot seek. A device that seeks (/dev/zero) is refused at
        // its first read, which returns more than its length of zero.
        var flags = OperatingSystem.IsLinux() ? LinuxReadOnlyNonBlockCloExec : BsdReadOnlyNonBlockCloExec;
        var fd = OpenNative(path, flags);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                2 => new FileNotFoundException($"Could not find file '{path}'.", path),
                13 => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
                _ => new IOException($"Cannot open '{path}' (error {errno})."),
            };
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        FileStream file;
        try
        {
            file = new FileStream(handle, FileAccess.Read, 1 << 16);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        if (!file.CanSeek)
        {
            file.Dispose();
            throw new IOException($"'{path}' is not a regular file (a named pipe or a socket); give a file, or pipe the data to standard input with '-'.");
        }

        return new RegularFile(file, path);
    }

    /// <summary>Reads a whole UTF-8 text, at most <paramref name="maxBytes"/> bytes, from a file or standard input.</summary>
    public static string ReadText(Stream stream, int maxBytes, string what)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new IOException($"{what} is larger than {maxBytes / (1024 * 1024)} MiB; check that this is the right file.");
            }
        }

        using var text = new StreamReader(new MemoryStream(buffer.GetBuffer(), 0, (int)buffer.Length), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return text.ReadToEnd();
    }

    /// <summary>Reads a whole UTF-8 file, at most <paramref name="maxBytes"/> bytes.</summary>
    public static string ReadText(string path, int maxBytes)
    {
        using var stream = Open(path);
        return ReadText(stream, maxBytes, $"'{path}'");
    }

    /// <summary>A stream that throws once more than <paramref name="maxBytes"/> bytes have been read from it.</summary>
    public static Stream Limit(Stream stream, long maxBytes, string what) => new Limited(stream, maxBytes, what);

    private const int LinuxReadOnlyNonBlockCloExec = 0x800 | 0x80000;
    private const int BsdReadOnlyNonBlockCloExec = 0x4 | 0x1000000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags);

    /// <summary>A regular file read no further than the length it had when opened, plus what was appended while reading.</summary>
    private sealed class RegularFile(FileStream file, string path) : Stream
    {
        private readonly long _length = file.Length;
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = file.Read(buffer);
            _read += read;
            if (_length == 0 && _read > 0 && file.Length == 0)
            {
                // A file of length zero that yields bytes is a device, not a file.
                throw new IOException($"'{path}' is not a regular file (a device); give a file, or pipe the data to standard input with '-'.");
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class Limited(Stream inner, long maxBytes, string what) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            _read += read;
            return _read > maxBytes
                ? throw new IOException($"{what} is larger than {maxBytes / (1024 * 1024)} MiB; check that this is the right file.")
                : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
