using System.Text;

namespace SkillHost.Server.Cli;

/// <summary>
/// Collects what a renderer writes and passes it on to the real output in blocks of 64 K characters. A
/// console writer flushes on every write, so a report written line by line would cost a system call per
/// line; holding the whole report instead (a StringBuilder) costs its size twice over in memory, which for
/// a large review (a standard library's JSON, tens of megabytes) was a tenth of the run.
/// </summary>
internal sealed class BlockWriter(TextWriter inner) : TextWriter
{
    private const int BlockChars = 1 << 16;

    private readonly char[] _block = new char[BlockChars];
    private int _used;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (_used == _block.Length)
        {
            Pass();
        }

        _block[_used++] = value;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_used == _block.Length)
            {
                Pass();
            }

            var n = Math.Min(buffer.Length, _block.Length - _used);
            buffer[..n].CopyTo(_block.AsSpan(_used));
            _used += n;
            buffer = buffer[n..];
        }
    }

    /// <summary>Passes on what is held and flushes the output.</summary>
    public override void Flush()
    {
        Pass();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Pass();
        }

        base.Dispose(disposing);
    }

    private void Pass()
    {
        if (_used > 0)
        {
            inner.Write(_block, 0, _used);
            _used = 0;
        }
    }
}
