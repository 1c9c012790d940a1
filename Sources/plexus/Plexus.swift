import ArgumentParser

/// The `plexus` command: news articles in, a graph of who stands where out.
@main
struct Plexus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plexus",
        abstract: "Turn a folder of news articles into a graph of people, countries and organisations.",
        subcommands: [
            BuildCommand.self, EntitiesCommand.self, PathCommand.self, NeighborsCommand.self, TopCommand.self,
            CommunitiesCommand.self, RenderCommand.self, ExportCommand.self, DeckCommand.self, EvalEntitiesCommand.self, TrainCommand.self,
            EvalNERCommand.self, StancesCommand.self, TrainStanceCommand.self, EvalStanceCommand.self,
        ]
    )
}
