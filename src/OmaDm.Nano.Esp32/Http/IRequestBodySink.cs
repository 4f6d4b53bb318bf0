using System;
using System.IO;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Esp32.Http
{
    /// <summary>
    /// What <see cref="ChunkedRequestStream"/> needs from its exchange: configure the request for a
    /// known length (or chunked, -1), open the socket and send the headers, and name a failure.
    /// Kept apart from <c>HttpWebRequestExchange</c> so the buffering and chunk framing can be
    /// tested on a PC.
    /// </summary>
    internal interface IRequestBodySink
    {
        /// <summary>Creates and configures the request; <paramref name="contentLength"/> -1 means chunked.</summary>
        TransportResult Prepare(long contentLength);

        /// <summary>Connects and sends the headers; <paramref name="stream"/> then takes the raw body bytes.</summary>
        TransportResult TryOpenRequestStream(out Stream stream);

        /// <summary>Maps an exception thrown while writing the body.</summary>
        TransportResult MapSendFailure(Exception e);
    }
}
