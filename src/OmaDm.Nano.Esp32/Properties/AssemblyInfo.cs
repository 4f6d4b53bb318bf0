using System.Reflection;

[assembly: AssemblyTitle("OmaDm.Nano.Esp32")]
[assembly: AssemblyDescription("ESP32 bindings of the OmaDm.Nano client: LittleFS, HttpWebRequest, In-Field Update, Wi-Fi")]
[assembly: AssemblyProduct("OmaDm.Nano")]
[assembly: AssemblyVersion("0.1.0.0")]
