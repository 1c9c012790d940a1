import Corpus
import CorpusStore
import Foundation
import PlexusGraph
import RelationExtraction

/// Articles written into a temporary folder, and the builds the store tests compare.
enum StoreFixtures {
    /// A paragraph of page furniture that three of the articles share.
    static let furniture = "Follow our live coverage of the talks on the website and in the app."

    /// Five short articles: stances, aliases, and `furniture` in articles 1, 2 and 4.
    static let articles: [(name: String, text: String)] = [
        (
            "a1.txt",
            """
            Leaders meet in Paris

            Prime Minister Keir Starmer said on Monday that Britain supports Ukraine and will send more aid.

            Mr Starmer met President Emmanuel Macron, who backed the plan for peacekeepers.

            \(furniture)
            """
        ),
        (
            "a2.txt",
            """
            Kremlin rejects plan

            Russia opposes the deployment of European peacekeepers, Kremlin spokesman Dmitry Peskov said.

            Mr Peskov told reporters that Vladimir Putin would not accept troops from Nato countries.

            \(furniture)
            """
        ),
        (
            "a3.txt",
            """
            Talks in Washington

            Donald Trump said he supports a ceasefire and praised Keir Starmer for his efforts.

            President Trump later spoke with Volodymyr Zelensky by phone.
            """
        ),
        (
            "b1.txt",
            """
            Berlin weighs in

            Chancellor Friedrich Merz said Germany backs Ukraine but rejects sending troops.

            \(furniture)
            """
        ),
        (
            "b2.txt",
            """
            Kyiv responds

            Volodymyr Zelensky thanked Britain and France and said Ukraine welcomes the peacekeepers plan.

            Mr Zelensky criticised Russia for attacks on the capital.
            """
        ),
    ]

    /// A new folder holding `articles`.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-store-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for article in articles {
            try article.text.write(to: folder.appendingPathComponent(article.name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// The paths of the named articles in `folder`, as a folder build finds them.
    static func paths(_ names: [String], in folder: URL) -> [String] {
        names.map { folder.path + "/" + $0 }
    }

    /// graph.json of a one-shot build of `paths`.
    static func oneShot(_ paths: [String], builder: GraphBuilder, window: DateWindow = DateWindow(since: nil, until: nil)) throws -> Data {
        let documents = window.apply(to: CorpusLoader().load(paths: paths).documents).kept
        return try GraphCodec.encode(builder.build(documents).graph)
    }

    /// graph.json of a build from `store`.
    static func fromStore(
        _ store: any StoreBackend, builder: GraphBuilder, window: DateWindow = DateWindow(since: nil, until: nil)
    )
        async throws -> (json: Data, corpus: StoredCorpus)
    {
        // One document per batch, so that documents analysed again sit in later batches too.
        let corpus = try await StoredCorpus.read(from: store, window: window, analyzer: builder.analyzer, batchSize: 1)
        return (try GraphCodec.encode(builder.build(analysed: corpus.analyses).graph), corpus)
    }

    /// An ingester with `builder`'s analysis stage.
    static func ingester(_ builder: GraphBuilder) -> StoreIngester {
        var ingester = StoreIngester(analyzer: builder.analyzer, settings: "test")
        ingester.batchSize = 2
        return ingester
    }
}
