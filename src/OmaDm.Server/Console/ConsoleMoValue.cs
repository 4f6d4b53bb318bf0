namespace OmaDm.Server.WebConsole;

/// <summary>One reported MO value.</summary>
/// <param name="ClientUri">Where the value lives on the device.</param>
/// <param name="Value">Its text (JSON text for interior nodes).</param>
/// <param name="Reported">When the device reported it; null when unknown.</param>
public sealed record ConsoleMoValue(string ClientUri, string Value, DateTimeOffset? Reported);
