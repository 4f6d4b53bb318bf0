namespace OmaDm.Nano.Protocol
{
    /// <summary>Command names of Package#2. Logged by number: never renumber.</summary>
    public enum DmCommandType
    {
        /// <summary>Unrecognised name (answered 501) or no name at all (400).</summary>
        Unknown = 0,
        /// <summary>GET ClientURI.</summary>
        Get = 1,
        /// <summary>HGET ServerURI [ClientURI].</summary>
        HGet = 2,
        /// <summary>HPUT ServerURI ClientURI.</summary>
        HPut = 3,
        /// <summary>HPOST ServerURI ClientURI.</summary>
        HPost = 4,
        /// <summary>DELETE ClientURI.</summary>
        Delete = 5,
        /// <summary>EXEC ClientURI [ServerURI [Correlator]].</summary>
        Exec = 6,
        /// <summary>SHOW URL.</summary>
        Show = 7,
        /// <summary>CONT URI.</summary>
        Cont = 8,
        /// <summary>END.</summary>
        End = 9,
        /// <summary>DEFAULT MOID ServerURI.</summary>
        Default = 10,
        /// <summary>SUB (later spec; answered 501).</summary>
        Sub = 11,
        /// <summary>UNSUB (later spec; answered 501).</summary>
        Unsub = 12
    }
}
