namespace GptBook.Loading.Formulas;

/// <summary>Finding a closing delimiter in TeX: a backslash escapes the character after it (<c>\$</c> is a dollar inside math).</summary>
internal static class MathDelimiters
{
    /// <summary>The index of <paramref name="closer"/> in <paramref name="text"/> from <paramref name="start"/>, skipping escaped characters; −1 when absent.</summary>
    public static int Find(string text, int start, int end, string closer)
    {
        for (var i = start; i + closer.Length <= end; i++)
        {
            if (string.CompareOrdinal(text, i, closer, 0, closer.Length) == 0) return i;
            if (text[i] == '\\') i++;
        }
        return -1;
    }
}
