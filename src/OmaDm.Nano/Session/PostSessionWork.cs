namespace OmaDm.Nano.Session
{
    /// <summary>
    /// Work an EXEC handler (or the app) queues during a session to run right after it ends, on the
    /// session's thread: e.g. the download of an accepted (202) FUMO EXEC.
    /// </summary>
    /// <param name="client">The client that ran the session: enqueue alerts or request another session through it.</param>
    /// <param name="outcome">How the session ended; work started by a command of an aborted package may choose to drop itself.</param>
    public delegate void PostSessionWork(DmClient client, SessionOutcome outcome);
}
