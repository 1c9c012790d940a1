import ArgumentParser
import Foundation
import PlexusGraph

/// The `plexus` command: news articles in, a graph of who stands where out.
@main
struct Plexus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plexus",
        abstract: "Turn a folder of news articles into a graph of people, countries and organisations.",
        version: "plexus \(Plexus.version) (graph.json format \(GraphCodec.version))",
        groupedSubcommands: [
            CommandGroup(
                name: "Build and query",
                subcommands: [
                    BuildCommand.self, IngestCommand.self, ForgetCommand.self, DiffCommand.self, EntitiesCommand.self, PathCommand.self,
                    NeighborsCommand.self, TopCommand.self,
                    CommunitiesCommand.self, StancesCommand.self, ParseCommand.self,
                ]),
            CommandGroup(
                name: "Draw and export", subcommands: [RenderCommand.self, ViewCommand.self, ExportCommand.self, DeckCommand.self]),
            CommandGroup(
                name: "Develop (train and evaluate the models)",
                subcommands: [
                    TrainCommand.self, EvalNERCommand.self, TrainParserCommand.self, EvalParserCommand.self, TrainStanceCommand.self,
                    EvalStanceCommand.self, EvalGraphCommand.self, EvalRecognizerCommand.self, EvalEntitiesCommand.self,
                ]),
        ]
    )

    /// The version of this build of Plexus.
    static let version = "0.5.0"

    /// Runs the command; a first word that is no command gets the nearest one suggested
    /// before ArgumentParser's own message would only say it was unexpected.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-") {
            var names: [String] = ["help"]
            for command in configuration.subcommands {
                names.append(command._commandName)
                names += command.configuration.aliases
            }
            if !names.contains(first) {
                let nearest = names.min { TextKey.editDistance(first, $0) < TextKey.editDistance(first, $1) }
                var message = "plexus: error: \"\(first)\" is not a plexus command"
                if let nearest, TextKey.editDistance(first, nearest) <= 2 { message += "; did you mean \"\(nearest)\"?" }
                FileHandle.standardError.write(Data(TerminalText.clean(message + " (plexus --help lists them)\n").utf8))
                Foundation.exit(64)
            }
        }
        // ArgumentParser's own `main` would print error messages, which can quote data (a
        // file name, an entity label), without escaping them.
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                handle.write(Data(TerminalText.clean(message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
