using System.Reflection;
using System.Runtime.CompilerServices;

// Device build only: the host build generates its own assembly attributes.
[assembly: AssemblyTitle("OmaDm.Nano")]
[assembly: AssemblyDescription("OMA DM 2.0 client core for .NET nanoFramework")]
[assembly: AssemblyProduct("OmaDm.Nano")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: InternalsVisibleTo("NFUnitTest")]
