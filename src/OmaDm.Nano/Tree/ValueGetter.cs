namespace OmaDm.Nano.Tree
{
    /// <summary>
    /// Supplies a leaf value on demand instead of the stored one (e.g. DevInfo from the platform).
    /// Returns the value bytes (UTF-8 text form; raw bytes for <see cref="NodeFormat.Bin"/>) or null for "no value".
    /// The returned array is only read, never kept.
    /// </summary>
    /// <param name="instance">The instance being read.</param>
    /// <param name="path">Node path below the instance root.</param>
    public delegate byte[] ValueGetter(MoInstance instance, string path);
}
