using System.IO;
using System.Text;
using OmaDm.Nano.Addressing;
using OmaDm.Nano.Json;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Protocol;

namespace OmaDm.Nano.Session
{
    public sealed partial class DmClient
    {
        /// <summary>
        /// Fetches the configuration of <paramref name="moid"/> from the ServerURI a DEFAULT command
        /// stored for it, and creates the instance (HGET without ClientURI). Call when the app needs
        /// an MO the tree lacks; not during a session.
        /// </summary>
        /// <param name="moid">MOID, with or without "urn:".</param>
        /// <param name="createdUri">ClientURI of the created instance, or null.</param>
        /// <returns>200, 404 when no DEFAULT is stored (or the repository has nothing), or the HGET failure status.</returns>
        public int FetchDefault(string moid, out string createdUri)
        {
            createdUri = null;
            string serverUri = GetDefaultServerUri(moid);
            if (serverUri == null || Account == null)
            {
                return DmStatus.NotFound;
            }

            if (_running)
            {
                return DmStatus.DeviceError;
            }

            int status;
            try
            {
                status = HGet(serverUri, null, out createdUri);
            }
            catch (IOException)
            {
                status = DmStatus.DeviceError;
            }

            if (status == DmStatus.Ok && _tree.Commit() != Storage.StoreResult.Success)
            {
                _store.Rollback();
                _tree.Reload();
                createdUri = null;
                return DmStatus.DeviceError;
            }

            return status;
        }

        /// <summary>The ServerURI a DEFAULT command stored for <paramref name="moid"/>, or null.</summary>
        /// <param name="moid">MOID, with or without "urn:".</param>
        public string GetDefaultServerUri(string moid)
        {
            if (moid == null)
            {
                return null;
            }

            byte[] value = _store.Get(DefaultKeyPrefix + ClientUri.NormalizeMoid(moid));
            return value == null ? null : Encoding.UTF8.GetString(value, 0, value.Length);
        }

        private int RunHGet(DmCommand command, out string createdUri)
        {
            createdUri = null;
            ClientUri target = null;
            if (command.ArgumentCount == 2)
            {
                int status;
                if (!TryParseUri(command.Argument(1), out target, out status))
                {
                    return status;
                }
            }

            return HGet(command.Argument(0), target, out createdUri);
        }

        private int HGet(string serverUri, ClientUri target, out string createdUri)
        {
            createdUri = null;
            if (!UrlRules.IsAllowed(serverUri, Account.AllowInsecure))
            {
                return DmStatus.BadRequest;
            }

            IHttpExchange exchange = _transport.Open(RepositoryRequest("GET", serverUri, null));
            try
            {
                TransportResult sent = exchange.Send();
                if (sent != TransportResult.Success)
                {
                    return DmStatus.DeviceError;
                }

                int http = exchange.StatusCode;
                if (http != 200)
                {
                    return MapRepositoryStatus(http);
                }

                if (target == null)
                {
                    if (!DmMediaTypes.Matches(exchange.ContentType, DmMediaTypes.Json))
                    {
                        return DmStatus.UnsupportedMediaType;
                    }

                    int status = _tree.CreateFromBody(Account.ServerId, exchange.ResponseBody, exchange.ContentLength, out createdUri);
                    if (status != DmStatus.Ok)
                    {
                        createdUri = null;
                    }

                    return status;
                }

                return _tree.WriteFromBody(target, Account.ServerId, exchange.ContentType, exchange.ResponseBody, exchange.ContentLength);
            }
            catch (IOException)
            {
                return DmStatus.DeviceError; // the repository dropped mid-body
            }
            finally
            {
                exchange.Dispose();
            }
        }

        private int RunHPut(DmCommand command, string method)
        {
            string serverUri = command.Argument(0);
            ClientUri source;
            int status;
            if (!TryParseUri(command.Argument(1), out source, out status))
            {
                return status;
            }

            if (!UrlRules.IsAllowed(serverUri, Account.AllowInsecure))
            {
                return DmStatus.BadRequest;
            }

            status = _tree.CanSerialize(source, Account.ServerId);
            if (status != DmStatus.Ok)
            {
                return status; // nothing is sent when the node may not be read
            }

            IHttpExchange exchange = _transport.Open(RepositoryRequest(method, serverUri, DmMediaTypes.Json));
            try
            {
                JsonWriter writer = new JsonWriter(exchange.RequestBody, _repositoryBuffer);
                status = _tree.Serialize(source, Account.ServerId, writer);
                if (status != DmStatus.Ok)
                {
                    return status;
                }

                writer.Flush();
                TransportResult sent = exchange.Send();
                if (sent != TransportResult.Success)
                {
                    return DmStatus.DeviceError;
                }

                int http = exchange.StatusCode;
                return http >= 200 && http < 300 ? DmStatus.Ok : MapRepositoryStatus(http);
            }
            catch (IOException)
            {
                return DmStatus.DeviceError;
            }
            finally
            {
                exchange.Dispose();
            }
        }

        private HttpRequest RepositoryRequest(string method, string url, string contentType)
        {
            HttpRequest request = _repositoryRequest;
            request.Method = method;
            request.Url = url;
            request.ContentType = contentType;
            request.Accept = null;
            request.DevId = DevId;

            // the account's credentials only go back to the account's own server
            bool sameOrigin = UrlRules.SameOrigin(url, Account.ServerUri);
            request.UserName = sameOrigin ? Account.UserName : null;
            request.Password = sameOrigin ? Account.Password : null;
            request.RangeStart = -1;
            request.IfRange = null;
            request.TimeoutMs = HttpRequest.DefaultTimeoutMs;
            request.AllowInsecure = Account.AllowInsecure || UrlRules.IsLoopback(url);
            return request;
        }

        private static int MapRepositoryStatus(int http)
        {
            if (http == DmStatus.NotFound || http == DmStatus.TooLarge || http == DmStatus.UnsupportedMediaType)
            {
                return http;
            }

            return DmStatus.DeviceError;
        }
    }
}
