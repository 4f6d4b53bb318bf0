using System;
using System.IO;

namespace OmaDm.Nano.Platform
{
    /// <summary>
    /// One HTTP request and its response. Order of use: write the body to
    /// <see cref="RequestBody"/> (POST and PUT only), call <see cref="Send"/>, then read the
    /// response properties and <see cref="ResponseBody"/>; dispose when done.
    /// </summary>
    /// <remarks>
    /// Reading <see cref="ResponseBody"/> may throw <see cref="IOException"/> when the connection
    /// drops mid-body: that is the platform's way to say so, and callers catch it.
    /// </remarks>
    public interface IHttpExchange : IDisposable
    {
        /// <summary>Where the request body is written; null for GET. Bounded by the binding.</summary>
        Stream RequestBody { get; }

        /// <summary>Sends the request and waits for the response headers.</summary>
        TransportResult Send();

        /// <summary>HTTP status code of the response; 0 before a successful <see cref="Send"/>.</summary>
        int StatusCode { get; }

        /// <summary>Media type of the response body without parameters, or null.</summary>
        string ContentType { get; }

        /// <summary>Content-Length of the response, or -1 when the server sent none.</summary>
        long ContentLength { get; }

        /// <summary>ETag header of the response, or null.</summary>
        string ETag { get; }

        /// <summary>First byte of a 206 response's Content-Range, or -1.</summary>
        long RangeStart { get; }

        /// <summary>Total length from a 206 response's Content-Range, or -1 when absent or "*".</summary>
        long RangeTotal { get; }

        /// <summary>The response body, streamed from the network; never buffered whole.</summary>
        Stream ResponseBody { get; }
    }
}
