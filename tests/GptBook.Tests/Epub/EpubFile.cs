using System.IO.Compression;
using System.Xml.Linq;

namespace GptBook.Tests.Epub;

/// <summary>An EPUB read back for assertions: its zip entries in order, and the package documents parsed.</summary>
public sealed class EpubFile
{
    public static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Ops = "http://www.idpf.org/2007/ops";
    public static readonly XNamespace Ncx = "http://www.daisy.org/z3986/2005/ncx/";
    public static readonly XNamespace Xml = XNamespace.Xml;

    public EpubFile(string path)
    {
        Bytes = File.ReadAllBytes(path);
        using var zip = new ZipArchive(new MemoryStream(Bytes), ZipArchiveMode.Read);
        EntryNames = zip.Entries.Select(e => e.FullName).ToArray();
        Stored = zip.Entries.ToDictionary(e => e.FullName, e => e.CompressedLength == e.Length);
        Entries = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
        var container = Xml_("META-INF/container.xml");
        OpfPath = container.Descendants().Single(e => e.Name.LocalName == "rootfile").Attribute("full-path")!.Value;
        Package = Xml_(OpfPath);
    }

    public byte[] Bytes { get; }
    public IReadOnlyList<string> EntryNames { get; }
    public IReadOnlyDictionary<string, bool> Stored { get; }
    public IReadOnlyDictionary<string, byte[]> Entries { get; }
    public string OpfPath { get; }
    public XDocument Package { get; }

    public string Folder => Path.GetDirectoryName(OpfPath)!.Replace('\\', '/');

    public XElement Metadata => Package.Root!.Element(Opf + "metadata")!;

    public IReadOnlyList<XElement> Manifest => Package.Root!.Element(Opf + "manifest")!.Elements(Opf + "item").ToArray();

    public XElement Item(string id) => Manifest.Single(i => i.Attribute("id")!.Value == id);

    public IReadOnlyList<string> SpineHrefs => Package.Root!.Element(Opf + "spine")!.Elements(Opf + "itemref")
        .Select(r => Item(r.Attribute("idref")!.Value).Attribute("href")!.Value).ToArray();

    /// <summary>A package item by its href relative to the OPF.</summary>
    public XDocument Document(string href) => Xml_(Folder + "/" + href);

    public IEnumerable<string> XhtmlHrefs => Manifest.Where(i => i.Attribute("media-type")!.Value == "application/xhtml+xml").Select(i => i.Attribute("href")!.Value);

    public XDocument Nav => Document(Manifest.Single(i => (i.Attribute("properties")?.Value ?? "").Split(' ').Contains("nav")).Attribute("href")!.Value);

    private XDocument Xml_(string name) => XDocument.Load(new MemoryStream(Entries[name]));

    /// <summary>The visible text of every content document in spine order (for "appears once" checks).</summary>
    public string SpineText => string.Concat(SpineHrefs.Select(h => Document(h).Root!.Element(Xhtml + "body")!.Value));
}
