namespace OmaDm.Nano.Tree
{
    /// <summary>How an MO instance comes to exist after a reset. Never renumber.</summary>
    public enum InstanceLifetime
    {
        /// <summary>
        /// Added by app code at every boot (DevInfo, FUMO, app MOs). Not recorded in the store (its leaf
        /// values are); never deletable by a server (DELETE of the instance answers 405).
        /// </summary>
        Static = 0,
        /// <summary>
        /// Recorded in the store (<c>mo-i/&lt;MOID&gt;/&lt;MIID&gt;</c>) and restored by
        /// <see cref="ManagementTree.Load"/>: bootstrapped DM Accounts, instances created by HGET without ClientURI.
        /// Deletable by a server when the MO root node allows <see cref="AccessRights.Delete"/>.
        /// </summary>
        Stored = 1
    }
}
