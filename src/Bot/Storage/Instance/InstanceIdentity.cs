using System.Security.Cryptography;
using System.Text;

namespace LibraryBot.Bot.Storage.Instance;

/// <summary>
/// This process's identity for claims in the store (<see cref="IInboxStore"/>, <see cref="IOutboxStore"/>): stable
/// across restarts, so a process killed while it held claims takes them back as soon as it is started again.
/// <para>
/// Configured (<c>Instance:Id</c>) it is used as given. Otherwise it is one of the store's identity slots, files
/// <c>&lt;store&gt;.instance-N</c> in the store's data directory, each holding a random identity written the first
/// time: the process takes the first slot no running process holds, under a record lock while it runs (the operating
/// system drops it when the process ends, even when killed; the file stays readable). A restarted process therefore gets the slot — and
/// the claims — of the one before it, and two processes sharing a store never share an identity.
/// </para>
/// </summary>
public sealed class InstanceIdentity : IDisposable
{
    private const int MaxSlots = 256;
    private static readonly HashSet<string> HeldHere = new(StringComparer.Ordinal);
    private readonly FileStream? _slot;
    private readonly string? _path;

    private InstanceIdentity(string id, FileStream? slot, string? path)
    {
        Id = id;
        _slot = slot;
        _path = path;
    }

    public string Id { get; }

    public static InstanceIdentity Configured(string id) => new(id, null, null);

    /// <summary>Takes the first free identity slot of <paramref name="storeName"/> in <paramref name="directory"/>.</summary>
    public static InstanceIdentity FromSlots(string directory, string storeName)
    {
        Directory.CreateDirectory(directory);
        for (var slot = 0; slot < MaxSlots; slot++)
        {
            var path = Path.Combine(directory, $"{storeName}.instance-{slot}");
            lock (HeldHere)
            {
                if (HeldHere.Contains(path))
                {
                    continue; // Held by another host in this process.
                }

                // Open for everyone to read (tools that scan the data folder); held by a record lock, which the
                // operating system drops when the process ends.
                // (macOS has no record locks in .NET: there the file is opened exclusively.)
                FileStream? file = null;
                try
                {
                    file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, OperatingSystem.IsMacOS() ? FileShare.None : FileShare.ReadWrite);
                    if (!OperatingSystem.IsMacOS())
                    {
                        file.Lock(0, 1);
                    }
                }
                catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
                {
                    file?.Dispose();
                    continue; // Held by a running process.
                }

                HeldHere.Add(path);
                return new InstanceIdentity(ReadOrCreate(file), file, path);
            }
        }

        throw new InvalidOperationException($"All {MaxSlots} instance identities of {Path.Combine(directory, storeName)} are held by running processes.");
    }

    /// <summary>A short, stable name for a store that has no file of its own (a Cosmos DB account's database).</summary>
    public static string NameOf(string store) =>
        "store-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(store)))[..16];

    public void Dispose()
    {
        if (_slot is null)
        {
            return;
        }

        lock (HeldHere)
        {
            _slot.Dispose();
            HeldHere.Remove(_path!);
        }
    }

    private static string ReadOrCreate(FileStream file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var existing = reader.ReadToEnd().Trim();
        if (Guid.TryParseExact(existing, "N", out _))
        {
            return "instance-" + existing;
        }

        var created = Guid.NewGuid().ToString("N");
        file.SetLength(0);
        file.Write(Encoding.UTF8.GetBytes(created));
        file.Flush(flushToDisk: true);
        return "instance-" + created;
    }
}
