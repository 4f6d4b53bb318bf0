using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using OmaDm.Nano.Session;

namespace OmaDm.Nano.Esp32.Net
{
    /// <summary>
    /// Listens for DM Notifications (Package#0) on a UDP port and hands each datagram of an
    /// acceptable size to a <see cref="NotificationHandler"/>; parsing, digest and replay checks
    /// are the core's (<see cref="NotificationParser"/>, <see cref="NotificationGuard"/>).
    /// </summary>
    /// <remarks>
    /// One thread, one fixed buffer of <see cref="NotificationParser.MaxPackageBytes"/> + 1 bytes:
    /// a datagram that fills the extra byte is longer than any valid package and is dropped
    /// without calling the handler. The handler runs on the listener thread; a slow handler only
    /// delays the next datagram (UDP drops what does not fit the socket's queue). An exception
    /// from the handler is caught and counted, never fatal.
    /// </remarks>
    public sealed class NotificationListener
    {
        /// <summary>How long one receive waits before the thread checks whether it should stop.</summary>
        public const int PollIntervalMs = 1000;

        /// <summary>Pause before reopening the socket after a network error (e.g. Wi-Fi lost).</summary>
        public const int RetryDelayMs = 5000;

        private readonly int _port;
        private readonly NotificationHandler _handler;
        private readonly byte[] _buffer = new byte[NotificationParser.MaxPackageBytes + 1];
        private Thread _thread;
        private bool _stop; // plain field: nanoFramework has no IsVolatile, and the interpreter does not cache fields

        /// <summary>Listens on <paramref name="port"/> (1..65535) for all local addresses.</summary>
        public NotificationListener(int port, NotificationHandler handler)
        {
            if (port <= 0 || port > 65535)
            {
                throw new ArgumentOutOfRangeException("port");
            }

            if (handler == null)
            {
                throw new ArgumentNullException("handler");
            }

            _port = port;
            _handler = handler;
        }

        /// <summary>Datagrams handed to the handler.</summary>
        public int Delivered { get; private set; }

        /// <summary>Datagrams dropped for size (empty or longer than a package may be).</summary>
        public int DroppedForSize { get; private set; }

        /// <summary>Handler calls that threw.</summary>
        public int HandlerFailures { get; private set; }

        /// <summary>Starts the listener thread; a second call does nothing.</summary>
        public void Start()
        {
            if (_thread != null)
            {
                return;
            }

            _stop = false;
            _thread = new Thread(Run);
            _thread.Start();
        }

        /// <summary>Asks the thread to end; it does within <see cref="PollIntervalMs"/>.</summary>
        public void Stop()
        {
            _stop = true;
            _thread = null;
        }

        private void Run()
        {
            while (!_stop)
            {
                Socket socket = null;
                try
                {
                    socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    socket.Bind(new IPEndPoint(IPAddress.Any, _port));
                    ReceiveLoop(socket);
                }
                catch (Exception)
                {
                    // Network down or the port is taken: wait and reopen.
                    Thread.Sleep(RetryDelayMs);
                }
                finally
                {
                    if (socket != null)
                    {
                        socket.Close();
                    }
                }
            }
        }

        private void ReceiveLoop(Socket socket)
        {
            EndPoint sender = new IPEndPoint(IPAddress.Any, 0);
            while (!_stop)
            {
                // Poll takes microseconds.
                if (!socket.Poll(PollIntervalMs * 1000, SelectMode.SelectRead))
                {
                    continue;
                }

                int count = socket.ReceiveFrom(_buffer, 0, _buffer.Length, SocketFlags.None, ref sender);
                if (count <= 0 || count > NotificationParser.MaxPackageBytes)
                {
                    DroppedForSize++;
                    continue;
                }

                try
                {
                    _handler(_buffer, count);
                    Delivered++;
                }
                catch (Exception)
                {
                    HandlerFailures++;
                }
            }
        }
    }
}
