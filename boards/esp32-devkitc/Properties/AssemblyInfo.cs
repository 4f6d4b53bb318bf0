using System.Reflection;

[assembly: AssemblyTitle("OmaDm.Board.Esp32DevKitC")]
[assembly: AssemblyDescription("OmaDm.Nano sample app for the ESP32-DevKitC")]
[assembly: AssemblyProduct("OmaDm.Nano")]
[assembly: AssemblyVersion("0.1.0.0")]
