import Corpus
import PlexusGraph
import PlexusSupport
import Testing

@testable import EntityRecognition

/// Resolves texts with corrections; returns label → (type, aliases) and the unused names.
func resolve(
    _ texts: [String], corrections: AliasCorrections
) -> (entities: [String: (type: EntityType, aliases: Set<String>)], unused: [String]) {
    let analyzer = DocumentAnalyzer()
    let documents = texts.enumerated().map { Document(id: "d\($0.offset + 1)", path: "t\($0.offset).txt", text: $0.element) }
    let local = documents.map { EntityResolver(corrections: corrections).resolve(analyzer.analyze($0)) }
    let table = CorpusResolver(corrections: corrections).merge(local)
    var result: [String: (EntityType, Set<String>)] = [:]
    for entity in table.entities { result[entity.label] = (entity.type, Set(entity.aliases)) }
    return (result, table.unusedCorrections.map(\.name))
}

@Suite struct AliasFileTests {
    @Test func parsesEveryRule() throws {
        let corrections = try AliasCorrections.parse(
            "# comment\nmerge\tDonald Trump\tThe Donald\tDJT\nsplit\tPutin\tEvgeny Putin\nrename\tKeir Starmer\tSir Keir Starmer\ntype\tWagner\torganisation\ndrop\tReuters\n",
            path: "a.tsv")
        #expect(
            corrections.rules == [
                .merge(target: "Donald Trump", names: ["The Donald", "DJT"], line: 2),
                .split(name: "Putin", label: "Evgeny Putin", line: 3),
                .rename(from: "Keir Starmer", to: "Sir Keir Starmer", line: 4),
                .setType(name: "Wagner", type: .organisation, line: 5),
                .drop(name: "Reuters", line: 6),
            ])
    }

    @Test(arguments: [
        (
            "merge Donald Trump",
            "a.tsv:1: expected a rule and names separated by tabs (merge, split, rename, type, drop), got \"merge Donald Trump\""
        ),
        ("\nfuse\tA\tB", "a.tsv:2: unknown rule \"fuse\"; use merge, split, rename, type or drop"),
        ("type\tWagner\tmilitia", "a.tsv:1: unknown type \"militia\"; use one of person, country, organisation, location, topic"),
        ("merge\tA", "a.tsv:1: merge needs the entity and at least one name to join it"),
        ("merge\tA\tB\nmerge\tB\tA", "a.tsv:2: merges and renames form a cycle: a → b → a (lines 2, 1)"),
    ])
    func reportsTheFileLineAndReason(text: String, message: String) {
        do {
            _ = try AliasCorrections.parse(text, path: "a.tsv")
            Issue.record("expected an error")
        } catch let error as AliasFileError {
            #expect(error.description == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func correctionsMergeRenameRetypeSplitAndDrop() throws {
        let corrections = try AliasCorrections.parse(
            "merge\tKeir Starmer\tEd Miliband\nrename\tKeir Starmer\tSir Keir Starmer\ntype\tWagner Group\tlocation\ndrop\tReuters\nsplit\tMr Putin\tPutin the elder\nmerge\tNobody Here\tAlso Nobody\n",
            path: "a.tsv")
        let texts = [
            "Keir Starmer met Ed Miliband in London. Reuters reported it. The Wagner Group moved.",
            "Vladimir Putin spoke. Mr Putin left.",
        ]
        let (entities, unused) = resolve(texts, corrections: corrections)
        #expect(entities["Sir Keir Starmer"] != nil)
        #expect(entities["Keir Starmer"] == nil)
        #expect(entities["Sir Keir Starmer"]?.aliases.contains("Ed Miliband") == true)
        #expect(entities["Wagner Group"]?.type == .location)
        #expect(entities["Reuters"] == nil)
        #expect(entities["Putin the elder"]?.aliases == ["Mr Putin"])
        #expect(entities["Vladimir Putin"]?.aliases == ["Vladimir Putin"])
        #expect(Set(unused) == ["Nobody Here", "Also Nobody"])
    }
}

@Suite struct DocumentRuleTests {
    func entities(_ text: String) -> [String: (type: EntityType, aliases: Set<String>)] { resolve([text]) }

    @Test func capitalsActingAreTheirCountryAndCapitalsAsPlacesStayPlaces() {
        let found = entities(
            "Moscow would respond to any attack. Talks were held in Moscow. Kyiv has not confirmed it, and Moscow's position is unchanged.")
        #expect(found["Russia"]?.aliases == ["Moscow"])
        #expect(found["Ukraine"]?.aliases == ["Kyiv"])
        #expect(found["Moscow"]?.type == .location)
    }

    @Test func georgiaTheStateIsNotGeorgiaTheCountry() {
        let found = entities("Georgia wants to join the EU. A court in Atlanta, Georgia, ruled, and the Georgia governor spoke.")
        #expect(found["Georgia"]?.type == .country)
        #expect(found["Georgia (US state)"]?.type == .location)
        #expect(found["Atlanta"]?.type == .location)
    }

    @Test func jordanThePersonActsAndJordanTheCountryIsVisited() {
        let found = entities("Michael Jordan visited Jordan. Jordan said he liked it.")
        #expect(found["Michael Jordan"]?.aliases == ["Michael Jordan", "Jordan"])
        #expect(found["Jordan"]?.type == .country)
    }

    @Test func descriptionsJoinTheOnlyPersonNamedInThatRole() {
        let text =
            "Prime Minister Keir Starmer met US President Donald Trump. The prime minister said the US president was right. Kremlin spokesman Dmitry Peskov objected. The Kremlin spokesman added more."
        let analysis = DocumentAnalyzer().analyze(Document(id: "d1", path: "t", text: text))
        let local = EntityResolver().resolve(analysis)
        func entity(of surface: String) -> String? {
            guard let index = analysis.mentions.firstIndex(where: { $0.surface == surface }), let entity = local.mentionEntity[index] else {
                return nil
            }
            return local.entities[entity].label
        }
        #expect(entity(of: "The prime minister") == "Keir Starmer")
        #expect(entity(of: "the US president") == "Donald Trump")
        #expect(entity(of: "The Kremlin spokesman") == "Dmitry Peskov")
    }

    @Test func anAmbiguousDescriptionIsLeftAlone() {
        let text = "President Donald Trump met President Volodymyr Zelensky. The president spoke first."
        let analysis = DocumentAnalyzer().analyze(Document(id: "d1", path: "t", text: text))
        #expect(!analysis.mentions.contains { $0.surface == "The president" })
    }
}

@Suite struct MergeSuggesterTests {
    func node(_ label: String, _ type: EntityType, mentions: Int, in documents: [String]) -> Node {
        Node(
            id: label.lowercased().replacingOccurrences(of: " ", with: "-"), label: label, type: type, aliases: [label], mentions: mentions,
            documents: documents.count, byDocument: Dictionary(uniqueKeysWithValues: documents.map { ($0, 1) }))
    }

    func pairs(_ nodes: [Node]) -> Set<String> {
        Set(MergeSuggester().suggestions(for: Graph(nodes: nodes)).map { "\($0.keep.label) <- \($0.merge.label)" })
    }

    @Test func branchesRolesAndBodiesOfAnOrganisationAreNotSuggestedAsIt() {
        let found = pairs([
            node("Labour Party", .organisation, mentions: 700, in: ["d1", "d2"]),
            node("Scottish Labour Party", .organisation, mentions: 2, in: ["d3"]),
            node("Conservative Party", .organisation, mentions: 500, in: ["d1"]),
            node("Conservative Party Co-Chairman", .organisation, mentions: 1, in: ["d4"]),
            node("House of Lords", .organisation, mentions: 50, in: ["d1"]),
            node("House of Lords Record Office", .organisation, mentions: 1, in: ["d5"]),
            node("Labour", .organisation, mentions: 30, in: ["d6"]),
            node("BBC", .organisation, mentions: 100, in: ["d1"]),
            node("BBC Radio", .organisation, mentions: 60, in: ["d7"]),
        ])
        #expect(found.contains("Labour Party <- Labour") && found.contains("BBC <- BBC Radio"))
        #expect(!found.contains { $0.contains("Scottish") || $0.contains("Co-Chairman") || $0.contains("Record Office") })
    }

    @Test func peopleAreSuggestedOnlyForASmallSpellingDifferenceInOneWordNeverSeenTogether() {
        let found = pairs([
            node("Tony Blair", .person, mentions: 500, in: ["d1", "d2"]),
            node("Tony Bland", .person, mentions: 1, in: ["d3"]),
            node("Volodymyr Zelensky", .person, mentions: 50, in: ["d1"]),
            node("Volodymyr Zelenskyy", .person, mentions: 5, in: ["d4"]),
            node("David Davis", .person, mentions: 30, in: ["d5"]),
            node("David Davies", .person, mentions: 3, in: ["d5"]),
            node("Australia", .country, mentions: 30, in: ["d1"]),
            node("Austria", .country, mentions: 3, in: ["d2"]),
        ])
        #expect(found == ["Volodymyr Zelensky <- Volodymyr Zelenskyy"])
    }
}
