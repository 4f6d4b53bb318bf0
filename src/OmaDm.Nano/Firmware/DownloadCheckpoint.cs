namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// Called when a download learnt something a resume needs (total length, header, ETag), so the
    /// owner persists <paramref name="job"/> before more data goes into the slot.
    /// </summary>
    /// <param name="job">The job, updated.</param>
    public delegate void DownloadCheckpoint(DownloadJob job);
}
