using System.Xml.Linq;
using GptBook.Model;

namespace GptBook.Site;

/// <summary>
/// The lists of downloads the site's pages show, each file with its size: in the footer of every page, and as
/// buttons on the home page. The pages are made while the PDF is still being drawn, its size unknown: a page is
/// composed with an empty <see cref="Slot"/> where a list goes, <see cref="MarkSlots"/> turns each slot into a mark
/// once the page is guarded, and the page writer puts the <see cref="List"/> there, guarded and read for its
/// characters like the rest of the page, when the files are built. The page's bytes are those it would have had with
/// the list in it from the start.
/// </summary>
public static class SiteDownloadLists
{
    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    /// <summary>A download as the pages show it: file name in the site, label, size in bytes, media type.</summary>
    public sealed record Download(string FileName, string Label, long Bytes, string MediaType);

    /// <summary>Where a list is shown, which decides how it looks.</summary>
    public enum Place { Footer, Home }

    /// <summary>
    /// An empty slot in a page, to become <paramref name="place"/>'s list; <paramref name="root"/> is what its links
    /// start with (<see cref="SiteFrame.Root"/>). Known by an annotation, which neither the guard nor the serializer
    /// sees and which no content can carry.
    /// </summary>
    public static XElement Slot(Place place, string root)
    {
        var slot = new XElement(X + "div");
        slot.AddAnnotation(new SlotAnnotation(place, root));
        return slot;
    }

    /// <summary>
    /// A slot marked in a page before it was serialized: the list it becomes, what the list's links start with, its
    /// mark in the page's text, and the elements it sits in, body first, each without its content (the faces the
    /// list's text is set in follow from them, see <see cref="WebFonts.WebFontCharacters"/>).
    /// </summary>
    public sealed record Marked(Place Place, string Root, string Mark, IReadOnlyList<XElement> Surroundings)
    {
        /// <summary>The list in a copy of the slot's surroundings, as the page would hold it; returns the copy's body.</summary>
        public XElement InPlace(XElement list)
        {
            XElement? body = null, parent = null;
            foreach (var element in Surroundings)
            {
                var copy = new XElement(element);
                if (parent == null) body = copy;
                else parent.Add(copy);
                parent = copy;
            }
            parent!.Add(list);
            return body!;
        }
    }

    /// <summary>
    /// Replaces every slot of a guarded page with a mark its serialized text holds exactly once (a <c>template</c>
    /// with an id of its own: the guard has removed every template from the page's content).
    /// </summary>
    public static IReadOnlyList<Marked> MarkSlots(XElement page)
    {
        var body = page.Element(X + "body") ?? page;
        var slots = body.Descendants(X + "div").Where(e => e.Annotation<SlotAnnotation>() != null).ToArray();
        var marked = new Marked[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            var (place, root) = slots[i].Annotation<SlotAnnotation>()!;
            var surroundings = slots[i].Ancestors().TakeWhile(a => a != body.Parent).Reverse()
                .Select(a => new XElement(a.Name, a.Attributes().Where(attribute => !attribute.IsNamespaceDeclaration))).ToArray();
            var mark = new XElement(X + "template", new XAttribute("id", $"gb-downloads-{i}"));
            slots[i].ReplaceWith(mark);
            marked[i] = new Marked(place, root, PolyglotHtmlSerializer.Fragment([mark]), surroundings);
        }
        return marked;
    }

    /// <summary>The list a slot becomes, or null when nothing is offered.</summary>
    public static XElement? List(Place place, string root, IReadOnlyList<Download> downloads, LanguageLabels labels, SiteLabels siteLabels)
    {
        if (downloads.Count == 0) return null;
        return place == Place.Footer
            ? new XElement(X + "ul", new XAttribute("class", "footer-downloads"), new XAttribute("aria-label", siteLabels.Downloads),
                downloads.Select(d => new XElement(X + "li", Link(d, root, null,
                    $"{labels.Download} {d.Label}",
                    new XElement(X + "span", new XAttribute("class", "download-size"), " · " + ByteSizeText.Format(d.Bytes))))))
            : new XElement(X + "ul", new XAttribute("class", "downloads"),
                downloads.Select(d => new XElement(X + "li", Link(d, root, "download",
                    new XElement(X + "span", $"{labels.Download} {d.Label}"),
                    new XElement(X + "span", new XAttribute("class", "download-size"), "· " + ByteSizeText.Format(d.Bytes))))));
    }

    /// <summary>A link that downloads <paramref name="download"/> (its class first, when it has one), around <paramref name="content"/>.</summary>
    private static XElement Link(Download download, string root, string? cssClass, params object[] content) =>
        new(X + "a",
            cssClass == null ? null : new XAttribute("class", cssClass),
            new XAttribute("href", root + download.FileName),
            new XAttribute("type", download.MediaType),
            new XAttribute("download", download.FileName),
            content);

    private sealed record SlotAnnotation(Place Place, string Root);
}
