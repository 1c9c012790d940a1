import Foundation
import PlexusGraph

/// Why an alias file could not be used.
public struct AliasFileError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file.
    public var path: String
    /// The 1-based line, when the problem is on one line.
    public var line: Int?
    /// What is wrong.
    public var reason: String

    /// `path:line: reason`.
    public var description: String { line.map { "\(path):\($0): \(reason)" } ?? "\(path): \(reason)" }
}

/// Corrections a user makes to entity resolution, read from a tab-separated alias file.
///
/// One rule per line, fields separated by tabs; blank lines and lines starting with `#`
/// are ignored. Names match labels, aliases or surface forms, ignoring case.
///
/// ```
/// merge	Donald Trump	The Donald	DJT	(the first name is the entity; the others join it)
/// split	Putin	Evgeny Putin	(mentions written "Putin" become their own entity, labelled "Evgeny
/// Putin") rename	Keir Starmer	Sir Keir Starmer type	Wagner Group	organisation drop	Reuters
/// ```
///
/// `merge` and `rename` act on whole entities after resolution; `split` and `drop` act on
/// mentions before it. A name that never occurs is a warning, not an error.
public struct AliasCorrections: Sendable, Equatable {
    /// One rule with the line it came from.
    public enum Rule: Sendable, Equatable {
        /// Entities named by `names` join the entity named `target`.
        case merge(target: String, names: [String], line: Int)
        /// Mentions written `name` become an entity of their own called `label`.
        case split(name: String, label: String, line: Int)
        /// The entity called `from` is called `to`.
        case rename(from: String, to: String, line: Int)
        /// The entity called `name` has type `type`.
        case setType(name: String, type: EntityType, line: Int)
        /// Mentions and entities called `name` are removed.
        case drop(name: String, line: Int)

        /// The line the rule came from.
        public var line: Int {
            switch self {
            case .merge(_, _, let line), .split(_, _, let line), .rename(_, _, let line), .setType(_, _, let line), .drop(_, let line):
                return line
            }
        }

        /// Every name the rule refers to that must occur in the corpus.
        public var names: [String] {
            switch self {
            case .merge(let target, let names, _): return [target] + names
            case .split(let name, _, _), .setType(let name, _, _), .drop(let name, _): return [name]
            case .rename(let from, _, _): return [from]
            }
        }
    }

    /// The rules, in file order.
    public var rules: [Rule]
    /// The file they came from.
    public var path: String

    /// No corrections.
    public static let none = AliasCorrections(rules: [], path: "")

    /// Creates corrections from rules.
    public init(rules: [Rule], path: String) {
        self.rules = rules
        self.path = path
    }

    /// Reads and checks an alias file.
    ///
    /// - Throws: ``AliasFileError`` with the file and line (unreadable file, unknown rule,
    ///   missing fields, unknown type, a cycle of merges or renames).
    public static func read(from path: String) throws -> AliasCorrections {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AliasFileError(
                path: path, line: nil, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AliasFileError(path: path, line: nil, reason: "not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Parses alias-file text; `path` is used in messages.
    ///
    /// - Throws: ``AliasFileError``.
    public static func parse(_ text: String, path: String) throws -> AliasCorrections {
        var rules: [Rule] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let trimmed = rawLine.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = rawLine.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let values = fields.dropFirst().filter { !$0.isEmpty }
            func fail(_ reason: String) -> AliasFileError { AliasFileError(path: path, line: line, reason: reason) }
            guard fields.count >= 2 else {
                throw fail("expected a rule and names separated by tabs (merge, split, rename, type, drop), got \"\(trimmed)\"")
            }
            switch fields[0].lowercased() {
            case "merge":
                guard values.count >= 2 else { throw fail("merge needs the entity and at least one name to join it") }
                rules.append(.merge(target: values[values.startIndex], names: Array(values.dropFirst()), line: line))
            case "split":
                guard (1...2).contains(values.count) else { throw fail("split needs a name and, optionally, the new entity's label") }
                rules.append(.split(name: values[values.startIndex], label: values.last ?? values[values.startIndex], line: line))
            case "rename":
                guard values.count == 2 else { throw fail("rename needs the current label and the new one") }
                rules.append(.rename(from: values[values.startIndex], to: values[values.startIndex + 1], line: line))
            case "type":
                guard values.count == 2 else { throw fail("type needs a name and a type") }
                let typeName = values[values.startIndex + 1].lowercased()
                guard let type = EntityType(rawValue: typeName == "organization" ? "organisation" : typeName) else {
                    let known = EntityType.allCases.map(\.rawValue).joined(separator: ", ")
                    throw fail("unknown type \"\(values[values.startIndex + 1])\"; use one of \(known)")
                }
                rules.append(.setType(name: values[values.startIndex], type: type, line: line))
            case "drop":
                guard values.count >= 1 else { throw fail("drop needs a name") }
                for name in values { rules.append(.drop(name: name, line: line)) }
            default:
                throw fail("unknown rule \"\(fields[0])\"; use merge, split, rename, type or drop")
            }
        }
        let corrections = AliasCorrections(rules: rules, path: path)
        try corrections.checkForCycles()
        return corrections
    }

    /// Fails when merges and renames lead back to where they started (A → B → A).
    func checkForCycles() throws {
        var next: [String: (String, Int)] = [:]
        for rule in rules {
            switch rule {
            case .merge(let target, let names, let line):
                for name in names where name.lowercased() != target.lowercased() { next[name.lowercased()] = (target.lowercased(), line) }
            case .rename(let from, let to, let line):
                if from.lowercased() != to.lowercased() { next[from.lowercased()] = (to.lowercased(), line) }
            default: break
            }
        }
        for start in next.keys.sorted() {
            var seen = [start]
            var lines: [Int] = []
            var cursor = start
            while let (target, line) = next[cursor] {
                lines.append(line)
                if seen.contains(target) {
                    throw AliasFileError(
                        path: path, line: lines.first,
                        reason: "merges and renames form a cycle: " + (seen + [target]).joined(separator: " → ")
                            + " (lines " + lines.map(String.init).joined(separator: ", ") + ")")
                }
                seen.append(target)
                cursor = target
            }
        }
    }

    /// Lower-cased names whose mentions are dropped.
    var droppedNames: Set<String> {
        Set(rules.compactMap { if case .drop(let name, _) = $0 { return name.lowercased() } else { return nil } })
    }

    /// Lower-cased surface → label of the entity it is split into.
    var splits: [String: String] {
        var result: [String: String] = [:]
        for rule in rules { if case .split(let name, let label, _) = rule { result[name.lowercased()] = label } }
        return result
    }
}

/// An alias-file name that matched no entity, with its line in the file.
public struct UnusedCorrection: Sendable, Equatable {
    /// The name as written in the file.
    public var name: String
    /// The 1-based line.
    public var line: Int

    /// Creates an entry.
    public init(name: String, line: Int) {
        self.name = name
        self.line = line
    }
}
