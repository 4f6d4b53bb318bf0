using System.Globalization;
using System.Text;
using static OmaDm.Server.WebConsole.ConsoleHtml;

namespace OmaDm.Server.WebConsole;

/// <summary>The body of each console page, from the backend's models. Pure functions: no I/O.</summary>
public static class ConsolePages
{
    private const string P = ConsoleOptions.PathPrefix;

    /// <summary>The login form.</summary>
    public static string Login(string tokenField, string? token, string returnUrl, bool enabled)
    {
        if (!enabled)
        {
            return "<div class=\"login\"><p class=\"error\">The console password is not set (or too short): "
                + "start the server with a console password to log in.</p></div>";
        }
        return $"""
            <div class="login"><form class="card" method="post" action="{P}/login">
            {Csrf(tokenField, token)}<input type="hidden" name="returnUrl" value="{E(returnUrl)}">
            <label>Password<input type="password" name="password" autocomplete="current-password" required autofocus></label>
            <button type="submit">Log in</button></form></div>
            """;
    }

    /// <summary>The devices list.</summary>
    public static string Devices(IReadOnlyList<ConsoleDevice> devices)
    {
        if (devices.Count == 0)
        {
            return "<p class=\"muted\">No device has connected yet.</p>";
        }
        var sb = new StringBuilder();
        sb.Append("<table id=\"devices\"><thead><tr><th>Device</th><th>State</th><th>Firmware</th><th>Last seen</th></tr></thead><tbody>");
        foreach (ConsoleDevice d in devices)
        {
            sb.Append("<tr><td><a href=\"").Append(P).Append("/devices/").Append(Seg(d.DevId)).Append("\">")
              .Append(E(d.DevId)).Append("</a></td><td>").Append(Badge(d.State)).Append("</td><td class=\"mono\">")
              .Append(E(d.FirmwareVersion ?? "–")).Append("</td><td>").Append(Time(d.LastSeen)).Append("</td></tr>");
        }
        sb.Append("</tbody></table><p class=\"muted\">").Append(devices.Count.ToString(CultureInfo.InvariantCulture))
          .Append(" device(s).</p>");
        return sb.ToString();
    }

    /// <summary>Commands the queue form offers (docs/PROTOCOL.md §3).</summary>
    private static readonly string[] QueueableCommands = { "GET", "HGET", "HPUT", "HPOST", "DELETE", "EXEC", "SHOW", "DEFAULT" };

    /// <summary>One device: summary, MO values, queue (with a form to add a command), alerts, session history.</summary>
    public static string Device(ConsoleDeviceDetail detail, string tokenField, string? token)
    {
        ConsoleDevice d = detail.Device;
        var sb = new StringBuilder();
        sb.Append("<p>State ").Append(Badge(d.State)).Append(" · firmware <span class=\"mono\">").Append(E(d.FirmwareVersion ?? "–"))
          .Append("</span> · last seen ").Append(Time(d.LastSeen)).Append("</p>");

        sb.Append("<h2>Management objects</h2>");
        Table(sb, "values", "No values reported yet.", ["ClientURI", "Value", "Reported"], detail.Values, v =>
            sb.Append("<tr><td class=\"mono\">").Append(E(v.ClientUri)).Append("</td><td class=\"mono\">").Append(E(v.Value))
              .Append("</td><td>").Append(Time(v.Reported)).Append("</td></tr>"));

        sb.Append("<h2>Queue</h2>");
        sb.Append("<form class=\"card\" id=\"queue-command\" method=\"post\" action=\"").Append(P).Append("/devices/").Append(Seg(d.DevId))
          .Append("/commands\">").Append(Csrf(tokenField, token)).Append("<label>Command<select name=\"command\">");
        foreach (string name in QueueableCommands)
        {
            sb.Append("<option>").Append(name).Append("</option>");
        }
        sb.Append("</select></label>")
          .Append("<label>Argument 1 (ClientURI or URL)<input type=\"text\" name=\"arg1\" maxlength=\"1024\" size=\"40\" placeholder=\"urn:oma:mo:oma-dm-devinfo:1.0//FwV\"></label>")
          .Append("<label>Argument 2<input type=\"text\" name=\"arg2\" maxlength=\"1024\"></label>")
          .Append("<label>Argument 3<input type=\"text\" name=\"arg3\" maxlength=\"1024\"></label>")
          .Append("<button type=\"submit\">Queue</button></form>");
        Table(sb, "queue", "Nothing queued.", ["Command", "State", "Status", "Queued"], detail.Queue, q =>
            sb.Append("<tr><td class=\"mono\">").Append(E(q.Command)).Append("</td><td>").Append(Badge(q.State))
              .Append("</td><td class=\"num\">").Append(Num(q.StatusCode)).Append("</td><td>").Append(Time(q.Created)).Append("</td></tr>"));

        sb.Append("<h2>Alerts</h2>");
        Table(sb, "alerts", "No alerts.", ["Received", "Type", "Source", "Data"], detail.Alerts, a =>
            sb.Append("<tr><td>").Append(Time(a.Received)).Append("</td><td class=\"mono\">").Append(E(a.AlertType))
              .Append("</td><td class=\"mono\">").Append(E(a.SourceUri ?? "–")).Append("</td><td class=\"mono\">").Append(E(a.Data ?? "–")).Append("</td></tr>"));

        sb.Append("<h2>Sessions</h2>");
        Table(sb, "sessions", "No sessions yet.", ["Started", "Outcome", "Summary"], detail.Sessions, s =>
            sb.Append("<tr><td>").Append(Time(s.Started)).Append("</td><td>").Append(E(s.Outcome))
              .Append("</td><td>").Append(E(s.Summary)).Append("</td></tr>"));
        return sb.ToString();
    }

    /// <summary>A table with a header row and one row per item, or a muted line when there are none.</summary>
    private static void Table<T>(StringBuilder sb, string id, string emptyText, string[] headers, IReadOnlyCollection<T> items, Action<T> row)
    {
        if (items.Count == 0)
        {
            sb.Append("<p class=\"muted\">").Append(emptyText).Append("</p>");
            return;
        }
        sb.Append("<table id=\"").Append(id).Append("\"><thead><tr>");
        foreach (string header in headers)
        {
            sb.Append("<th>").Append(header).Append("</th>");
        }
        sb.Append("</tr></thead><tbody>");
        foreach (T item in items)
        {
            row(item);
        }
        sb.Append("</tbody></table>");
    }

    /// <summary>The firmware catalogue and the upload form.</summary>
    public static string Firmware(IReadOnlyList<ConsoleImage> images, string tokenField, string? token)
    {
        var sb = new StringBuilder();
        sb.Append("<form class=\"card\" method=\"post\" action=\"").Append(P).Append("/firmware\" enctype=\"multipart/form-data\">")
          .Append(Csrf(tokenField, token))
          .Append("<label>Image file (MCUboot image, or raw binary)<input type=\"file\" name=\"image\" required></label>")
          .Append("<label>Version (raw binary only)<input type=\"text\" name=\"version\" placeholder=\"1.2.0\" maxlength=\"32\"></label>")
          .Append("<button type=\"submit\">Upload</button></form>");
        if (images.Count == 0)
        {
            sb.Append("<p class=\"muted\">No images yet.</p>");
            return sb.ToString();
        }
        sb.Append("<table id=\"images\"><thead><tr><th>Version</th><th>Name</th><th>Size</th><th>SHA-256</th><th>Added</th></tr></thead><tbody>");
        foreach (ConsoleImage i in images)
        {
            sb.Append("<tr><td class=\"mono\">").Append(E(i.Version)).Append("</td><td>").Append(E(i.Name))
              .Append("</td><td class=\"num\">").Append(i.SizeBytes.ToString("N0", CultureInfo.InvariantCulture))
              .Append("</td><td class=\"mono\">").Append(E(i.Sha256)).Append("</td><td>").Append(Time(i.Added)).Append("</td></tr>");
        }
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    /// <summary>The campaigns list and the start form.</summary>
    public static string Campaigns(IReadOnlyList<ConsoleCampaign> campaigns, IReadOnlyList<ConsoleImage> images,
        string tokenField, string? token)
    {
        var sb = new StringBuilder();
        if (images.Count == 0)
        {
            sb.Append("<p class=\"muted\">Upload a firmware image first to start a campaign.</p>");
        }
        else
        {
            sb.Append("<form class=\"card\" id=\"start-campaign\" method=\"post\" action=\"").Append(P).Append("/campaigns\">")
              .Append(Csrf(tokenField, token))
              .Append("<label>Name<input type=\"text\" name=\"name\" required maxlength=\"80\" value=\"update\"></label>")
              .Append("<label>Image<select name=\"imageId\">");
            foreach (ConsoleImage i in images)
            {
                sb.Append("<option value=\"").Append(E(i.Id)).Append("\">").Append(E(i.Version)).Append(" · ").Append(E(i.Name)).Append("</option>");
            }
            sb.Append("</select></label>")
              .Append("<label>Group (empty = all devices)<input type=\"text\" name=\"group\" maxlength=\"64\"></label>")
              .Append("<label>Wave size (0 = all)<input type=\"number\" name=\"waveSize\" min=\"0\" max=\"100000\" value=\"0\"></label>")
              .Append("<label>Pause at failures %<input type=\"number\" name=\"failureThreshold\" min=\"0\" max=\"100\" value=\"50\"></label>")
              .Append("<button type=\"submit\">Start campaign</button></form>");
        }
        if (campaigns.Count == 0)
        {
            sb.Append("<p class=\"muted\">No campaigns yet.</p>");
            return sb.ToString();
        }
        sb.Append("<table id=\"campaigns\"><thead><tr><th>Campaign</th><th>Image</th><th>State</th><th>Progress</th><th>Updated</th><th>Failed</th><th>Started</th></tr></thead><tbody>");
        foreach (ConsoleCampaign c in campaigns)
        {
            sb.Append("<tr><td><a href=\"").Append(P).Append("/campaigns/").Append(Seg(c.Id)).Append("\">").Append(E(c.Name))
              .Append("</a></td><td class=\"mono\">").Append(E(c.ImageVersion)).Append("</td><td>").Append(Badge(c.State))
              .Append("</td><td>").Append(Progress(c)).Append("</td><td class=\"num\">").Append(Num(c.Succeeded))
              .Append("</td><td class=\"num\">").Append(Num(c.Failed)).Append("</td><td>").Append(Time(c.Created)).Append("</td></tr>");
        }
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    /// <summary>One campaign: progress, buttons, per-device table.</summary>
    public static string Campaign(ConsoleCampaignDetail detail, string tokenField, string? token)
    {
        ConsoleCampaign c = detail.Campaign;
        var sb = new StringBuilder();
        sb.Append("<p>Image <span class=\"mono\">").Append(E(c.ImageVersion)).Append("</span> · state <span id=\"campaign-state\">")
          .Append(Badge(c.State)).Append("</span> · ").Append(Progress(c)).Append(" <span id=\"campaign-counts\">")
          .Append(Num(c.Succeeded)).Append(" updated, ").Append(Num(c.Failed)).Append(" failed, ")
          .Append(Num(c.Pending)).Append(" pending of ").Append(Num(c.Total)).Append("</span></p>");

        sb.Append("<div class=\"actions\">");
        string baseUrl = P + "/campaigns/" + Seg(c.Id) + "/";
        bool active = c.State is "running" or "paused";
        var buttons = new List<(string Action, string Label)>();
        if (c.State == "running")
        {
            buttons.Add(("pause", "Pause"));
        }
        if (c.State == "paused")
        {
            buttons.Add(("resume", "Resume"));
        }
        if (c.Failed > 0 && c.State != "cancelled")
        {
            buttons.Add(("retry", "Retry failed"));
        }
        if (active)
        {
            buttons.Add(("cancel", "Cancel"));
        }
        foreach ((string action, string label) in buttons)
        {
            sb.Append("<form method=\"post\" action=\"").Append(baseUrl).Append(action).Append("\">").Append(Csrf(tokenField, token))
              .Append("<button class=\"secondary\" type=\"submit\">").Append(label).Append("</button></form>");
        }
        sb.Append("</div>");

        sb.Append("<table id=\"campaign-devices\"><thead><tr><th>Device</th><th>State</th><th>Done</th><th>Firmware</th><th>Result</th></tr></thead><tbody>");
        foreach (ConsoleCampaignDevice d in detail.Devices)
        {
            sb.Append("<tr><td><a href=\"").Append(P).Append("/devices/").Append(Seg(d.DevId)).Append("\">").Append(E(d.DevId))
              .Append("</a></td><td>").Append(Badge(d.State)).Append("</td><td class=\"num\">")
              .Append(d.PercentDone is null ? "–" : Num(d.PercentDone) + " %").Append("</td><td class=\"mono\">")
              .Append(E(d.FirmwareVersion ?? "–")).Append("</td><td class=\"num\">").Append(Num(d.ResultCode)).Append("</td></tr>");
        }
        sb.Append("</tbody></table>");
        return sb.ToString();
    }

    /// <summary>A progress bar of finished devices (updated or failed) over all devices.</summary>
    private static string Progress(ConsoleCampaign c)
    {
        int done = c.Succeeded + c.Failed;
        int max = Math.Max(1, c.Total);
        return $"<progress max=\"{max.ToString(CultureInfo.InvariantCulture)}\" value=\"{Math.Min(done, max).ToString(CultureInfo.InvariantCulture)}\">{done.ToString(CultureInfo.InvariantCulture)}/{max.ToString(CultureInfo.InvariantCulture)}</progress>";
    }
}
