using System;
using System.IO;

namespace Privacy.Cli.Requests;

/// <summary>
/// Reads a stream line by line as UTF-8 bytes, without decoding to strings: lines end at <c>\n</c>,
/// <c>\r\n</c> or a lone <c>\r</c>, as <see cref="TextReader.ReadLine"/> splits them. Memory stays
/// at one buffer the size of the longest line, however long the input; a line longer than
/// <paramref name="maxLineBytes"/> is skipped to its end and reported by <see cref="LastLineTooLong"/>.
/// </summary>
internal sealed class Utf8LineReader(Stream input, int maxLineBytes = int.MaxValue)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Reads the first bytes, to look for a byte-order mark, before any line is read.</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        while (_end - _start < count && !_eof)
        {
            Fill();
        }

        return _buffer.AsSpan(_start, Math.Min(count, _end - _start));
    }

    /// <summary>Skips bytes already peeked.</summary>
    public void Skip(int count) => _start += count;

    /// <summary>Whether the line just read was longer than the limit: it is then empty, its bytes skipped.</summary>
    public bool LastLineTooLong { get; private set; }

    /// <summary>The length in bytes of the line just read, also when it was too long and skipped.</summary>
    public long LastLineLength { get; private set; }

    /// <summary>The next line, without its line break; valid until the next call.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        LastLineTooLong = false;
        long dropped = 0;
        while (true)
        {
            var data = _buffer.AsSpan(_start, _end - _start);
            var i = data.IndexOfAny((byte)'\r', (byte)'\n');

            // A \r at the end of what has been read may be the first half of \r\n: read on before deciding.
            if (i >= 0 && !(data[i] == (byte)'\r' && i == data.Length - 1 && !_eof))
            {
                line = End(data[..i], dropped);
                _start += i + (data[i] == (byte)'\r' && i + 1 < data.Length && data[i + 1] == (byte)'\n' ? 2 : 1);
                return true;
            }

            if (_eof)
            {
                line = End(data, dropped);
                _start = _end;
                return data.Length > 0 || dropped > 0;
            }

            // A line past the limit is dropped as it is read, so memory stays bounded (a trailing \r is kept for the \r\n check).
            if (dropped + data.Length > maxLineBytes)
            {
                var drop = data.Length - (data.Length > 0 && data[^1] == (byte)'\r' ? 1 : 0);
                dropped += drop;
                _start += drop;
            }

            Fill();
        }
    }

    private ReadOnlySpan<byte> End(ReadOnlySpan<byte> rest, long dropped)
    {
        LastLineLength = dropped + rest.Length;
        LastLineTooLong = LastLineLength > maxLineBytes;
        return LastLineTooLong ? default : rest;
    }

    /// <summary>The bytes not read yet as lines, followed by the rest of the stream (read as it is consumed, not copied).</summary>
    public Stream Rest() => new RestStream(_buffer.AsMemory(_start, _end - _start), input);

    /// <summary>
    /// Reads one line of text, as <see cref="TextReader.ReadLine"/> splits them, keeping at most
    /// <paramref name="maxChars"/> characters: a longer line is read to its end and dropped.
    /// </summary>
    /// <returns>The line; null at the end of the text.</returns>
    public static string? ReadLine(TextReader reader, int maxChars, out long length)
    {
        var line = new System.Text.StringBuilder();
        length = 0;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n' || c == '\r')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                return length > maxChars ? string.Empty : line.ToString();
            }

            if (++length <= maxChars)
            {
                line.Append((char)c);
            }
        }

        return length == 0 ? null : length > maxChars ? string.Empty : line.ToString();
    }

    private sealed class RestStream(ReadOnlyMemory<byte> buffered, Stream input) : Stream
    {
        private ReadOnlyMemory<byte> _buffered = buffered;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_buffered.IsEmpty)
            {
                return input.Read(buffer);
            }

            var n = Math.Min(buffer.Length, _buffered.Length);
            _buffered.Span[..n].CopyTo(buffer);
            _buffered = _buffered[n..];
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
