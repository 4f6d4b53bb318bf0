using System.IO;

namespace OmaDm.Nano.Storage
{
    /// <summary>
    /// The file-like primitives LittleFS gives on nanoFramework, over one flat folder that belongs to
    /// the store. <see cref="RecordStore"/> is the only user in the core.
    /// </summary>
    /// <remarks>
    /// Failures surface as <see cref="IOException"/> (the store turns them into <see cref="StoreResult"/>
    /// values). Data written to a stream is durable only once the stream is closed: Flush does not fsync
    /// on nanoFramework, Close is the commit point, and there is no File.Replace; the only atomic
    /// primitive is <see cref="Rename"/>.
    /// </remarks>
    public interface IFlashFiles
    {
        /// <summary>Opens a file for reading; null when it does not exist. The caller disposes the stream.</summary>
        Stream OpenRead(string name);

        /// <summary>Creates a file (or truncates an existing one) for writing. Close/Dispose is the commit point.</summary>
        Stream Create(string name);

        /// <summary>True when a file with this name exists.</summary>
        bool Exists(string name);

        /// <summary>Deletes a file; no-op when it does not exist.</summary>
        void Delete(string name);

        /// <summary>Renames a file atomically; <paramref name="to"/> must not exist.</summary>
        void Rename(string from, string to);

        /// <summary>Names (without folder) of the files in the store's folder, in no particular order.</summary>
        string[] List();
    }
}
