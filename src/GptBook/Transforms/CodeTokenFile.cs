using System.Buffers.Binary;
using GptBook.Model;

namespace GptBook.Transforms;

/// <summary>
/// A code block's tokens as the derived-file cache keeps them: nine bytes a token (start and length as 32-bit
/// little-endian integers, then the kind). An entry that does not describe tokens of the code, in order and inside
/// it, is refused (read as null), so a damaged cache file makes the tokens again instead of misplacing colours.
/// </summary>
internal static class CodeTokenFile
{
    private const int TokenSize = 9;

    public static byte[] Write(IReadOnlyList<CodeToken> tokens)
    {
        var bytes = new byte[tokens.Count * TokenSize];
        for (var i = 0; i < tokens.Count; i++)
        {
            var at = bytes.AsSpan(i * TokenSize);
            BinaryPrimitives.WriteInt32LittleEndian(at, tokens[i].Start);
            BinaryPrimitives.WriteInt32LittleEndian(at[4..], tokens[i].Length);
            at[8] = (byte)tokens[i].Kind;
        }
        return bytes;
    }

    /// <summary>The tokens, or null when <paramref name="bytes"/> are not tokens of a code of <paramref name="codeLength"/> characters.</summary>
    public static IReadOnlyList<CodeToken>? Read(byte[] bytes, int codeLength)
    {
        if (bytes.Length % TokenSize != 0) return null;
        var tokens = new CodeToken[bytes.Length / TokenSize];
        var end = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var at = bytes.AsSpan(i * TokenSize);
            var start = BinaryPrimitives.ReadInt32LittleEndian(at);
            var length = BinaryPrimitives.ReadInt32LittleEndian(at[4..]);
            var kind = (CodeTokenKind)at[8];
            if (start < end || length <= 0 || length > codeLength - start || !Enum.IsDefined(kind) || kind == CodeTokenKind.Plain) return null;
            tokens[i] = new CodeToken(start, length, kind);
            end = start + length;
        }
        return tokens;
    }
}
