namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>
/// Reads messages off a stream up to a carriage return. A line feed after it (CRLF servers) or on its own is
/// skipped, so CR, CRLF and LF endings are all accepted.
/// </summary>
internal sealed class Sip2FrameReader(Stream stream, int maxFrameBytes = 64 * 1024)
{
    private readonly byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    /// <summary>The next frame without its terminator, or null when the peer closed the connection between messages.</summary>
    public async Task<byte[]?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var frame = new MemoryStream();
        while (true)
        {
            while (_start < _end)
            {
                var b = _buffer[_start++];
                if (b is (byte)'\r' or (byte)'\n')
                {
                    if (frame.Length > 0)
                    {
                        return frame.ToArray();
                    }

                    continue;
                }

                if (frame.Length >= maxFrameBytes)
                {
                    throw new IOException($"SIP2 message longer than {maxFrameBytes} bytes.");
                }

                frame.WriteByte(b);
            }

            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            if (_end == 0)
            {
                return frame.Length == 0 ? null : throw new IOException("Connection closed in the middle of a SIP2 message.");
            }
        }
    }
}
