namespace OmaDm.Server.WebConsole;

/// <summary>A campaign row with its progress counters.</summary>
/// <param name="Id">Campaign id.</param>
/// <param name="Name">Label given at start.</param>
/// <param name="ImageVersion">Version the campaign installs.</param>
/// <param name="State">"running", "paused", "completed", "cancelled" ...</param>
/// <param name="Total">Devices in the campaign.</param>
/// <param name="Succeeded">Devices updated.</param>
/// <param name="Failed">Devices that failed.</param>
/// <param name="Created">When it started.</param>
public sealed record ConsoleCampaign(
    string Id, string Name, string ImageVersion, string State, int Total, int Succeeded, int Failed, DateTimeOffset Created)
{
    /// <summary>Devices neither updated nor failed.</summary>
    public int Pending => Math.Max(0, Total - Succeeded - Failed);
}
