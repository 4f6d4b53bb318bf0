// Host side of the shared-source tests: the names of nanoFramework.TestFramework, forwarded to
// MSTest. Only what the shared tests use lives here; the device build compiles the same test
// files against the real nanoFramework.TestFramework and leaves this file out.
using System;
using MS = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a test class (MSTest discovers derived attributes).</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class TestClassAttribute : MS.TestClassAttribute { }

    /// <summary>Marks a test method.</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class TestMethodAttribute : MS.TestMethodAttribute
    {
        /// <summary>Records the caller's location, as MSTest v4 wants.</summary>
        public TestMethodAttribute(
            [System.Runtime.CompilerServices.CallerFilePath] string callerFilePath = "",
            [System.Runtime.CompilerServices.CallerLineNumber] int callerLineNumber = -1)
            : base(callerFilePath, callerLineNumber) { }
    }

    /// <summary>Test output, as nanoFramework's OutputHelper.</summary>
    public static class OutputHelper
    {
        /// <summary>Writes one line to the test log.</summary>
        public static void WriteLine(string message) { Console.WriteLine(message); }
    }

    /// <summary>The nanoFramework Assert surface the shared tests use, over MSTest.</summary>
    public static class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") { MS.Assert.AreEqual(expected, actual, message); }
        public static void AreEqual(int expected, int actual, string message = "") { MS.Assert.AreEqual(expected, actual, message); }
        public static void AreEqual(uint expected, uint actual, string message = "") { MS.Assert.AreEqual(expected, actual, message); }
        public static void AreEqual(long expected, long actual, string message = "") { MS.Assert.AreEqual(expected, actual, message); }
        public static void AreEqual(ulong expected, ulong actual, string message = "") { MS.Assert.AreEqual(expected, actual, message); }
        public static void AreEqual(byte expected, byte actual, string message = "") { MS.Assert.AreEqual(expected, actual, message); }
        public static void AreEqual(char expected, char actual, string message = "") { MS.Assert.AreEqual(expected, actual, message); }
        public static void AreEqual(double expected, double actual, string message = "") { MS.Assert.AreEqual(expected, actual, message); }
        public static void AreEqual(string expected, string actual, string message = "") { MS.Assert.AreEqual(expected, actual, message); }
        public static void AreEqual(object expected, object actual, string message = "") { MS.Assert.AreEqual(expected, actual, message); }
        public static void AreNotEqual(int notExpected, int actual, string message = "") { MS.Assert.AreNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(long notExpected, long actual, string message = "") { MS.Assert.AreNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(string notExpected, string actual, string message = "") { MS.Assert.AreNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(object notExpected, object actual, string message = "") { MS.Assert.AreNotEqual(notExpected, actual, message); }
        public static void AreSame(object expected, object actual, string message = "") { MS.Assert.AreSame(expected, actual, message); }
        public static void IsTrue(bool condition, string message = "") { MS.Assert.IsTrue(condition, message); }
        public static void IsFalse(bool condition, string message = "") { MS.Assert.IsFalse(condition, message); }
        public static void IsNull(object value, string message = "") { MS.Assert.IsNull(value, message); }
        public static void IsNotNull(object value, string message = "") { MS.Assert.IsNotNull(value, message); }
        public static void IsInstanceOfType(object value, Type expectedType, string message = "") { MS.Assert.IsInstanceOfType(value, expectedType, message); }
        public static void Contains(string expected, string actual, string message = "") { MS.Assert.Contains(expected, actual, message); }
        public static void StartsWith(string expected, string actual, string message = "") { MS.Assert.StartsWith(expected, actual, message); }
        public static void EndsWith(string expected, string actual, string message = "") { MS.Assert.EndsWith(expected, actual, message); }

        /// <summary>Passes when <paramref name="action"/> throws exactly <paramref name="exceptionType"/>.</summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                MS.Assert.AreEqual(exceptionType, ex.GetType(), message + " (threw " + ex.GetType().Name + ": " + ex.Message + ")");
                return;
            }
            MS.Assert.Fail("expected " + exceptionType.Name + ". " + message);
        }
    }

    /// <summary>Collection checks with nanoFramework's names.</summary>
    public static class CollectionAssert
    {
        public static void AreEqual(Array expected, Array actual, string message = "") { MS.CollectionAssert.AreEqual(expected, actual, message); }
        public static void AreNotEqual(Array notExpected, Array actual, string message = "") { MS.CollectionAssert.AreNotEqual(notExpected, actual, message); }
    }
}
