using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Benchmarks.Storage;

/// <summary>
/// In-memory <see cref="IFlashFiles"/> that counts what reaches "flash": bytes written, write calls,
/// files created. Keeps the benchmark about the store's CPU and bytes, not the host disk.
/// </summary>
public sealed class CountingMemoryFlash : IFlashFiles
{
    private readonly Dictionary<string, byte[]> files = new(StringComparer.Ordinal);

    /// <summary>Bytes handed to Write so far.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Write calls so far.</summary>
    public long WriteCalls { get; private set; }

    /// <summary>Files created so far.</summary>
    public long Creates { get; private set; }

    /// <summary>Current total size of all files.</summary>
    public long BytesStored => files.Values.Sum(f => (long)f.Length);

    /// <inheritdoc />
    public Stream OpenRead(string name) => files.TryGetValue(name, out var bytes) ? new MemoryStream(bytes, writable: false) : null!;

    /// <inheritdoc />
    public Stream Create(string name)
    {
        Creates++;
        files[name] = [];
        return new WriteStream(this, name);
    }

    /// <inheritdoc />
    public bool Exists(string name) => files.ContainsKey(name);

    /// <inheritdoc />
    public void Delete(string name) => files.Remove(name);

    /// <inheritdoc />
    public void Rename(string from, string to)
    {
        if (files.ContainsKey(to) || !files.Remove(from, out var bytes))
        {
            throw new IOException("rename " + from + " -> " + to);
        }
        files[to] = bytes;
    }

    /// <inheritdoc />
    public string[] List() => [.. files.Keys];

    private sealed class WriteStream(CountingMemoryFlash owner, string name) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            owner.BytesWritten += count;
            owner.WriteCalls++;
            base.Write(buffer, offset, count);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                owner.files[name] = ToArray();
            }
            base.Dispose(disposing);
        }
    }
}
