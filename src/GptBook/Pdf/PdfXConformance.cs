using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace GptBook.Pdf;

/// <summary>
/// What makes the print PDF a PDF/X-4 file (ISO 15930-7) beyond its drawing in black ink: the output intent with
/// the bundled printing condition's profile (<see cref="ColorProfiles.OutputCondition"/>), RGB images tagged with
/// the sRGB profile (device-independent colour, which PDF/X-4 lets the RIP convert under the output intent, so
/// figures stay RGB), no page transparency group on a page where nothing is transparent, and PDF 1.6. The
/// document information (<c>GTS_PDFXVersion</c>, <c>Trapped</c>) and the XMP packet are written by
/// <see cref="PdfBookWriter"/> and <see cref="XmpPacket"/>.
/// </summary>
internal static class PdfXConformance
{
    public const string Version = "PDF/X-4";

    /// <summary>Applies the rules to a document about to be saved (its pages drawn); streams it adds are already compressed.</summary>
    public static void Apply(PdfDocument document)
    {
        // PDFsharp gives every page it writes a transparency group unless the colour mode is undefined. The pages are
        // drawn by now, in CMYK mode (k/K colours); the mode only decides the groups from here on.
        document.Options.ColorMode = PdfColorMode.Undefined;
        document.Version = 16;

        var intent = new PdfDictionary(document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFX");
        intent.Elements.SetString("/OutputConditionIdentifier", ColorProfiles.OutputCondition.Identifier);
        intent.Elements.SetString("/OutputCondition", ColorProfiles.OutputCondition.Info);
        intent.Elements.SetString("/RegistryName", "http://www.color.org");
        intent.Elements.SetString("/Info", ColorProfiles.OutputCondition.Info);
        intent.Elements["/DestOutputProfile"] = ProfileStream(document, ColorProfiles.OutputCondition).Reference;
        document.Internals.Catalog.Elements["/OutputIntents"] = new PdfArray(document, intent);

        PdfArray? srgb = null;
        foreach (var obj in document.Internals.GetAllObjects())
        {
            if (obj is not PdfDictionary dict || dict.Elements.GetName("/Subtype") != "/Image") continue;
            if (dict.Elements["/ColorSpace"] is PdfName { Value: "/DeviceRGB" })
                dict.Elements["/ColorSpace"] = srgb ??= IccBased(document, ColorProfiles.Srgb);
        }

        // A page where something is transparent gets the group PDFsharp would have written in CMYK mode.
        foreach (var page in document.Pages)
        {
            if (!UsesTransparency(page.Resources.Elements)) continue;
            var group = new PdfDictionary();
            group.Elements.SetName("/CS", "/DeviceCMYK");
            group.Elements.SetName("/S", "/Transparency");
            page.Elements["/Group"] = group;
        }
    }

    private static PdfArray IccBased(PdfDocument document, ColorProfiles.IccProfile profile)
    {
        var array = new PdfArray(document, new PdfName("/ICCBased"), ProfileStream(document, profile).Reference!);
        document.Internals.AddObject(array);
        return array;
    }

    private static PdfDictionary ProfileStream(PdfDocument document, ColorProfiles.IccProfile profile)
    {
        var stream = new PdfDictionary(document);
        document.Internals.AddObject(stream);
        stream.CreateStream(profile.Deflated);
        stream.Elements.SetInteger("/N", profile.Components);
        stream.Elements.SetName("/Filter", "/FlateDecode");
        stream.Elements.SetInteger("/Length", profile.Deflated.Length);
        return stream;
    }

    /// <summary>Soft masks, constant alpha below 1 or a blend mode anywhere in the page's resources (forms included).</summary>
    private static bool UsesTransparency(PdfDictionary.DictionaryElements resources, int depth = 0)
    {
        if (depth > 8) return true;
        foreach (var state in Values(resources.GetDictionary("/ExtGState")))
        {
            if (state.Elements.ContainsKey("/SMask") && state.Elements["/SMask"] is not PdfName { Value: "/None" }) return true;
            if (state.Elements.ContainsKey("/CA") && state.Elements.GetReal("/CA") < 1) return true;
            if (state.Elements.ContainsKey("/ca") && state.Elements.GetReal("/ca") < 1) return true;
            if (state.Elements["/BM"] is PdfName { Value: not "/Normal" and not "/Compatible" }) return true;
        }
        foreach (var xobject in Values(resources.GetDictionary("/XObject")))
        {
            if (xobject.Elements.ContainsKey("/SMask") || xobject.Elements.ContainsKey("/Group")) return true;
            if (xobject.Elements.GetDictionary("/Resources") is { } inner && UsesTransparency(inner.Elements, depth + 1)) return true;
        }
        return false;
    }

    private static IEnumerable<PdfDictionary> Values(PdfDictionary? dict) =>
        dict?.Elements.Values.Select(v => (v as PdfReference)?.Value as PdfDictionary ?? v as PdfDictionary).OfType<PdfDictionary>() ?? [];
}
