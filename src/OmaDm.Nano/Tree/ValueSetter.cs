namespace OmaDm.Nano.Tree
{
    /// <summary>
    /// Sees a leaf write after format validation and before it is stored. Returns 200 to accept (the tree
    /// then stores and persists the value) or an error status that is answered instead (nothing stored).
    /// </summary>
    /// <param name="instance">The instance being written.</param>
    /// <param name="path">Node path below the instance root.</param>
    /// <param name="value">The validated value bytes (text form; raw bytes for bin). Do not modify.</param>
    public delegate int ValueSetter(MoInstance instance, string path, byte[] value);
}
