using System.Globalization;
using System.Text;

namespace GptBook.Policies;

/// <summary>
/// Text from the book as a diagnostic quotes it: control characters written as <c>\uXXXX</c> (a NUL or an escape
/// sequence must neither vanish nor drive the terminal), long values cut so one bad value cannot flood the log.
/// </summary>
public static class ShownText
{
    public static string Of(string value, int maxLength = 80)
    {
        var sb = new StringBuilder(Math.Min(value.Length, maxLength) + 8);
        foreach (var c in value)
        {
            if (sb.Length >= maxLength) return sb.Append('…').ToString();
            if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
