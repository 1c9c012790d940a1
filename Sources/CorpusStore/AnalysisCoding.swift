import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport

/// The analysis of one document as bytes for a store.
///
/// The bytes hold tokens, sentences, the sentences as written, mentions and the syntax the
/// analysis stage read. The document itself (its text and metadata) is stored in columns of
/// its own, so it is not in these bytes.
///
/// The layout is little-endian and versioned by its first byte; a store refuses bytes of a
/// version it does not know rather than misreading them.
enum AnalysisCoding {
    /// The layout written by ``encode(_:)``.
    static let version: UInt8 = 1

    /// The bytes of an analysis.
    ///
    /// - Complexity: O(tokens + characters).
    static func encode(_ analysis: AnalyzedDocument) -> Data {
        var out = BinaryWriter()
        out.put(version)
        out.put(UInt32(analysis.tokens.count))
        for token in analysis.tokens {
            out.put(token.text, lengthAs: UInt32.self)
            out.put(UInt32(token.start))
            out.put(UInt32(token.end))
            out.put(token.kind.rawValue)
            out.put(UInt8((token.spaceBefore ? 1 : 0) | (token.paragraphStart ? 2 : 0)))
        }
        out.put(UInt32(analysis.sentences.count))
        for (sentence, text) in zip(analysis.sentences, analysis.sentenceTexts) {
            out.put(UInt32(sentence.tokenRange.lowerBound))
            out.put(UInt32(sentence.tokenRange.upperBound))
            out.put(UInt32(sentence.start))
            out.put(UInt32(sentence.end))
            out.put(text, lengthAs: UInt32.self)
        }
        out.put(UInt32(analysis.mentions.count))
        for mention in analysis.mentions {
            out.put(UInt32(mention.sentence))
            out.put(UInt32(mention.tokenRange.lowerBound))
            out.put(UInt32(mention.tokenRange.upperBound))
            out.put(typeCode(mention.type))
            out.put(mention.surface, lengthAs: UInt32.self)
            out.put(mention.name, lengthAs: UInt32.self)
            putOptional(mention.title, to: &out)
            putOptional(mention.label, to: &out)
            out.put(UInt8(mention.isBareName ? 1 : 0))
            out.put(Int32(mention.referent ?? -1))
            out.put(mention.fallbackType.map(typeCode) ?? UInt8.max)
        }
        for syntax in analysis.syntax {
            guard let syntax else {
                out.put(UInt8(0))
                continue
            }
            out.put(UInt8(syntax.dependencies == nil ? 1 : 2))
            putTags(syntax.partOfSpeech, to: &out)
            putTags(syntax.chunks, to: &out)
            if let tree = syntax.dependencies {
                out.put(UInt32(tree.heads.count))
                for head in tree.heads { out.put(UInt32(head)) }
                putTags(tree.relations, to: &out)
                putTags(tree.tags, to: &out)
            }
        }
        return out.data
    }

    /// The analysis of `document` from bytes written by ``encode(_:)``.
    ///
    /// - Throws: ``StoreError/damagedAnalysis(location:reason:)`` when the bytes are cut
    ///   short, of an unknown version, or point outside the document.
    /// - Complexity: O(tokens + characters).
    static func decode(_ data: Data, document: Document) throws -> AnalyzedDocument {
        var input = BinaryReader([UInt8](data), path: document.location)
        do {
            let found = try input.read(UInt8.self)
            guard found == version else {
                throw StoreError.damagedAnalysis(
                    location: document.location, reason: "analysis layout \(found), this Plexus reads \(version)")
            }
            let tokenCount = Int(try input.read(UInt32.self))
            var tokens: [Token] = []
            tokens.reserveCapacity(tokenCount)
            for _ in 0..<tokenCount {
                let text = try input.readString(lengthAs: UInt32.self)
                let start = Int(try input.read(UInt32.self))
                let end = Int(try input.read(UInt32.self))
                guard let kind = Token.Kind(rawValue: try input.read(UInt8.self)) else { throw malformed(document, "token kind") }
                let flags = try input.read(UInt8.self)
                tokens.append(
                    Token(text: text, start: start, end: end, kind: kind, spaceBefore: flags & 1 != 0, paragraphStart: flags & 2 != 0))
            }
            let sentenceCount = Int(try input.read(UInt32.self))
            var sentences: [Sentence] = []
            var texts: [String] = []
            for index in 0..<sentenceCount {
                let lower = Int(try input.read(UInt32.self))
                let upper = Int(try input.read(UInt32.self))
                let start = Int(try input.read(UInt32.self))
                let end = Int(try input.read(UInt32.self))
                guard lower <= upper, upper <= tokens.count else { throw malformed(document, "sentence tokens") }
                sentences.append(Sentence(index: index, tokenRange: lower..<upper, start: start, end: end))
                texts.append(try input.readString(lengthAs: UInt32.self))
            }
            let mentionCount = Int(try input.read(UInt32.self))
            var mentions: [Mention] = []
            for _ in 0..<mentionCount {
                let sentence = Int(try input.read(UInt32.self))
                let lower = Int(try input.read(UInt32.self))
                let upper = Int(try input.read(UInt32.self))
                guard sentence < sentences.count, lower < upper, upper <= tokens.count else { throw malformed(document, "mention") }
                let type = try readType(&input, document)
                let surface = try input.readString(lengthAs: UInt32.self)
                let name = try input.readString(lengthAs: UInt32.self)
                let title = try readOptional(&input)
                let label = try readOptional(&input)
                let isBareName = try input.read(UInt8.self) != 0
                let referent = Int(try input.read(Int32.self))
                let fallbackCode = try input.read(UInt8.self)
                let fallbackType = fallbackCode == UInt8.max ? nil : try Self.type(code: fallbackCode, document)
                mentions.append(
                    Mention(
                        sentence: sentence, tokenRange: lower..<upper, type: type, surface: surface, name: name, title: title,
                        label: label, isBareName: isBareName, referent: referent >= 0 ? referent : nil, fallbackType: fallbackType))
            }
            var syntax: [SentenceSyntax?] = []
            for _ in 0..<sentenceCount {
                let kind = try input.read(UInt8.self)
                guard kind != 0 else {
                    syntax.append(nil)
                    continue
                }
                var read = SentenceSyntax(partOfSpeech: try readTags(&input), chunks: try readTags(&input))
                if kind == 2 {
                    let count = Int(try input.read(UInt32.self))
                    var heads: [Int] = []
                    for _ in 0..<count { heads.append(Int(try input.read(UInt32.self))) }
                    read.dependencies = DependencyParse(heads: heads, relations: try readTags(&input), tags: try readTags(&input))
                }
                syntax.append(read)
            }
            return AnalyzedDocument(
                document: document, tokens: tokens, sentences: sentences, sentenceTexts: texts, mentions: mentions, syntax: syntax)
        } catch let error as ModelFileError {
            throw StoreError.damagedAnalysis(location: document.location, reason: error.reason)
        }
    }

    private static func typeCode(_ type: EntityType) -> UInt8 {
        UInt8(EntityType.allCases.firstIndex(of: type) ?? 0)
    }

    private static func type(code: UInt8, _ document: Document) throws -> EntityType {
        guard Int(code) < EntityType.allCases.count else { throw malformed(document, "entity type \(code)") }
        return EntityType.allCases[Int(code)]
    }

    private static func readType(_ input: inout BinaryReader, _ document: Document) throws -> EntityType {
        try type(code: try input.read(UInt8.self), document)
    }

    private static func malformed(_ document: Document, _ what: String) -> StoreError {
        .damagedAnalysis(location: document.location, reason: "\(what) out of range")
    }

    private static func putOptional(_ text: String?, to out: inout BinaryWriter) {
        out.put(UInt8(text == nil ? 0 : 1))
        if let text { out.put(text, lengthAs: UInt32.self) }
    }

    private static func readOptional(_ input: inout BinaryReader) throws -> String? {
        try input.read(UInt8.self) == 0 ? nil : try input.readString(lengthAs: UInt32.self)
    }

    private static func putTags(_ tags: [String], to out: inout BinaryWriter) {
        out.put(UInt32(tags.count))
        for tag in tags { out.put(tag, lengthAs: UInt16.self) }
    }

    private static func readTags(_ input: inout BinaryReader) throws -> [String] {
        let count = Int(try input.read(UInt32.self))
        var tags: [String] = []
        tags.reserveCapacity(count)
        for _ in 0..<count { tags.append(try input.readString(lengthAs: UInt16.self)) }
        return tags
    }
}
