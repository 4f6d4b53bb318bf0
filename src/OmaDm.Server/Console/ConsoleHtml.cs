using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace OmaDm.Server.WebConsole;

/// <summary>
/// Builds console pages. Every piece of data goes through <see cref="E(string?)"/> (or an
/// attribute-safe variant); literal markup is the only unescaped text.
/// </summary>
public static class ConsoleHtml
{
    /// <summary>HTML-escapes text for element content and quoted attribute values.</summary>
    public static string E(string? text) => text is null ? string.Empty : HtmlEncoder.Default.Encode(text);

    /// <summary>Escapes text for one URL path segment inside an attribute.</summary>
    public static string Seg(string text) => E(Uri.EscapeDataString(text));

    /// <summary>Formats a time as UTC, or a dash when absent.</summary>
    public static string Time(DateTimeOffset? time) =>
        time is null ? "–" : E(time.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z");

    /// <summary>A number or a dash.</summary>
    public static string Num(int? value) => value is null ? "–" : value.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A hidden antiforgery field.</summary>
    public static string Csrf(string fieldName, string? token) =>
        $"<input type=\"hidden\" name=\"{E(fieldName)}\" value=\"{E(token)}\">";

    /// <summary>A state as a small coloured label (class from a fixed list, never from data).</summary>
    public static string Badge(string state)
    {
        string kind = state switch
        {
            "updated" or "completed" or "idle" or "online" => "ok",
            "failed" or "cancelled" or "error" => "bad",
            "paused" => "warn",
            _ => "busy",
        };
        return $"<span class=\"badge {kind}\">{E(state)}</span>";
    }

    /// <summary>The page frame: head, navigation (when logged in), optional error, body.</summary>
    public static string Page(string title, string body, bool loggedIn, string? logoutToken, string tokenField,
        int refreshSeconds = 0, string? error = null)
    {
        var sb = new StringBuilder(4096);
        sb.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (refreshSeconds > 0)
        {
            sb.Append("<meta http-equiv=\"refresh\" content=\"")
              .Append(refreshSeconds.ToString(CultureInfo.InvariantCulture)).Append("\">");
        }
        sb.Append("<title>").Append(E(title)).Append(" · OmaDm.Nano</title>");
        sb.Append("<link rel=\"stylesheet\" href=\"").Append(ConsoleOptions.PathPrefix).Append("/console.css\"></head><body>");
        sb.Append("<header><a class=\"brand\" href=\"").Append(ConsoleOptions.PathPrefix).Append("/devices\">OmaDm.Nano</a>");
        if (loggedIn)
        {
            sb.Append("<nav><a href=\"").Append(ConsoleOptions.PathPrefix).Append("/devices\">Devices</a>")
              .Append("<a href=\"").Append(ConsoleOptions.PathPrefix).Append("/firmware\">Firmware</a>")
              .Append("<a href=\"").Append(ConsoleOptions.PathPrefix).Append("/campaigns\">Campaigns</a></nav>")
              .Append("<form method=\"post\" action=\"").Append(ConsoleOptions.PathPrefix).Append("/logout\" class=\"logout\">")
              .Append(Csrf(tokenField, logoutToken)).Append("<button type=\"submit\">Log out</button></form>");
        }
        sb.Append("</header><main><h1>").Append(E(title)).Append("</h1>");
        if (error is not null)
        {
            sb.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        }
        sb.Append(body).Append("</main></body></html>\n");
        return sb.ToString();
    }

    /// <summary>The style sheet (small, no external fonts or scripts).</summary>
    public const string Css = """
        :root{--fg:#1b1f24;--mute:#5b6570;--line:#d8dee4;--bg:#f6f8fa;--acc:#0b61c4}
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,sans-serif;color:var(--fg);background:#fff}
        header{display:flex;gap:1.5rem;align-items:center;padding:.6rem 1.2rem;background:#1b1f24;color:#fff}
        header a{color:#fff;text-decoration:none}header .brand{font-weight:700}nav{display:flex;gap:1rem;flex:1}
        header form.logout{margin:0}header button{background:none;border:1px solid #fff6;color:#fff;padding:.2rem .7rem;border-radius:4px;cursor:pointer}
        main{padding:1rem 1.2rem;max-width:72rem}h1{font-size:1.4rem;margin:.3rem 0 1rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
        table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
        th{background:var(--bg);font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}code,.mono{font-family:ui-monospace,monospace;font-size:.9em;word-break:break-all}
        a{color:var(--acc)}.badge{display:inline-block;padding:0 .5rem;border-radius:9px;font-size:.85em;background:#e7ecf2}
        .badge.ok{background:#d3f3dc;color:#135c2a}.badge.bad{background:#fbd9d9;color:#8a1c1c}.badge.warn{background:#fff1c2;color:#6b5200}.badge.busy{background:#dbe9fb;color:#0b4a94}
        form.card{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;display:flex;flex-wrap:wrap;gap:.8rem;align-items:end;margin:.5rem 0 1rem}
        label{display:flex;flex-direction:column;font-size:.85em;color:var(--mute);gap:.2rem}input,select{font:inherit;padding:.3rem .4rem;border:1px solid var(--line);border-radius:4px}
        button{font:inherit;padding:.35rem .9rem;border-radius:4px;border:1px solid var(--acc);background:var(--acc);color:#fff;cursor:pointer}
        .actions{display:flex;gap:.5rem;margin:.5rem 0}.actions form{margin:0}.actions button.secondary{background:#fff;color:var(--acc)}
        progress{width:10rem;height:.9rem}.error{background:#fbd9d9;color:#8a1c1c;padding:.5rem .8rem;border-radius:4px}
        .muted{color:var(--mute)}.login{max-width:22rem;margin:3rem auto}.login form.card{flex-direction:column;align-items:stretch}
        """;
}
