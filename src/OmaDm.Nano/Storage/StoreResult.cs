namespace OmaDm.Nano.Storage
{
    /// <summary>Outcome of a <see cref="RecordStore"/> call. Logged and compared by callers: never renumber.</summary>
    public enum StoreResult
    {
        /// <summary>Done: the state on flash is the state in memory.</summary>
        Success = 0,

        /// <summary><see cref="RecordStore.Load"/> has not succeeded yet; nothing was written.</summary>
        NotLoaded = 1,

        /// <summary>A file primitive failed while writing; the staged changes are kept and nothing became visible.</summary>
        WriteFailed = 2,

        /// <summary>The store's folder could not be listed or read; the store stays unloaded. Retry Load.</summary>
        ReadFailed = 3,

        /// <summary>The commit would take the live data past the store's byte bound; nothing was written, changes stay staged.</summary>
        StoreFull = 4
    }
}
