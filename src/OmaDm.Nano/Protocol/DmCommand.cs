namespace OmaDm.Nano.Protocol
{
    /// <summary>
    /// One Package#2 command, refilled in place by <see cref="Package2Reader"/> for every command:
    /// the name as <see cref="Type"/>, the string arguments copied into fixed buffers.
    /// </summary>
    /// <remarks>
    /// RAM: <see cref="MaxArguments"/> × <see cref="MaxArgumentBytes"/> bytes, allocated once.
    /// <see cref="SyntaxStatus"/> is 0 for a well-formed command, else the status to answer
    /// (400 shape, 413 argument too long, 501 unknown name) without running it.
    /// </remarks>
    public sealed class DmCommand
    {
        /// <summary>Most arguments any command takes (EXEC: ClientURI, ServerURI, Correlator).</summary>
        public const int MaxArguments = 3;

        /// <summary>Longest argument kept, in UTF-8 bytes: above the longest ClientURI or repository URL we expect.</summary>
        public const int MaxArgumentBytes = 1024;

        private readonly byte[][] _args = new byte[MaxArguments][];
        private readonly int[] _lengths = new int[MaxArguments];
        private readonly Utf8StringPool _pool;

        /// <summary>Creates an empty command with its buffers.</summary>
        /// <param name="pool">Decodes arguments to strings; shared with the session.</param>
        public DmCommand(Utf8StringPool pool)
        {
            _pool = pool;
            for (int i = 0; i < MaxArguments; i++)
            {
                _args[i] = new byte[MaxArgumentBytes];
            }
        }

        /// <summary>Command name.</summary>
        public DmCommandType Type { get; private set; }

        /// <summary>Arguments read (after the name). May exceed what was kept when the command had too many.</summary>
        public int ArgumentCount { get; private set; }

        /// <summary>0 when well formed; otherwise the status to answer without running the command.</summary>
        public int SyntaxStatus { get; private set; }

        /// <summary>Zero-based position of this command in its package.</summary>
        public int Index { get; internal set; }

        /// <summary>UTF-8 byte length of argument <paramref name="index"/>.</summary>
        /// <param name="index">0-based argument index below <see cref="MaxArguments"/>.</param>
        public int ArgumentLength(int index)
        {
            return _lengths[index];
        }

        /// <summary>Argument <paramref name="index"/> as a string (pooled: repeats cost nothing), or null when absent.</summary>
        /// <param name="index">0-based argument index.</param>
        public string Argument(int index)
        {
            if (index < 0 || index >= ArgumentCount || index >= MaxArguments)
            {
                return null;
            }

            return _pool.Get(_args[index], 0, _lengths[index]);
        }

        internal void Reset(int index)
        {
            Index = index;
            Type = DmCommandType.Unknown;
            ArgumentCount = 0;
            SyntaxStatus = 0;
            NameMissing = false;
        }

        /// <summary>True when the array's first element was not a string (answered 400, not 501).</summary>
        internal bool NameMissing;

        internal void SetType(DmCommandType type)
        {
            Type = type;
        }

        internal byte[] ArgumentBuffer(int index)
        {
            return _args[index];
        }

        internal void SetArgument(int index, int length)
        {
            _lengths[index] = length;
        }

        internal void CountArgument()
        {
            ArgumentCount++;
        }

        /// <summary>Keeps the first problem found, except that 400 (shape) outranks 413.</summary>
        internal void Fail(int status)
        {
            if (SyntaxStatus == 0 || (status == DmStatus.BadRequest && SyntaxStatus == DmStatus.TooLarge))
            {
                SyntaxStatus = status;
            }
        }

        /// <summary>Applies the per-command argument count rules of docs/PROTOCOL.md §3.</summary>
        internal void CheckArity()
        {
            int min;
            int max;
            switch (Type)
            {
                case DmCommandType.Get:
                case DmCommandType.Delete:
                case DmCommandType.Show:
                case DmCommandType.Cont:
                    min = 1; max = 1; break;
                case DmCommandType.HGet:
                    min = 1; max = 2; break;
                case DmCommandType.HPut:
                case DmCommandType.HPost:
                case DmCommandType.Default:
                    min = 2; max = 2; break;
                case DmCommandType.Exec:
                    min = 1; max = 3; break;
                case DmCommandType.End:
                    return; // END ends the session whatever follows it in its array
                case DmCommandType.Sub:
                case DmCommandType.Unsub:
                    SyntaxStatus = DmStatus.NotImplemented;
                    return;
                default:
                    SyntaxStatus = NameMissing ? DmStatus.BadRequest : DmStatus.NotImplemented;
                    return;
            }

            if (ArgumentCount < min || ArgumentCount > max)
            {
                Fail(DmStatus.BadRequest);
            }
        }
    }
}
