import Foundation
import PlexusSupport

/// The tagger models shipped with Plexus as package resources.
///
/// Loading reads and checks the file and throws a ``ModelFileError`` that names it when it
/// is missing, damaged or in an older format: no caller falls back silently. A model is read
/// from disk once per process, O(size of the model), so building several analyzers costs
/// one load.
public enum ShippedModels {
    /// The shipped tagger for a task and reading direction.
    ///
    /// - Throws: ``ModelFileError`` naming the resource.
    /// - Complexity: O(size of the model) the first time, O(1) after.
    public static func tagger(_ task: TaggingTask, _ direction: ReadingDirection = .forward) throws -> SequenceTagger {
        try cache.model(named: task.fileName(direction)) { name in
            try SequenceTagger(contentsOf: try resourcePath(name))
        }
    }

    /// The shipped chunker: the forward and backward chunk models paired.
    ///
    /// - Throws: ``ModelFileError`` when either model is missing or damaged, or when the two
    ///   do not share a tag set.
    public static func chunker() throws -> BidirectionalTagger {
        let forward = try tagger(.chunk, .forward)
        let backward = try tagger(.chunk, .backward)
        guard let paired = BidirectionalTagger(forward: forward, backward: backward) else {
            throw ModelFileError(
                path: TaggingTask.chunk.backwardFileName,
                reason: "does not pair with \(TaggingTask.chunk.fileName) (their tag sets differ); run make models")
        }
        return paired
    }

    /// The shipped dependency parser.
    ///
    /// - Throws: ``ModelFileError`` naming the resource.
    /// - Complexity: O(size of the model) the first time, O(1) after.
    public static func parser() throws -> DependencyParser {
        try parsers.model(named: "parser.plxdep") { name in
            guard let url = Bundle.module.url(forResource: "parser", withExtension: "plxdep", subdirectory: "Models") else {
                throw ModelFileError(
                    path: "Models/\(name)", reason: "the parser model is missing from this build; run make models")
            }
            return try DependencyParser(contentsOf: url.path)
        }
    }

    /// The path of a model resource.
    ///
    /// - Throws: ``ModelFileError`` when the package was built without it.
    public static func resourcePath(_ fileName: String) throws -> String {
        let name = (fileName as NSString).deletingPathExtension
        let suffix = (fileName as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: name, withExtension: suffix, subdirectory: "Models") else {
            throw ModelFileError(path: "Models/\(fileName)", reason: "is missing from the package resources; run make models")
        }
        return url.path
    }

    private static let cache = ModelCache<SequenceTagger>()
    private static let parsers = ModelCache<DependencyParser>()
}
