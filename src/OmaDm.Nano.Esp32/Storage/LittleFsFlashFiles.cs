using System;
using System.IO;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Esp32.Storage
{
    /// <summary>
    /// <see cref="IFlashFiles"/> over one folder of the LittleFS <c>config</c> partition that ESP32
    /// firmware mounts as <c>I:\</c>.
    /// </summary>
    /// <remarks>
    /// LittleFS renames are atomic, which is why <see cref="Rename"/> maps straight onto
    /// <see cref="File.Move(string, string)"/>. <see cref="Stream.Flush"/> does not reach the flash
    /// on nanoFramework: data is durable only once the stream returned by <see cref="Create"/> is
    /// closed. The partition is small (256 KB on 4 MB boards), so the store keeps few, small files.
    /// Names are checked so that a caller can never leave the folder.
    /// </remarks>
    public sealed class LittleFsFlashFiles : IFlashFiles
    {
        /// <summary>Default folder of the record store.</summary>
        public const string DefaultFolder = "I:\\omadm";

        /// <summary>LittleFS's own name limit is 255; the store's names are far shorter, so refuse anything odd.</summary>
        public const int MaxNameChars = 64;

        private readonly string _folder;

        /// <summary>Uses <paramref name="folder"/> (created when missing), e.g. <see cref="DefaultFolder"/>.</summary>
        /// <exception cref="IOException">The drive is not mounted (firmware without a config partition).</exception>
        public LittleFsFlashFiles(string folder)
        {
            if (folder == null || folder.Length == 0)
            {
                throw new ArgumentNullException("folder");
            }

            _folder = folder;
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        /// <summary>The folder the store lives in.</summary>
        public string Folder
        {
            get { return _folder; }
        }

        /// <inheritdoc />
        public Stream OpenRead(string name)
        {
            string path = PathOf(name);
            if (!File.Exists(path))
            {
                return null;
            }

            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        /// <inheritdoc />
        public Stream Create(string name)
        {
            return new FileStream(PathOf(name), FileMode.Create, FileAccess.Write, FileShare.None);
        }

        /// <inheritdoc />
        public bool Exists(string name)
        {
            return File.Exists(PathOf(name));
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            string path = PathOf(name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        /// <inheritdoc />
        public void Rename(string from, string to)
        {
            string target = PathOf(to);
            if (File.Exists(target))
            {
                // The contract forbids it; File.Move would fail later with a less useful message.
                throw new IOException("rename target exists: " + to);
            }

            File.Move(PathOf(from), target);
        }

        /// <inheritdoc />
        public string[] List()
        {
            string[] paths = Directory.GetFiles(_folder);
            string[] names = new string[paths.Length];
            for (int i = 0; i < paths.Length; i++)
            {
                names[i] = NameOf(paths[i]);
            }

            return names;
        }

        private string PathOf(string name)
        {
            if (!IsValidName(name))
            {
                throw new ArgumentException("bad store file name");
            }

            return Path.Combine(_folder, name);
        }

        /// <summary>True for a plain file name the store may use: no separators, no "..", printable ASCII.</summary>
        public static bool IsValidName(string name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxNameChars)
            {
                return false;
            }

            if (name == "." || name == "..")
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c <= ' ' || c > '~' || c == '\\' || c == '/' || c == ':' || c == '*' || c == '?' || c == '"'
                    || c == '<' || c == '>' || c == '|')
                {
                    return false;
                }
            }

            return true;
        }

        private static string NameOf(string path)
        {
            return Path.GetFileName(path);
        }
    }
}
