
namespace GptBook.Pdf;

/// <summary>The Adler-32 checksum (RFC 1950) that ends a zlib stream; .NET exposes no public implementation.</summary>
internal static class Adler32
{
    private const uint Modulus = 65521;

    /// <summary>The largest number of bytes that can be summed before the 32-bit sums could overflow (zlib's NMAX).</summary>
    private const int Block = 5552;

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint a = 1, b = 0;
        while (data.Length > 0)
        {
            var n = Math.Min(data.Length, Block);
            foreach (var x in data[..n])
            {
                a += x;
                b += a;
            }
            a %= Modulus;
            b %= Modulus;
            data = data[n..];
        }
        return (b << 16) | a;
    }
}
