using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Host.Storage;

/// <summary>
/// <see cref="IFlashFiles"/> over one real directory: the host twin of LittleFS on <c>I:\</c>. Writes go
/// straight to the OS (no stream buffer), Close fsyncs the file, Rename is <c>File.Move</c> without
/// overwrite (an atomic rename(2) on POSIX file systems). Every failure surfaces as <see cref="IOException"/>.
/// </summary>
public sealed class DirectoryFlashFiles : IFlashFiles
{
    /// <summary>Opens (creating if needed) <paramref name="directory"/> as the store's folder.</summary>
    public DirectoryFlashFiles(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        Translate(() => System.IO.Directory.CreateDirectory(Directory));
    }

    /// <summary>Full path of the folder.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public Stream OpenRead(string name)
    {
        var path = PathOf(name);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
        }
        catch (FileNotFoundException)
        {
            return null!; // the contract: null when absent
        }
        catch (DirectoryNotFoundException)
        {
            return null!;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException(ex.Message, ex);
        }
    }

    /// <inheritdoc />
    public Stream Create(string name)
    {
        var path = PathOf(name);
        return Translate(() => new SyncOnCloseStream(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1)));
    }

    /// <inheritdoc />
    public bool Exists(string name) => File.Exists(PathOf(name));

    /// <inheritdoc />
    public void Delete(string name)
    {
        var path = PathOf(name);
        Translate(() => File.Delete(path));
    }

    /// <inheritdoc />
    public void Rename(string from, string to)
    {
        var source = PathOf(from);
        var target = PathOf(to);
        Translate(() => File.Move(source, target, overwrite: false));
    }

    /// <inheritdoc />
    public string[] List()
    {
        return Translate(() => System.IO.Directory.GetFiles(Directory).Select(p => Path.GetFileName(p)).ToArray());
    }

    private string PathOf(string name)
    {
        if (string.IsNullOrEmpty(name) || name != Path.GetFileName(name) || name == "." || name == "..")
        {
            throw new ArgumentException("a plain file name is expected: " + name, nameof(name));
        }
        return Path.Combine(Directory, name);
    }

    private static void Translate(Action action) => Translate(() => { action(); return 0; });

    private static T Translate<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException(ex.Message, ex);
        }
    }

    /// <summary>Makes Close the durable commit point, as on LittleFS: fsync before the handle goes.</summary>
    private sealed class SyncOnCloseStream(FileStream inner) : Stream
    {
        private bool disposed;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => !disposed;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing && !disposed)
            {
                disposed = true;
                try
                {
                    inner.Flush(flushToDisk: true);
                }
                finally
                {
                    inner.Dispose();
                }
            }
            base.Dispose(disposing);
        }
    }
}
