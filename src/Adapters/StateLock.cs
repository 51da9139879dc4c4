// Serializes the writers of one state folder, across threads and processes: every commit (a vocabulary,
// a vocabulary + idf pair, a stats.json read-merge-write) runs under the folder's lock, so two concurrent
// `prepgen adapt --stats-key` runs cannot lose each other's keys and a writer may delete the temporary
// files that earlier, killed writers left behind.
using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace PrepGen.Adapt;

/// <summary>
/// An exclusive lock on a state folder: a lock file opened with <see cref="FileShare.None"/> (an advisory
/// <c>flock</c> on Unix, a share-mode lock on Windows), released when the process ends, even by kill -9. The
/// lock files live under the temp directory (<c>prepgen-locks/</c>, one per folder, named by the folder's
/// hash), not in the state folder, so the folder holds the state files only.
/// </summary>
internal sealed class StateLock : IDisposable
{
    /// <summary>How long a writer waits for another one to finish before giving up.</summary>
    public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    private readonly FileStream _stream;

    private StateLock(FileStream stream) => _stream = stream;

    /// <summary>Waits for the lock of <paramref name="folder"/> (a full path).</summary>
    /// <exception cref="IOException">Another writer held the folder longer than <see cref="Timeout"/>.</exception>
    public static StateLock Acquire(string folder)
    {
        string path = LockPath(folder);
        var watch = Stopwatch.StartNew();
        int attempt = 0;
        while (true)
        {
            try
            {
                // Read access is enough for the lock and lets other users take a lock file one user created.
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Read, Share = FileShare.None, BufferSize = 0 };
                return new StateLock(new FileStream(path, options));
            }
            catch (IOException) when (watch.Elapsed < Timeout)
            {
                // Held by another writer: wait and retry.
            }
            catch (IOException e) when (watch.Elapsed >= Timeout)
            {
                throw new IOException(
                    $"another PrepGen writer has held the state folder '{folder}' for more than {Timeout.TotalSeconds:F0} s (lock file '{path}'); try again when it has finished.", e);
            }

            Thread.Sleep(Math.Min(5 << Math.Min(attempt++, 4), 50));
        }
    }

    /// <summary>The lock file of a folder.</summary>
    public static string LockPath(string folder)
    {
        string key = OperatingSystem.IsLinux() ? folder : folder.ToUpperInvariant();
        string name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + ".lock";
        string directory = Path.Combine(Path.GetTempPath(), "prepgen-locks");
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                // Shared by every user who writes state (world-writable and sticky, like /tmp itself).
                Directory.CreateDirectory(directory);
                try
                {
                    File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.StickyBit);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another user created it first: theirs is already shared.
                }
            }
        }

        return Path.Combine(directory, name);
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();
}
