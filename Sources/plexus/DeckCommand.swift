import ArgumentParser
import Corpus
import Foundation
import GraphExport
import PlexusGraph
import PlexusSupport

/// `plexus deck`: a PowerPoint deck (16:9) of the graph's main views.
struct DeckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deck",
        abstract: "Write a 16:9 PowerPoint deck: title, overview, stance map, the top 3 ego networks and the paths you ask for.",
        discussion:
            "Every slide has a title and a one-line caption saying what it shows. --images also writes each diagram as numbered SVG and PNG files."
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .long, help: "The .pptx file to write.")
    var out: String

    @Option(name: .long, help: "A path to show, as \"A:B\" (repeatable).")
    var path: [String] = []

    @Option(name: .long, help: "Folder for the slides' diagrams as slide-NN.svg and slide-NN.png.")
    var images: String?

    @Option(name: .long, help: "Draw only stance edges at or above this confidence (0–1).")
    var minConfidence: Double = Edge.defaultMinimumStanceConfidence

    @Option(name: .long, help: "light, dark or print.")
    var theme: ThemeName = .light

    @Option(name: .long, help: "The title slide's title (default: \"Who stands where: \" and the corpus folder's name).")
    var title: String?

    func validate() throws {
        guard (out as NSString).pathExtension.lowercased() == "pptx" else {
            throw ValidationError("a deck is a PowerPoint .pptx file; name it \((out as NSString).deletingPathExtension).pptx")
        }
        for pair in path where pair.split(separator: ":").count != 2 {
            throw ValidationError("--path takes \"A:B\", got \"\(pair)\"")
        }
    }

    func run() async throws {
        let loaded = try await graphOptions.load()
        let folder = Summary.corpusFolder(of: loaded.graph, fallback: graphOptions.graph)
        let corpus = (folder as NSString).lastPathComponent
        var builder = DeckBuilder(graph: loaded.graph, corpus: corpus)
        builder.theme = Theme.named(theme)
        builder.minimumStanceConfidence = minConfidence
        builder.title = title
        builder.paths = try path.map { pair in
            let parts = pair.split(separator: ":").map(String.init)
            return DeckBuilder.PathRequest(from: try loaded.lookup(parts[0]), to: try loaded.lookup(parts[1]))
        }
        do {
            let deck = try await builder.build()
            let slides = deck.slides
            let pictures = deck.pictures
            try AtomicFile.write(try SlideDeck.pptx(slides), to: out)
            if let images {
                for picture in pictures {
                    let name = String(format: "slide-%02d", picture.slide)
                    try AtomicFile.write(picture.png, to: (images as NSString).appendingPathComponent(name + ".png"))
                    try AtomicFile.write(picture.svg, to: (images as NSString).appendingPathComponent(name + ".svg"))
                }
            }
            print("Wrote \(out) (\(slides.count) slides)" + (images.map { " and \(pictures.count) diagrams in \($0)" } ?? ""))
        } catch let error as UserError {
            throw error
        } catch {
            throw UserError("\(error)")
        }
    }
}
