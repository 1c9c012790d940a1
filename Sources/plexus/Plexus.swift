import ArgumentParser

/// The `plexus` command: news articles in, a graph of who stands where out.
@main
struct Plexus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plexus",
        abstract: "Turn a folder of news articles into a graph of people, countries and organisations.",
        groupedSubcommands: [
            CommandGroup(
                name: "Build and query",
                subcommands: [
                    BuildCommand.self, EntitiesCommand.self, PathCommand.self, NeighborsCommand.self, TopCommand.self,
                    CommunitiesCommand.self, StancesCommand.self,
                ]),
            CommandGroup(name: "Draw and export", subcommands: [RenderCommand.self, ExportCommand.self, DeckCommand.self]),
            CommandGroup(
                name: "Develop (train and evaluate the models)",
                subcommands: [
                    TrainCommand.self, EvalNERCommand.self, TrainParserCommand.self, EvalParserCommand.self, TrainStanceCommand.self,
                    EvalStanceCommand.self, EvalEntitiesCommand.self,
                ]),
        ]
    )
}
