namespace OmaDm.Nano.Esp32.Settings
{
    /// <summary>Outcome of reading the board's settings file. Logged: never renumber.</summary>
    public enum BoardSettingsResult
    {
        /// <summary>The file was read and parsed.</summary>
        Loaded = 0,

        /// <summary>No file at that path (not deployed yet).</summary>
        Missing = 1,

        /// <summary>The file is larger than allowed.</summary>
        TooLarge = 2,

        /// <summary>The file is not a JSON object, or a board member has the wrong type or range.</summary>
        Invalid = 3
    }
}
