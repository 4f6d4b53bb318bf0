using System.IO;
using OmaDm.Nano.Json;

namespace OmaDm.Nano.Protocol
{
    /// <summary>
    /// Reads Package#2 (<c>{"CMD":[[name, arg, ...], ...]}</c>) one command at a time from the
    /// response stream, so a package of any length costs the same RAM.
    /// </summary>
    /// <remarks>
    /// RAM: the caller's window (largest token) plus one <see cref="JsonReader"/> per package.
    /// Malformed input ends the package with <see cref="Package2ReadResult.Malformed"/>;
    /// <see cref="LastError"/> and <see cref="ErrorOffset"/> say where. Nothing here throws for bad input.
    /// </remarks>
    public sealed class Package2Reader
    {
        /// <summary>Window size that fits every argument we accept (<see cref="DmCommand.MaxArgumentBytes"/>) with room to answer 413.</summary>
        public const int DefaultWindowBytes = 2048;

        /// <summary>Nesting allowed inside a package: root, CMD, command, plus a little for odd arguments that get skipped.</summary>
        public const int MaxDepth = 8;

        private const int StateIdle = 0;
        private const int StateRoot = 1;
        private const int StateCommands = 2;
        private const int StateDone = 3;

        private readonly byte[] _window;
        private readonly BoundedReadStream _bounded = new BoundedReadStream();
        private JsonReader _json;
        private int _state;
        private int _count;
        private int _maxCommands;

        /// <summary>Creates a reader that tokenizes through <paramref name="window"/> (owned by the caller, reused per package).</summary>
        /// <param name="window">Token window; its length is the longest token accepted.</param>
        public Package2Reader(byte[] window)
        {
            _window = window;
        }

        /// <summary>Commands returned so far in this package.</summary>
        public int CommandCount { get { return _count; } }

        /// <summary>Tokenizer error of the last Malformed result, or 0.</summary>
        public JsonError LastError { get; private set; }

        /// <summary>Byte offset of the last error in the package, or -1.</summary>
        public long ErrorOffset { get; private set; }

        /// <summary>Bytes of the package read so far.</summary>
        public long BytesRead { get { return _bounded.Position; } }

        /// <summary>Starts a package.</summary>
        /// <param name="body">Response stream; not disposed here.</param>
        /// <param name="maxBytes">Byte limit of the package.</param>
        /// <param name="maxCommands">Command limit of the package.</param>
        public void Start(Stream body, long maxBytes, int maxCommands)
        {
            _bounded.Reset(body, maxBytes);
            _json = new JsonReader(_bounded, _window, MaxDepth);
            _state = StateRoot;
            _count = 0;
            _maxCommands = maxCommands;
            LastError = 0;
            ErrorOffset = -1;
        }

        /// <summary>Reads the next command into <paramref name="command"/>.</summary>
        /// <param name="command">Refilled in place.</param>
        public Package2ReadResult ReadNext(DmCommand command)
        {
            try
            {
                return ReadNextCore(command);
            }
            catch (JsonException e)
            {
                _state = StateDone;
                LastError = e.Error;
                ErrorOffset = e.Offset;
                return _bounded.LimitExceeded ? Package2ReadResult.TooLarge : Package2ReadResult.Malformed;
            }
            catch (IOException)
            {
                _state = StateDone;
                return Package2ReadResult.ReadFailed;
            }
        }

        private Package2ReadResult ReadNextCore(DmCommand command)
        {
            if (_state == StateIdle || _state == StateDone)
            {
                return _state == StateDone ? Package2ReadResult.EndOfPackage : Package2ReadResult.Malformed;
            }

            if (_json.TokenType == JsonTokenType.None)
            {
                if (!_json.Read() || _json.TokenType != JsonTokenType.StartObject)
                {
                    return Fail();
                }
            }

            while (true)
            {
                if (_state == StateRoot)
                {
                    if (!_json.Read())
                    {
                        return Fail();
                    }

                    if (_json.TokenType == JsonTokenType.EndObject)
                    {
                        if (_json.Read())
                        {
                            return Fail(); // the reader reports trailing data itself; defensive
                        }

                        _state = StateDone;
                        return Package2ReadResult.EndOfPackage;
                    }

                    if (_json.ValueEquals(Keys.Cmd))
                    {
                        if (!_json.Read() || _json.TokenType != JsonTokenType.StartArray)
                        {
                            return Fail();
                        }

                        _state = StateCommands;
                    }
                    else
                    {
                        _json.Skip();
                    }

                    continue;
                }

                if (!_json.Read())
                {
                    return Fail();
                }

                if (_json.TokenType == JsonTokenType.EndArray)
                {
                    _state = StateRoot;
                    continue;
                }

                if (_count >= _maxCommands)
                {
                    _state = StateDone;
                    return Package2ReadResult.TooManyCommands;
                }

                command.Reset(_count);
                _count++;
                if (_json.TokenType == JsonTokenType.StartArray)
                {
                    ReadCommandArray(command);
                }
                else
                {
                    command.NameMissing = true;
                    command.Fail(DmStatus.BadRequest);
                    _json.Skip();
                }

                return Package2ReadResult.Command;
            }
        }

        private void ReadCommandArray(DmCommand command)
        {
            _json.Read();
            if (_json.TokenType == JsonTokenType.EndArray)
            {
                command.NameMissing = true;
                command.Fail(DmStatus.BadRequest);
                return;
            }

            if (_json.TokenType == JsonTokenType.String)
            {
                command.SetType(LookUp());
            }
            else
            {
                command.NameMissing = true;
                command.Fail(DmStatus.BadRequest);
                _json.Skip();
            }

            while (_json.Read() && _json.TokenType != JsonTokenType.EndArray)
            {
                int index = command.ArgumentCount;
                command.CountArgument();
                if (_json.TokenType != JsonTokenType.String)
                {
                    command.Fail(DmStatus.BadRequest);
                    _json.Skip();
                    continue;
                }

                if (index >= DmCommand.MaxArguments)
                {
                    continue; // arity check answers 400
                }

                if (_json.ValueByteLength > DmCommand.MaxArgumentBytes)
                {
                    command.Fail(DmStatus.TooLarge);
                    command.SetArgument(index, 0);
                    continue;
                }

                command.SetArgument(index, _json.CopyValue(command.ArgumentBuffer(index), 0));
            }

            command.CheckArity();
        }

        private DmCommandType LookUp()
        {
            if (_json.ValueEquals(Keys.Get)) { return DmCommandType.Get; }
            if (_json.ValueEquals(Keys.Exec)) { return DmCommandType.Exec; }
            if (_json.ValueEquals(Keys.HGet)) { return DmCommandType.HGet; }
            if (_json.ValueEquals(Keys.End)) { return DmCommandType.End; }
            if (_json.ValueEquals(Keys.HPut)) { return DmCommandType.HPut; }
            if (_json.ValueEquals(Keys.HPost)) { return DmCommandType.HPost; }
            if (_json.ValueEquals(Keys.Delete)) { return DmCommandType.Delete; }
            if (_json.ValueEquals(Keys.Show)) { return DmCommandType.Show; }
            if (_json.ValueEquals(Keys.Cont)) { return DmCommandType.Cont; }
            if (_json.ValueEquals(Keys.Default)) { return DmCommandType.Default; }
            if (_json.ValueEquals(Keys.Sub)) { return DmCommandType.Sub; }
            if (_json.ValueEquals(Keys.Unsub)) { return DmCommandType.Unsub; }
            return DmCommandType.Unknown;
        }

        private Package2ReadResult Fail()
        {
            _state = StateDone;
            ErrorOffset = _json.TokenStartOffset;
            return _bounded.LimitExceeded ? Package2ReadResult.TooLarge : Package2ReadResult.Malformed;
        }

        /// <summary>Names compared without allocating.</summary>
        private static class Keys
        {
            public const string Cmd = "CMD";
            public const string Get = "GET";
            public const string HGet = "HGET";
            public const string HPut = "HPUT";
            public const string HPost = "HPOST";
            public const string Delete = "DELETE";
            public const string Exec = "EXEC";
            public const string Show = "SHOW";
            public const string Cont = "CONT";
            public const string End = "END";
            public const string Default = "DEFAULT";
            public const string Sub = "SUB";
            public const string Unsub = "UNSUB";
        }
    }
}
