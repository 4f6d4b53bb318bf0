using System.Collections;
using System.IO;
using System.Text;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Tests.Fakes
{
    /// <summary>
    /// In-memory <see cref="IHttpTransport"/> for session tests: DM POSTs (Package#1/#3) get the
    /// scripted answers in order; other requests (HGET/HPUT/HPOST to a repository) are served from
    /// a URL map. Every request is recorded with its body.
    /// </summary>
    public sealed class ScriptedTransport : IHttpTransport
    {
        private readonly ArrayList _script = new ArrayList();     // of ScriptedResponse
        private readonly Hashtable _resources = new Hashtable();  // url -> ScriptedResponse
        private readonly ArrayList _requests = new ArrayList();   // of ScriptedRequest
        private int _next;

        /// <summary>Requests opened so far (DM and repository).</summary>
        public int RequestCount { get { return _requests.Count; } }

        /// <summary>Request <paramref name="index"/> in the order opened.</summary>
        public ScriptedRequest Request(int index)
        {
            return (ScriptedRequest)_requests[index];
        }

        /// <summary>The first request to <paramref name="url"/>, or null.</summary>
        public ScriptedRequest FindRequest(string url)
        {
            for (int i = 0; i < _requests.Count; i++)
            {
                ScriptedRequest request = (ScriptedRequest)_requests[i];
                if (request.Url == url)
                {
                    return request;
                }
            }

            return null;
        }

        /// <summary>DM packages sent so far (Package#1 and #3 that reached Send).</summary>
        public int DmPackagesSent { get; private set; }

        /// <summary>Scripted DM answers not consumed yet.</summary>
        public int Remaining { get { return _script.Count - _next; } }

        /// <summary>Queues a 200 Package#2 answer.</summary>
        public void EnqueuePackage2(string json)
        {
            Enqueue(200, "application/vnd.oma.dm.request+json", json);
        }

        /// <summary>Queues any HTTP answer to the next DM POST.</summary>
        public void Enqueue(int status, string contentType, string body)
        {
            ScriptedResponse response = new ScriptedResponse();
            response.Status = status;
            response.ContentType = contentType;
            response.Body = body == null ? new byte[0] : Encoding.UTF8.GetBytes(body);
            _script.Add(response);
        }

        /// <summary>Makes the next DM POST fail at the transport level.</summary>
        public void EnqueueFailure(TransportResult result)
        {
            ScriptedResponse response = new ScriptedResponse();
            response.Failure = result;
            _script.Add(response);
        }

        /// <summary>Serves <paramref name="url"/> to repository requests.</summary>
        public void AddResource(string url, int status, string contentType, string body)
        {
            ScriptedResponse response = new ScriptedResponse();
            response.Status = status;
            response.ContentType = contentType;
            response.Body = body == null ? new byte[0] : Encoding.UTF8.GetBytes(body);
            _resources[url] = response;
        }

        /// <inheritdoc />
        public IHttpExchange Open(HttpRequest request)
        {
            ScriptedRequest recorded = new ScriptedRequest();
            recorded.Method = request.Method;
            recorded.Url = request.Url;
            recorded.ContentType = request.ContentType;
            recorded.Accept = request.Accept;
            recorded.DevId = request.DevId;
            recorded.UserName = request.UserName;
            recorded.Password = request.Password;
            recorded.AllowInsecure = request.AllowInsecure;
            _requests.Add(recorded);
            return new Exchange(this, recorded);
        }

        private ScriptedResponse Answer(ScriptedRequest request)
        {
            bool dm = request.ContentType != null && request.ContentType.IndexOf("vnd.oma.dm") >= 0;
            if (dm)
            {
                DmPackagesSent++;
                if (_next >= _script.Count)
                {
                    ScriptedResponse none = new ScriptedResponse();
                    none.Failure = TransportResult.ConnectFailed; // script exhausted: the test did not expect this package
                    return none;
                }

                return (ScriptedResponse)_script[_next++];
            }

            ScriptedResponse resource = (ScriptedResponse)_resources[request.Url];
            if (resource == null)
            {
                resource = new ScriptedResponse();
                resource.Status = 404;
                resource.ContentType = "text/plain";
                resource.Body = new byte[0];
            }

            return resource;
        }

        private sealed class ScriptedResponse
        {
            public TransportResult Failure = TransportResult.Success;
            public int Status;
            public string ContentType;
            public byte[] Body;
        }

        private sealed class Exchange : IHttpExchange
        {
            private readonly ScriptedTransport _owner;
            private readonly ScriptedRequest _request;
            private readonly MemoryStream _body = new MemoryStream();
            private ScriptedResponse _response;
            private Stream _responseBody;

            public Exchange(ScriptedTransport owner, ScriptedRequest request)
            {
                _owner = owner;
                _request = request;
            }

            public Stream RequestBody { get { return _request.Method == "GET" ? null : _body; } }

            public TransportResult Send()
            {
                byte[] bytes = _body.ToArray();
                _request.Body = Encoding.UTF8.GetString(bytes, 0, bytes.Length);
                _request.Sent = true;
                _response = _owner.Answer(_request);
                if (_response.Failure != TransportResult.Success)
                {
                    return _response.Failure;
                }

                _responseBody = new MemoryStream(_response.Body);
                return TransportResult.Success;
            }

            public int StatusCode { get { return _response == null || _response.Failure != TransportResult.Success ? 0 : _response.Status; } }

            public string ContentType { get { return _response == null ? null : _response.ContentType; } }

            public long ContentLength { get { return _response == null || _response.Body == null ? -1 : _response.Body.Length; } }

            public string ETag { get { return null; } }

            public long RangeStart { get { return -1; } }

            public long RangeTotal { get { return -1; } }

            public Stream ResponseBody { get { return _responseBody; } }

            public void Dispose()
            {
                _request.Disposed = true;
            }
        }
    }
}
