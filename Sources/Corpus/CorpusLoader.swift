import Foundation
import PlexusSupport

/// What loading a set of paths produced: the cleaned documents, the inputs that failed and
/// what cleaning removed.
public struct CorpusLoadResult: Sendable {
    /// Documents in path order (then line order within a JSON Lines file), ids `d1`, `d2`, ….
    public var documents: [Document]
    /// One entry for every input that could not be used, in path order.
    public var failures: [CorpusError]
    /// What was read but not as written (wrong-typed optional fields, impossible dates), in path order.
    public var warnings: [CorpusWarning] = []
    /// Counts of what cleaning removed.
    public var report: CleaningReport
}

/// Counts of what cleaning removed from a corpus, for the summary a user sees.
public struct CleaningReport: Sendable, Equatable {
    /// Files read (including those that failed).
    public var files = 0
    /// Lines dropped as page furniture, by reason.
    public var boilerplateLines: [Boilerplate.Reason: Int] = [:]
    /// Paragraphs dropped because the same document already had them word for word.
    public var repeatedParagraphs = 0
    /// Paragraphs dropped because they recur in several documents (page furniture).
    public var crossDocumentParagraphs = 0

    /// Total boilerplate lines dropped.
    public var totalBoilerplateLines: Int { boilerplateLines.values.reduce(0, +) }
}

/// Reads articles from files and folders and cleans them into ``Document``s.
///
/// Folders are searched recursively for `.txt`, `.md`, `.html` and `.jsonl` files
/// (hidden files and README/LICENSE files are skipped). Every file is checked (binary,
/// UTF-8, size, line length), converted to plain paragraphs, stripped of boilerplate
/// lines and of paragraphs it repeats; then paragraphs that recur across several
/// documents are removed. A bad file never stops the others: it becomes a
/// ``CorpusError`` in ``CorpusLoadResult/failures``.
public struct CorpusLoader: Sendable {
    /// Limits and switches for loading.
    public struct Options: Sendable {
        /// Largest file read, in bytes.
        public var maxFileBytes = 256 * 1024 * 1024
        /// Longest line read, in bytes; longer lines fail the file (or the JSONL record).
        public var maxLineBytes = 8 * 1024 * 1024
        /// A short paragraph found in at least this many documents is dropped as furniture.
        public var crossDocumentThreshold = 3
        /// Only paragraphs of at most this many words are candidates for cross-document removal.
        public var crossDocumentMaxWords = 40
        /// Creates the default options.
        public init() {}
    }

    /// The limits in force.
    public var options: Options

    /// Creates a loader.
    public init(options: Options = Options()) { self.options = options }

    /// Loads and cleans every article under `paths`.
    ///
    /// - Complexity: O(total bytes), with files read and cleaned in parallel.
    public func load(paths: [String]) -> CorpusLoadResult {
        var read = self.read(paths: paths)
        let keys = Self.repeatKeys(of: read.articles, maxWords: options.crossDocumentMaxWords)
        let counts = Self.documentCounts(of: keys)
        // Each article's document is made on every core (joining and normalising its text);
        // ids are then given in order, to the documents that hold a letter.
        let made = parallelMap(Array(zip(read.articles, keys))) { article, articleKeys in
            let removed = sharedParagraphs(of: article, keys: articleKeys, documentCount: { counts[$0] ?? 0 })
            let document = article.document(id: "", removing: removed)
            return (document: document.hasLetters ? document : nil, removed: removed.count)
        }
        var documents: [Document] = []
        documents.reserveCapacity(read.articles.count)
        for (article, outcome) in zip(read.articles, made) {
            read.report.crossDocumentParagraphs += outcome.removed
            guard var document = outcome.document else {
                read.failures.append(.empty(path: article.location))
                continue
            }
            document.id = "d\(documents.count + 1)"
            documents.append(document)
        }
        return CorpusLoadResult(documents: documents, failures: read.failures, warnings: read.warnings, report: read.report)
    }

    /// Finds and reads every article under `paths` and cleans each file on its own.
    ///
    /// This is the first half of ``load(paths:)``, before paragraphs shared across documents
    /// are removed and ids assigned. A store keeps these articles and does the second half at
    /// build time.
    ///
    /// - Complexity: O(total bytes), with files read and cleaned in parallel.
    public func read(paths: [String]) -> ArticleReadResult {
        let found = files(under: paths)
        var read = self.read(files: found.files)
        read.failures = found.failures + read.failures
        return read
    }

    /// The article files under `paths` (each a file or a folder searched recursively), in
    /// path order without repeats, and the inputs that could not be searched.
    ///
    /// - Complexity: O(entries under the folders).
    public func files(under paths: [String]) -> FileListing {
        var failures: [CorpusError] = []
        var files: [String] = []
        for path in paths {
            switch discover(path) {
            case .success(let found, let broken):
                files.append(contentsOf: found)
                failures.append(contentsOf: broken)
            case .failure(let error): failures.append(error)
            }
        }
        var seen = Set<String>()
        return FileListing(files: files.filter { seen.insert($0).inserted }, failures: failures)
    }

    /// Reads and cleans `files` (as ``files(under:)`` lists them), each on its own.
    ///
    /// - Complexity: O(total bytes), with files read and cleaned in parallel.
    public func read(files: [String]) -> ArticleReadResult {
        var failures: [CorpusError] = []
        let options = self.options
        let perFile = parallelMap(files) { path in Self.readFile(path, options: options) }

        var report = CleaningReport()
        report.files = files.count
        var articles: [CleanedArticle] = []
        var warnings: [CorpusWarning] = []
        for outcome in perFile {
            articles.append(contentsOf: outcome.articles)
            failures.append(contentsOf: outcome.failures)
            warnings.append(contentsOf: outcome.warnings)
            for (reason, count) in outcome.boilerplate { report.boilerplateLines[reason, default: 0] += count }
            report.repeatedParagraphs += outcome.repeatedParagraphs
        }
        return ArticleReadResult(articles: articles, failures: failures, warnings: warnings, report: report)
    }

    // MARK: - Discovery

    static let skippedNames: [String] = ["readme", "license", "licence", "changelog", "contributing"]

    /// The article files under `path` (itself when it is a file), and the dangling links
    /// met on the way, which are failures of their own; the rest of the folder is still read.
    func discover(_ path: String) -> DiscoveryResult {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            if let target = danglingLinkTarget(path) { return .failure(.danglingLink(path: path, target: target)) }
            return .failure(.missingPath(path))
        }
        guard isFolder.boolValue else { return .success([path], []) }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            return .failure(.unreadable(path: path, reason: "folder cannot be listed"))
        }
        var found: [String] = []
        var broken: [CorpusError] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            let lower = name.lowercased()
            if Self.skippedNames.contains(where: { lower.hasPrefix($0) }) { continue }
            guard DocumentFormat(fileName: name) != nil else { continue }
            let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
            var childIsFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &childIsFolder) {
                if !childIsFolder.boolValue { found.append(full) }
            } else if let target = danglingLinkTarget(full) {
                broken.append(.danglingLink(path: full, target: target))
            }
        }
        guard !found.isEmpty || !broken.isEmpty else { return .failure(.noArticles(path: path)) }
        return .success(found.sorted(), broken.sorted { $0.path < $1.path })
    }

    /// What ``discover(_:)`` found.
    enum DiscoveryResult {
        /// Files to read, and dangling links to report.
        case success([String], [CorpusError])
        /// Nothing to read, and why.
        case failure(CorpusError)
    }

    // MARK: - One file

    struct FileOutcome: Sendable {
        var articles: [CleanedArticle] = []
        var failures: [CorpusError] = []
        var warnings: [CorpusWarning] = []
        var boilerplate: [Boilerplate.Reason: Int] = [:]
        var repeatedParagraphs = 0
    }

    static func readFile(_ path: String, options: Options) -> FileOutcome {
        var outcome = FileOutcome()
        let text: String
        switch readText(path, options: options) {
        case .success(let decoded):
            text = decoded.text
            outcome.failures += decoded.lineFailures
        case .failure(let error):
            outcome.failures.append(error)
            return outcome
        }
        let format = DocumentFormat(fileName: path) ?? .text
        switch format {
        case .jsonLines:
            let records = JSONLinesReader.records(in: text, path: path)
            outcome.failures.append(contentsOf: records.failures)
            outcome.warnings.append(contentsOf: records.warnings)
            if records.records.isEmpty && records.failures.isEmpty {
                outcome.failures.append(.empty(path: path))
            }
            for record in records.records {
                var cleaner = ArticleCleaner(path: path, line: record.line)
                cleaner.title = record.title.map { HTMLText.collapse($0) }
                cleaner.date = record.date.flatMap(PublicationDate.parse)
                if let date = record.date, cleaner.date == nil {
                    outcome.warnings.append(
                        CorpusWarning(
                            path: path, line: record.line, message: "\"date\": \"\(date)\" is no date; the article is read undated"))
                }
                cleaner.url = record.url
                cleaner.sourceID = record.id
                let lines = TextLines.lines(of: record.text)
                outcome.merge(cleaner.clean(lines: lines, format: .text))
            }
        case .html:
            let extract = HTMLText.extract(text)
            var cleaner = ArticleCleaner(path: path, line: nil)
            cleaner.title = extract.title
            cleaner.date = extract.date.flatMap(PublicationDate.parse)
            cleaner.url = extract.url
            // Each block is its own paragraph: separate them with blank lines.
            let lines = extract.blocks.flatMap { [$0, ""] }
            outcome.merge(cleaner.clean(lines: lines, format: .html))
        case .text, .markdown:
            var cleaner = ArticleCleaner(path: path, line: nil)
            let lines = TextLines.lines(of: text)
            outcome.merge(cleaner.clean(lines: lines, format: format))
        }
        return outcome
    }

    /// Reads a file as UTF-8 text, rejecting binary data, invalid UTF-8, enormous files and
    /// enormous lines.
    ///
    /// Line endings become `\n`; a byte-order mark is dropped. In a JSON Lines file, where
    /// each line is an article of its own, a line of invalid UTF-8 is reported with its line
    /// number and left out, and the other lines are read.
    static func readText(_ path: String, options: Options) -> Result<(text: String, lineFailures: [CorpusError]), CorpusError> {
        if let kind = specialFileKind(path) { return .failure(.notAFile(path: path, kind: kind)) }
        var data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > options.maxFileBytes {
                return .failure(.fileTooLarge(path: path, size: size, limit: options.maxFileBytes))
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return .failure(.unreadable(path: path, reason: AtomicFile.describe(error)))
        }
        // UTF-16 with a byte-order mark (Windows "Unicode" text) is decoded, not called binary.
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let decoded = String(data: data, encoding: .utf16) else {
                return .failure(.unreadable(path: path, reason: "UTF-16 with a byte-order mark, but not valid UTF-16"))
            }
            data = Data(decoded.utf8)
        }
        if data.isEmpty { return .failure(.empty(path: path)) }
        let perLine = DocumentFormat(fileName: path) == .jsonLines
        return data.withUnsafeBytes { raw -> Result<(text: String, lineFailures: [CorpusError]), CorpusError> in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let nul = bytes.firstIndex(of: 0) { return .failure(.binary(path: path, offset: nul)) }
            var lineFailures: [CorpusError] = []
            var kept: [UInt8]?
            if let bad = UTF8Validation.firstInvalidOffset(bytes) {
                guard perLine else { return .failure(.invalidUTF8(path: path, offset: bad)) }
                // Keep the valid lines (an invalid one becomes empty, so line numbers hold).
                var valid: [UInt8] = []
                valid.reserveCapacity(bytes.count)
                var number = 1
                var start = 0
                while start <= bytes.count {
                    let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                    let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if let offset = UTF8Validation.firstInvalidOffset(line) {
                        lineFailures.append(
                            .malformedRecord(path: path, line: number, reason: "invalid UTF-8 at byte \(offset + 1) of the line"))
                    } else {
                        valid.append(contentsOf: line)
                    }
                    if end < bytes.count { valid.append(UInt8(ascii: "\n")) }
                    number += 1
                    start = end + 1
                }
                kept = valid
            }
            var lineNumber = 1
            var lineStart = 0
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
                if offset - lineStart > options.maxLineBytes {
                    return .failure(.lineTooLong(path: path, line: lineNumber, length: offset - lineStart, limit: options.maxLineBytes))
                }
                lineNumber += 1
                lineStart = offset + 1
            }
            if bytes.count - lineStart > options.maxLineBytes {
                return .failure(.lineTooLong(path: path, line: lineNumber, length: bytes.count - lineStart, limit: options.maxLineBytes))
            }
            var text = kept.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: bytes, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            // Bytes, not Foundation's string search, which took a tenth of reading a file.
            if text.utf8.contains(UInt8(ascii: "\r")) {
                text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            }
            return .success((text, lineFailures))
        }
    }

    // MARK: - Across documents

    /// For each article, the key of each paragraph short enough to be page furniture
    /// (at most `maxWords` words), `nil` for the others; computed on all cores.
    ///
    /// - Complexity: O(total characters).
    public static func repeatKeys(of articles: [CleanedArticle], maxWords: Int) -> [[String?]] {
        parallelMap(articles) { article in
            article.paragraphs.map { CleanedArticle.isCandidate($0, maxWords: maxWords) ? ArticleCleaner.key($0) : nil }
        }
    }

    /// In how many documents each paragraph key occurs.
    ///
    /// - Complexity: O(total keys).
    public static func documentCounts(of keys: [[String?]]) -> [String: Int] {
        var documentCount: [String: Int] = [:]
        for articleKeys in keys {
            for key in Set(articleKeys.compactMap { $0 }) { documentCount[key, default: 0] += 1 }
        }
        return documentCount
    }

    /// The indices of the paragraphs of `article` that are page furniture: found in
    /// `crossDocumentThreshold` or more documents of the corpus.
    ///
    /// The title is never furniture. `keys` are the article's ``repeatKeys(of:maxWords:)``;
    /// `documentCount(key)` says in how many documents of the corpus a key occurs.
    ///
    /// - Complexity: O(paragraphs).
    public func sharedParagraphs(of article: CleanedArticle, keys: [String?], documentCount: (String) -> Int) -> [Int] {
        article.paragraphs.indices.filter { index in
            guard let key = keys[index], article.paragraphs[index] != article.title else { return false }
            return documentCount(key) >= options.crossDocumentThreshold
        }
    }
}

/// The files ``CorpusLoader/files(under:)`` found, and the inputs it could not search.
public struct FileListing: Sendable {
    /// Article files, in path order.
    public var files: [String]
    /// Missing paths, folders without articles, dangling links.
    public var failures: [CorpusError]
}

/// What ``CorpusLoader/read(paths:)`` produced: articles cleaned file by file, the inputs
/// that failed, and what cleaning removed so far.
public struct ArticleReadResult: Sendable {
    /// Articles in path order (then line order within a JSON Lines file).
    public var articles: [CleanedArticle]
    /// One entry for every input that could not be used, in path order.
    public var failures: [CorpusError]
    /// What was read but not as written, in path order.
    public var warnings: [CorpusWarning]
    /// Counts of what cleaning removed (cross-document paragraphs not yet counted).
    public var report: CleaningReport
}

extension CorpusLoader.FileOutcome {
    mutating func merge(_ cleaned: ArticleCleaner.Output) {
        articles.append(cleaned.article)
        for (reason, count) in cleaned.boilerplate { boilerplate[reason, default: 0] += count }
        repeatedParagraphs += cleaned.repeatedParagraphs
    }
}

/// An article after per-file cleaning, before paragraphs shared across documents are
/// removed and ids assigned.
public struct CleanedArticle: Sendable, Equatable {
    /// The file it came from.
    public var path: String
    /// Its 1-based line in a JSON Lines file, otherwise `nil`.
    public var line: Int?
    /// The headline, when one was found.
    public var title: String?
    /// The publication date as `YYYY-MM-DD`, when one was found.
    public var date: String?
    /// The article's address, when given.
    public var url: String?
    /// The identifier the source gave the article, when any.
    public var sourceID: String?
    /// Its paragraphs, each without line breaks.
    public var paragraphs: [String]

    /// Creates an article.
    public init(
        path: String, line: Int? = nil, title: String? = nil, date: String? = nil, url: String? = nil, sourceID: String? = nil,
        paragraphs: [String]
    ) {
        self.path = path
        self.line = line
        self.title = title
        self.date = date
        self.url = url
        self.sourceID = sourceID
        self.paragraphs = paragraphs
    }

    /// Where it came from, for messages: `path` or `path:line`.
    public var location: String { line.map { "\(path):\($0)" } ?? path }

    /// The document of every paragraph but those at `removed` (which may leave it without
    /// a letter: see ``Document/hasLetters``).
    ///
    /// - Complexity: O(n) in the length of the text.
    public func document(id: String, removing removed: [Int]) -> Document {
        let dropped = Set(removed)
        let text = paragraphs.indices.filter { !dropped.contains($0) }.map { paragraphs[$0] }.joined(separator: "\n\n")
        return Document(id: id, path: path, line: line, title: title, date: date, url: url, sourceID: sourceID, text: text)
    }

    static func isCandidate(_ paragraph: String, maxWords: Int) -> Bool {
        var words = 1
        for character in paragraph where character == " " {
            words += 1
            if words > maxWords { return false }
        }
        return true
    }
}
