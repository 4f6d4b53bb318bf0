using System.Reflection;

[assembly: AssemblyTitle("OmaDm.Board.Esp32S3DevKitC")]
[assembly: AssemblyDescription("OmaDm.Nano sample app for the ESP32-S3-DevKitC-1")]
[assembly: AssemblyProduct("OmaDm.Nano")]
[assembly: AssemblyVersion("0.1.0.0")]
