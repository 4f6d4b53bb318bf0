using System.IO;
using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Protocol;

namespace OmaDm.Nano.Tests.Protocol
{
    [TestClass]
    public class Package2ReaderTests
    {
        private static Package2Reader Open(string json, out DmCommand command)
        {
            return Open(json, 1024 * 1024, 10000, out command);
        }

        private static Package2Reader Open(string json, long maxBytes, int maxCommands, out DmCommand command)
        {
            Package2Reader reader = new Package2Reader(new byte[Package2Reader.DefaultWindowBytes]);
            reader.Start(new MemoryStream(Encoding.UTF8.GetBytes(json)), maxBytes, maxCommands);
            command = new DmCommand(new Utf8StringPool());
            return reader;
        }

        [TestMethod]
        public void ReadNext_SeedExample_YieldsExecThenEnd()
        {
            DmCommand command;
            Package2Reader reader = Open("{\n \"CMD\": [\n  [\"EXEC\", \"oma:mo:oma-fumo:1.0//Update\"]\n ]\n}\n", out command);

            Assert.AreEqual((int)Package2ReadResult.Command, (int)reader.ReadNext(command));
            Assert.AreEqual((int)DmCommandType.Exec, (int)command.Type);
            Assert.AreEqual(0, command.SyntaxStatus);
            Assert.AreEqual(1, command.ArgumentCount);
            Assert.AreEqual("oma:mo:oma-fumo:1.0//Update", command.Argument(0));
            Assert.AreEqual((int)Package2ReadResult.EndOfPackage, (int)reader.ReadNext(command));
            Assert.AreEqual((int)Package2ReadResult.EndOfPackage, (int)reader.ReadNext(command), "stays at end");
        }

        [TestMethod]
        public void ReadNext_EveryCommandName_MapsToType()
        {
            DmCommand command;
            Package2Reader reader = Open(
                "{\"CMD\":[[\"GET\",\"a\"],[\"HGET\",\"s\"],[\"HPUT\",\"s\",\"c\"],[\"HPOST\",\"s\",\"c\"],[\"DELETE\",\"c\"]," +
                "[\"EXEC\",\"c\",\"s\",\"k\"],[\"SHOW\",\"u\"],[\"CONT\",\"u\"],[\"DEFAULT\",\"m\",\"s\"],[\"END\"]]}", out command);
            int[] expected =
            {
                (int)DmCommandType.Get, (int)DmCommandType.HGet, (int)DmCommandType.HPut, (int)DmCommandType.HPost,
                (int)DmCommandType.Delete, (int)DmCommandType.Exec, (int)DmCommandType.Show, (int)DmCommandType.Cont,
                (int)DmCommandType.Default, (int)DmCommandType.End
            };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual((int)Package2ReadResult.Command, (int)reader.ReadNext(command));
                Assert.AreEqual(expected[i], (int)command.Type);
                Assert.AreEqual(0, command.SyntaxStatus, "command " + i.ToString() + " is well formed");
                Assert.AreEqual(i, command.Index);
            }

            Assert.AreEqual((int)Package2ReadResult.EndOfPackage, (int)reader.ReadNext(command));
        }

        [TestMethod]
        public void ReadNext_ExecWithCorrelator_KeepsAllThreeArguments()
        {
            DmCommand command;
            Package2Reader reader = Open("{\"CMD\":[[\"EXEC\",\"urn:oma:mo:oma-fumo:1.0//Update\",\"\",\"corr-1\"]]}", out command);

            reader.ReadNext(command);

            Assert.AreEqual(3, command.ArgumentCount);
            Assert.AreEqual("", command.Argument(1));
            Assert.AreEqual("corr-1", command.Argument(2));
            Assert.IsNull(command.Argument(3));
        }

        [TestMethod]
        public void ReadNext_EscapedArgument_IsUnescaped()
        {
            DmCommand command;
            Package2Reader reader = Open("{\"CMD\":[[\"SHOW\",\"https://h/a\\u0062c\\/d\"]]}", out command);

            reader.ReadNext(command);

            Assert.AreEqual("https://h/abc/d", command.Argument(0));
        }

        [TestMethod]
        public void ReadNext_WrongArity_Is400()
        {
            string[] packages =
            {
                "{\"CMD\":[[\"GET\"]]}", "{\"CMD\":[[\"GET\",\"a\",\"b\"]]}", "{\"CMD\":[[\"HPUT\",\"s\"]]}",
                "{\"CMD\":[[\"EXEC\",\"c\",\"s\",\"k\",\"x\"]]}", "{\"CMD\":[[\"DEFAULT\",\"m\"]]}", "{\"CMD\":[[\"HGET\"]]}"
            };
            foreach (string json in packages)
            {
                DmCommand command;
                Package2Reader reader = Open(json, out command);
                Assert.AreEqual((int)Package2ReadResult.Command, (int)reader.ReadNext(command), json);
                Assert.AreEqual(400, command.SyntaxStatus, json);
                Assert.AreEqual((int)Package2ReadResult.EndOfPackage, (int)reader.ReadNext(command), json);
            }
        }

        [TestMethod]
        public void ReadNext_BadShapes_Are400AndReadingGoesOn()
        {
            DmCommand command;
            Package2Reader reader = Open("{\"CMD\":[\"GET\",{\"a\":[1]},[],[1,\"x\"],[\"GET\",5],[\"GET\",[\"x\"]],[\"GET\",\"ok\"]]}", out command);

            for (int i = 0; i < 6; i++)
            {
                Assert.AreEqual((int)Package2ReadResult.Command, (int)reader.ReadNext(command));
                Assert.AreEqual(400, command.SyntaxStatus, "element " + i.ToString());
            }

            Assert.AreEqual((int)Package2ReadResult.Command, (int)reader.ReadNext(command));
            Assert.AreEqual(0, command.SyntaxStatus, "a good command after bad ones is still read");
            Assert.AreEqual("ok", command.Argument(0));
            Assert.AreEqual((int)Package2ReadResult.EndOfPackage, (int)reader.ReadNext(command));
        }

        [TestMethod]
        public void ReadNext_UnknownSubUnsub_Are501()
        {
            DmCommand command;
            Package2Reader reader = Open("{\"CMD\":[[\"FROB\",\"x\"],[\"SUB\",\"x\"],[\"UNSUB\"],[\"get\",\"x\"],[\"FROB\",7]]}", out command);

            for (int i = 0; i < 5; i++)
            {
                reader.ReadNext(command);
                Assert.AreEqual(501, command.SyntaxStatus, "command " + i.ToString() + " (names are case-sensitive; odd args do not matter)");
            }
        }

        [TestMethod]
        public void ReadNext_ArgumentOverLimit_Is413()
        {
            string longUri = new string('a', DmCommand.MaxArgumentBytes + 1);
            DmCommand command;
            Package2Reader reader = Open("{\"CMD\":[[\"GET\",\"" + longUri + "\"],[\"GET\",\"b\"]]}", out command);

            reader.ReadNext(command);
            Assert.AreEqual(413, command.SyntaxStatus);
            reader.ReadNext(command);
            Assert.AreEqual(0, command.SyntaxStatus);
        }

        [TestMethod]
        public void ReadNext_ArgumentAtLimit_IsKept()
        {
            string uri = new string('a', DmCommand.MaxArgumentBytes);
            DmCommand command;
            Package2Reader reader = Open("{\"CMD\":[[\"GET\",\"" + uri + "\"]]}", out command);

            reader.ReadNext(command);

            Assert.AreEqual(0, command.SyntaxStatus);
            Assert.AreEqual(DmCommand.MaxArgumentBytes, command.ArgumentLength(0));
        }

        [TestMethod]
        public void ReadNext_OtherMembersAndNoCmd_AreSkipped()
        {
            DmCommand command;
            Package2Reader reader = Open("{\"Ver\":\"2.0\",\"X\":{\"CMD\":[[\"GET\",\"no\"]]},\"CMD\":[[\"END\"]],\"Y\":[1,2]}", out command);

            Assert.AreEqual((int)Package2ReadResult.Command, (int)reader.ReadNext(command));
            Assert.AreEqual((int)DmCommandType.End, (int)command.Type, "nested CMD inside another member is not a command");
            Assert.AreEqual((int)Package2ReadResult.EndOfPackage, (int)reader.ReadNext(command));

            reader = Open("{}", out command);
            Assert.AreEqual((int)Package2ReadResult.EndOfPackage, (int)reader.ReadNext(command));
            reader = Open("{\"CMD\":[]}", out command);
            Assert.AreEqual((int)Package2ReadResult.EndOfPackage, (int)reader.ReadNext(command));
            Assert.AreEqual(0, reader.CommandCount);
        }

        [TestMethod]
        public void ReadNext_MalformedJson_IsMalformed()
        {
            string[] packages =
            {
                "", "[]", "{\"CMD\":[[\"GET\",\"a\"]", "{\"CMD\":[[\"GET\",\"a\"],]}", "{\"CMD\":{}}",
                "{\"CMD\":[[\"GET\",\"a\"]]} x", "{\"CMD\":[[\"GET\",\"a\u0001\"]]}", "nul"
            };
            foreach (string json in packages)
            {
                DmCommand command;
                Package2Reader reader = Open(json, out command);
                Package2ReadResult result = reader.ReadNext(command);
                while (result == Package2ReadResult.Command)
                {
                    result = reader.ReadNext(command);
                }

                Assert.AreEqual((int)Package2ReadResult.Malformed, (int)result, json);
            }
        }

        [TestMethod]
        public void ReadNext_DeepNestingInArgument_IsMalformed()
        {
            DmCommand command;
            Package2Reader reader = Open("{\"CMD\":[[\"GET\",[[[[[[[[[[1]]]]]]]]]]]]}", out command);

            Assert.AreEqual((int)Package2ReadResult.Malformed, (int)reader.ReadNext(command), "depth over Package2Reader.MaxDepth");
        }

        [TestMethod]
        public void ReadNext_TokenOverWindow_IsMalformed()
        {
            DmCommand command;
            Package2Reader reader = Open("{\"CMD\":[[\"GET\",\"" + new string('a', Package2Reader.DefaultWindowBytes + 1) + "\"]]}", out command);

            Assert.AreEqual((int)Package2ReadResult.Malformed, (int)reader.ReadNext(command));
        }

        [TestMethod]
        public void ReadNext_OverByteLimit_IsTooLarge()
        {
            DmCommand command;
            Package2Reader reader = Open("{\"CMD\":[[\"GET\",\"a\"],[\"GET\",\"b\"],[\"GET\",\"c\"]]}", 20, 100, out command);

            Package2ReadResult result = reader.ReadNext(command);
            while (result == Package2ReadResult.Command)
            {
                result = reader.ReadNext(command);
            }

            Assert.AreEqual((int)Package2ReadResult.TooLarge, (int)result);
        }

        [TestMethod]
        public void ReadNext_OverCommandLimit_IsTooManyCommands()
        {
            DmCommand command;
            Package2Reader reader = Open("{\"CMD\":[[\"GET\",\"a\"],[\"GET\",\"b\"],[\"GET\",\"c\"]]}", 1000, 2, out command);

            Assert.AreEqual((int)Package2ReadResult.Command, (int)reader.ReadNext(command));
            Assert.AreEqual((int)Package2ReadResult.Command, (int)reader.ReadNext(command));
            Assert.AreEqual((int)Package2ReadResult.TooManyCommands, (int)reader.ReadNext(command));
        }

        [TestMethod]
        public void Argument_RepeatedUri_ReturnsSameString()
        {
            DmCommand command;
            Package2Reader reader = Open("{\"CMD\":[[\"GET\",\"urn:x/m/a\"],[\"GET\",\"urn:x/m/a\"]]}", out command);

            reader.ReadNext(command);
            string first = command.Argument(0);
            reader.ReadNext(command);

            Assert.AreSame(first, command.Argument(0), "pooled: a repeated argument is decoded once");
        }
    }
}
