using System.Reflection;

// Device build only (NFUnitTest); the host build generates its own assembly attributes.
[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyProduct("OmaDm.Nano.Tests")]
[assembly: AssemblyVersion("0.1.0.0")]
