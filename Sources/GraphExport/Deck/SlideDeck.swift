import Foundation
import ZIPFoundation

/// One slide: a title, a one-line caption, and optionally a picture.
public struct Slide: Sendable {
    /// The slide's title.
    public var title: String
    /// One line saying what the slide shows (counts, dates).
    public var caption: String
    /// A PNG picture of the slide's diagram, fitted below the caption.
    public var picture: Data?
    /// The picture's size in pixels (for its aspect ratio).
    public var pictureSize: PixelSize

    /// Creates a slide.
    public init(title: String, caption: String, picture: Data? = nil, pictureSize: PixelSize = PixelSize(width: 1920, height: 1080)) {
        self.title = title
        self.caption = caption
        self.picture = picture
        self.pictureSize = pictureSize
    }
}

/// A picture's width and height in pixels.
public struct PixelSize: Sendable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// Writes a PowerPoint file (Office Open XML, 16:9) of slides, through ZIPFoundation.
///
/// The XML is the minimum PowerPoint and LibreOffice Impress need: one master, one blank
/// layout, one theme, and per slide a title, a caption and a picture. Entries get a fixed
/// date, so the same slides give the same file.
public enum SlideDeck {
    /// Slide width and height in EMU (13.333 × 7.5 inches: 16:9).
    static let width = 12_192_000
    static let height = 6_858_000
    static let fixedDate = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01

    /// The .pptx bytes of `slides`.
    ///
    /// - Throws: ZIPFoundation's errors if the archive cannot be built.
    /// - Complexity: O(total picture size).
    public static func pptx(_ slides: [Slide]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ data: Data, compress: Bool = true) throws {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                compressionMethod: compress ? .deflate : .none
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        func add(_ path: String, _ text: String) throws { try add(path, Data(text.utf8)) }

        try add("[Content_Types].xml", contentTypes(slides.count))
        try add(
            "_rels/.rels",
            relationships([
                ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "ppt/presentation.xml")
            ]))
        try add("ppt/presentation.xml", presentation(slides.count))
        var presentationRelations = [("rId1", type("slideMaster"), "slideMasters/slideMaster1.xml")]
        for index in slides.indices { presentationRelations.append(("rId\(index + 2)", type("slide"), "slides/slide\(index + 1).xml")) }
        presentationRelations.append(("rId\(slides.count + 2)", type("theme"), "theme/theme1.xml"))
        try add("ppt/_rels/presentation.xml.rels", relationships(presentationRelations))
        try add("ppt/slideMasters/slideMaster1.xml", master)
        try add(
            "ppt/slideMasters/_rels/slideMaster1.xml.rels",
            relationships([
                ("rId1", type("slideLayout"), "../slideLayouts/slideLayout1.xml"), ("rId2", type("theme"), "../theme/theme1.xml"),
            ]))
        try add("ppt/slideLayouts/slideLayout1.xml", layout)
        try add(
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
            relationships([("rId1", type("slideMaster"), "../slideMasters/slideMaster1.xml")]))
        try add("ppt/theme/theme1.xml", theme)
        for (index, slide) in slides.enumerated() {
            let number = index + 1
            var relations = [("rId1", type("slideLayout"), "../slideLayouts/slideLayout1.xml")]
            if let picture = slide.picture {
                try add("ppt/media/image\(number).png", picture, compress: false)
                relations.append(("rId2", type("image"), "../media/image\(number).png"))
            }
            try add("ppt/slides/slide\(number).xml", slideXML(slide, isTitle: index == 0))
            try add("ppt/slides/_rels/slide\(number).xml.rels", relationships(relations))
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static func type(_ name: String) -> String { "http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(name)" }

    static func relationships(_ items: [(String, String, String)]) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + items.map { "<Relationship Id=\"\($0.0)\" Type=\"\($0.1)\" Target=\"\($0.2)\"/>" }.joined()
            + "</Relationships>"
    }

    static func contentTypes(_ count: Int) -> String {
        let main = "application/vnd.openxmlformats-officedocument.presentationml"
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>"
        out += "<Override PartName=\"/ppt/presentation.xml\" ContentType=\"\(main).presentation.main+xml\"/>"
        out += "<Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"\(main).slideMaster+xml\"/>"
        out += "<Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"\(main).slideLayout+xml\"/>"
        out += "<Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
        for number in 1...max(1, count) where count > 0 {
            out += "<Override PartName=\"/ppt/slides/slide\(number).xml\" ContentType=\"\(main).slide+xml\"/>"
        }
        return out + "</Types>"
    }

    static let namespaces =
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\""

    static func presentation(_ count: Int) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:presentation \(namespaces)>"
        out += "<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst><p:sldIdLst>"
        for index in 0..<count { out += "<p:sldId id=\"\(256 + index)\" r:id=\"rId\(index + 2)\"/>" }
        out += "</p:sldIdLst><p:sldSz cx=\"\(width)\" cy=\"\(height)\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>"
        return out
    }

    static let emptyTree =
        "<p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree>"

    static let master =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:sldMaster \(namespaces)><p:cSld>\(emptyTree)</p:cSld>"
        + "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"
        + "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst></p:sldMaster>"

    static let layout =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:sldLayout \(namespaces) type=\"blank\" preserve=\"1\"><p:cSld name=\"Blank\">\(emptyTree)</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"

    static let theme: String = {
        let colours = [
            ("dk1", "1F2933"), ("lt1", "FFFFFF"), ("dk2", "323F4B"), ("lt2", "F5F7FA"), ("accent1", "2F6DB3"), ("accent2", "2E8540"),
            ("accent3", "C26A00"), ("accent4", "6B3FA0"), ("accent5", "D73027"), ("accent6", "1A9850"), ("hlink", "2F6DB3"),
            ("folHlink", "6B3FA0"),
        ]
        let scheme = colours.map { "<a:\($0.0)><a:srgbClr val=\"\($0.1)\"/></a:\($0.0)>" }.joined()
        let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
        let line = "<a:ln w=\"9525\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
        return
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Plexus\"><a:themeElements>"
            + "<a:clrScheme name=\"Plexus\">\(scheme)</a:clrScheme>"
            + "<a:fontScheme name=\"Plexus\"><a:majorFont><a:latin typeface=\"DejaVu Sans\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont><a:minorFont><a:latin typeface=\"DejaVu Sans\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont></a:fontScheme>"
            + "<a:fmtScheme name=\"Plexus\"><a:fillStyleLst>\(fill)\(fill)\(fill)</a:fillStyleLst><a:lnStyleLst>\(line)\(line)\(line)</a:lnStyleLst>"
            + "<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>"
            + "<a:bgFillStyleLst>\(fill)\(fill)\(fill)</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"
    }()

    static func textBox(
        id: Int, name: String, x: Int, y: Int, cx: Int, cy: Int, text: String, size: Int, bold: Bool, colour: String
    ) -> String {
        "<p:sp><p:nvSpPr><p:cNvPr id=\"\(id)\" name=\"\(name)\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>"
            + "<p:spPr><a:xfrm><a:off x=\"\(x)\" y=\"\(y)\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>"
            + "<p:txBody><a:bodyPr wrap=\"square\" lIns=\"0\" rIns=\"0\" tIns=\"0\" bIns=\"0\"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:r>"
            + "<a:rPr lang=\"en-GB\" sz=\"\(size * 100)\" b=\"\(bold ? 1 : 0)\" dirty=\"0\"><a:solidFill><a:srgbClr val=\"\(colour)\"/></a:solidFill><a:latin typeface=\"DejaVu Sans\"/></a:rPr>"
            + "<a:t>\(escape(text))</a:t></a:r></a:p></p:txBody></p:sp>"
    }

    static func slideXML(_ slide: Slide, isTitle: Bool) -> String {
        let margin = 457_200
        var shapes = ""
        if isTitle {
            shapes += textBox(
                id: 2, name: "Title", x: margin, y: 2_286_000, cx: width - 2 * margin, cy: 1_143_000, text: slide.title, size: 44,
                bold: true, colour: "1F2933")
            shapes += textBox(
                id: 3, name: "Caption", x: margin, y: 3_543_300, cx: width - 2 * margin, cy: 685_800, text: slide.caption, size: 20,
                bold: false, colour: "52606D")
        } else {
            shapes += textBox(
                id: 2, name: "Title", x: margin, y: 228_600, cx: width - 2 * margin, cy: 640_080, text: slide.title, size: 30, bold: true,
                colour: "1F2933")
            shapes += textBox(
                id: 3, name: "Caption", x: margin, y: 868_680, cx: width - 2 * margin, cy: 365_760, text: slide.caption, size: 15,
                bold: false, colour: "52606D")
        }
        if slide.picture != nil {
            let top = 1_325_880
            let available = (width: width - 2 * margin, height: height - top - 182_880)
            let aspect = Double(slide.pictureSize.width) / Double(max(1, slide.pictureSize.height))
            var cx = available.width
            var cy = Int(Double(cx) / aspect)
            if cy > available.height {
                cy = available.height
                cx = Int(Double(cy) * aspect)
            }
            let x = (width - cx) / 2
            shapes +=
                "<p:pic><p:nvPicPr><p:cNvPr id=\"4\" name=\"Diagram\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
                + "<p:blipFill><a:blip r:embed=\"rId2\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>"
                + "<p:spPr><a:xfrm><a:off x=\"\(x)\" y=\"\(top)\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>"
        }
        return
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:sld \(namespaces)><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>"
            + shapes + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
    }

    static func escape(_ text: String) -> String { XML.escape(text) }
}
