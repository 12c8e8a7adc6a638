using System.Runtime.InteropServices;
using System.Text;

namespace GptBook.IO;

/// <summary>
/// Swaps two paths in one step, so that a reader of either never finds it missing: Linux's
/// <c>renameat2(…, RENAME_EXCHANGE)</c> (kernel 3.15, glibc 2.28; ext4, btrfs, xfs, tmpfs and overlayfs support it).
/// Where it is not available (another system, an older C library, a file system that refuses the flag) the callers
/// fall back to two renames, with a moment in between where the target is absent; the commit's journal makes that
/// moment recoverable (see docs/architecture.md).
/// </summary>
public static class PathExchange
{
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;
    private static bool _unsupported = !OperatingSystem.IsLinux();

    /// <summary>
    /// Exchanges <paramref name="a"/> and <paramref name="b"/> (files or folders, both existing, on one file system).
    /// False when the system cannot do it atomically: nothing was changed, and the caller falls back.
    /// </summary>
    public static bool TryExchange(string a, string b)
    {
        if (_unsupported) return false;
        int result;
        try
        {
            result = RenameAt2(AtCurrentDirectory, NulTerminated(a), AtCurrentDirectory, NulTerminated(b), RenameExchange);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unsupported = true; // a C library without renameat2 (musl before 1.2.3, glibc before 2.28)
            return false;
        }
        if (result == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        // EINVAL: the file system does not support the flag; ENOSYS: the kernel has no renameat2; EOPNOTSUPP likewise.
        if (errno is 22 or 38 or 95) return false;
        throw new IOException($"could not exchange {a} and {b} (errno {errno})");
    }

    private static byte[] NulTerminated(string path) => Encoding.UTF8.GetBytes(Path.GetFullPath(path) + "\0");

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int RenameAt2(int oldDirectory, byte[] oldPath, int newDirectory, byte[] newPath, uint flags);
}
