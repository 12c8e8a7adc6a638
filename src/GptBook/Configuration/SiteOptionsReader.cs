
namespace GptBook.Configuration;

/// <summary>The <c>site:</c> section of book.yml.</summary>
internal static class SiteOptionsReader
{
    public static SiteOptions Read(YamlSection s)
    {
        var section = s.Section("site");
        if (section == null) return new SiteOptions();
        var options = new SiteOptions(section.String("base_title"));
        section.ReportUnknownKeys();
        return options;
    }
}
