import Corpus
import EntityRecognition
import Foundation
import PlexusSupport
import RelationExtraction

/// The corpus a store holds, read back for a build: documents in path order with the ids a
/// one-shot `plexus build` of the same articles gives them, cleaned of the paragraphs they
/// share with other stored documents, and their stored analyses.
///
/// Whether a paragraph is shared depends on the whole corpus, so adding documents can
/// change what an earlier document keeps; such a document is analysed again here (and its
/// stored analysis updated), every other one is read as stored.
public struct StoredCorpus: Sendable {
    /// The analysed documents inside the window, in path order.
    public var analyses: [AnalyzedDocument]
    /// Documents in the store.
    public var stored: Int
    /// Documents left with no letter once shared paragraphs were removed.
    public var empty: Int
    /// Dated documents outside the window.
    public var outside: Int
    /// Undated documents left out of a bounded window.
    public var undated: Int
    /// Documents analysed again: the paragraphs they share with others changed, or their
    /// stored analysis could not be read.
    public var reanalysed: Int
    /// Why stored analyses could not be read (those documents were analysed again from
    /// their stored text, and the store repaired).
    public var repaired: [StoreError] = []

    /// One document read back: its analysis, and the rows to store when it was analysed again.
    struct Outcome: Sendable {
        var analysis: AnalyzedDocument
        var refreshed: StoredDocument?
        var damage: StoreError?
    }

    /// Reads the documents of `store` inside `window`.
    ///
    /// `analyzer` analyses the documents whose shared paragraphs changed; it must be the
    /// ingest's (same recogniser), or those documents differ from the rest.
    ///
    /// Analyses are fetched and decoded `batchSize` documents at a time.
    ///
    /// - Throws: ``StoreError`` when the store fails or an analysis cannot be read.
    /// - Complexity: O(stored documents) to order them, plus O(bytes) of the window's analyses.
    public static func read(
        from store: any StoreBackend, window: DateWindow, analyzer: DocumentAnalyzer, loaderOptions: CorpusLoader.Options = .init(),
        batchSize: Int = 1000
    ) async throws -> StoredCorpus {
        let catalogue = try await store.catalogue().sorted { ($0.path, $0.line ?? 0) < ($1.path, $1.line ?? 0) }
        let shared = try await store.sharedParagraphs(threshold: loaderOptions.crossDocumentThreshold)
        var result = StoredCorpus(analyses: [], stored: catalogue.count, empty: 0, outside: 0, undated: 0, reanalysed: 0)
        // Ids count every document with text left, inside the window or not, as a one-shot
        // build of the whole corpus numbers them.
        var chosen: [(entry: CatalogueEntry, id: String, removed: [Int])] = []
        var numbered = 0
        for entry in catalogue {
            let removed = shared[entry.id] ?? []
            let removedSet = Set(removed)
            guard entry.lettered.contains(where: { !removedSet.contains($0) }) else {
                result.empty += 1
                continue
            }
            numbered += 1
            if window.isBounded {
                guard let date = entry.date else {
                    result.undated += 1
                    continue
                }
                guard window.admits(date) else {
                    result.outside += 1
                    continue
                }
            }
            chosen.append((entry, "d\(numbered)", removed))
        }
        for slice in chosen.chunked(max(1, batchSize)) {
            let batch = Array(slice)
            let contents = try await store.contents(of: batch.map(\.entry.id))
            let decoded = try parallelMap(batch) { item -> Result<Outcome, StoreError> in
                guard let content = contents[item.entry.id] else {
                    return .failure(
                        .database(store: store.name, reason: "document \(item.entry.path) vanished during the build; build again"))
                }
                let document = content.article.document(id: item.id, removing: item.removed)
                guard document.hasLetters else {
                    return .failure(.damagedAnalysis(location: content.article.location, reason: "stored text has no letter"))
                }
                var damage: StoreError?
                if item.removed == item.entry.removed {
                    do {
                        return .success(Outcome(analysis: try AnalysisCoding.decode(content.analysis, document: document)))
                    } catch let error as StoreError {
                        damage = error
                    } catch {
                        damage = .damagedAnalysis(location: content.article.location, reason: "\(error)")
                    }
                }
                // Shared paragraphs changed, or the stored analysis cannot be read: the text
                // is there, so the document is analysed again rather than lost.
                let analysis = analyzer.analyze(document)
                let refreshed = StoredDocument(
                    article: content.article, contentHash: item.entry.contentHash,
                    paragraphKeys: [], removed: item.removed, analysis: analysis)
                return .success(Outcome(analysis: analysis, refreshed: refreshed, damage: damage))
            }.map { try $0.get() }
            for (position, outcome) in decoded.enumerated() {
                result.analyses.append(outcome.analysis)
                if let damage = outcome.damage { result.repaired.append(damage) }
                if let refreshed = outcome.refreshed {
                    result.reanalysed += 1
                    try await store.updateAnalysis(id: batch[position].entry.id, with: refreshed)
                }
            }
        }
        return result
    }
}
