import Corpus
import PlexusGraph
import PlexusSupport
import Testing

@testable import EntityRecognition

/// Resolves a set of documents and returns label → aliases for every entity.
func resolve(_ texts: [String]) -> [String: (type: EntityType, aliases: Set<String>)] {
    let analyzer = DocumentAnalyzer()
    let documents = texts.enumerated().map { Document(id: "d\($0.offset + 1)", path: "t\($0.offset).txt", text: $0.element) }
    let analyses = documents.map(analyzer.analyze)
    let table = CorpusResolver().merge(analyses.map { EntityResolver().resolve($0) })
    var result: [String: (EntityType, Set<String>)] = [:]
    for entity in table.entities { result[entity.label] = (entity.type, Set(entity.aliases)) }
    return result
}

@Suite struct ResolverTests {
    @Test func aLoneWordMoreFrequentThanTheFullNameItStartsIsNotItsFirstName() {
        let entities = resolve([
            "Critics of the European Councils agreed.",
            "European officials met. European leaders spoke. European diplomats left.",
        ])
        #expect(entities.values.allSatisfy { !$0.aliases.contains("European") || $0.type != .person })
    }

    @Test func honorificsAndSurnamesJoinTheFullName() {
        let entities = resolve([
            "Sir Keir Starmer met Mr Zelensky. Sir Keir said Mr Starmer's plan was ready. Starmer left. Volodymyr Zelensky agreed."
        ])
        let starmer = entities["Keir Starmer"]
        #expect(starmer?.aliases == ["Sir Keir Starmer", "Sir Keir", "Mr Starmer", "Starmer"])
        #expect(entities["Volodymyr Zelensky"]?.aliases.contains("Mr Zelensky") == true)
        #expect(entities.keys.filter { $0.contains("Starmer") || $0 == "Keir" }.count == 1)
    }

    @Test func countryNamesAbbreviationsAndDemonymsMerge() {
        let entities = resolve([
            "Britain and the UK are one; British troops went. The U.S. and America and American officials agreed with the United States."
        ])
        #expect(entities["United Kingdom"]?.aliases == ["Britain", "UK", "British"])
        #expect(entities["United States"]?.aliases == ["U.S.", "America", "American", "United States"])
        #expect(entities.count == 2)
    }

    @Test func transliteratedAndShortenedSpellingsOfOneNameMerge() {
        let entities = resolve([
            "Volodymyr Zelensky met Steve Witkoff in Kyiv. Zelensky spoke first.",
            "Volodymyr Zelenskyy thanked Steven Witkoff. Zelenskyy left.",
        ])
        #expect(entities.keys.filter { $0.contains("Zelensk") }.count == 1, "\(entities.keys.sorted())")
        #expect(entities.keys.filter { $0.contains("Witkoff") }.count == 1, "\(entities.keys.sorted())")
        let zelensky = entities.first { $0.key.contains("Zelensk") }?.value.aliases ?? []
        #expect(zelensky.isSuperset(of: ["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelensky", "Zelenskyy"]))
    }

    @Test func similarNamesOfDifferentPeopleStayApart() {
        let entities = resolve([
            "Anna Hansen met Anna Hanson in Oslo.",
            "Steve Johnson, Steven Johnson and Paul Johnson spoke.",
        ])
        #expect(entities["Anna Hansen"] != nil && entities["Anna Hanson"] != nil)
        // "Steve" and "Steven" would agree, but a third Johnson does not, so nothing is merged.
        #expect(entities["Steve Johnson"] != nil && entities["Steven Johnson"] != nil && entities["Paul Johnson"] != nil)
    }

    @Test func twoPeopleSharingASurnameStayTwo() {
        let entities = resolve(["Vladimir Putin met his cousin Evgeny Putin. Mr Putin said the talks went well. Vladimir Putin left."])
        #expect(entities["Vladimir Putin"] != nil)
        #expect(entities["Evgeny Putin"] != nil)
        #expect(entities["Vladimir Putin"]?.aliases.contains("Mr Putin") == true)
    }

    @Test func aBareSurnameJoinsTheCorpusFullNameAcrossDocuments() {
        let entities = resolve(["Emmanuel Macron spoke in Paris.", "Mr Macron later called Berlin."])
        #expect(entities["Emmanuel Macron"]?.aliases.contains("Mr Macron") == true)
        #expect(entities["Macron"] == nil)
    }

    @Test func aWomansHonorificDoesNotJoinAManOfTheSameSurname() {
        let entities = resolve([
            "Michael Howard spoke. Mr Howard left.", "Mrs Howard campaigned in Folkestone.", "Ruth Kelly spoke.", "Ms Kelly left.",
        ])
        #expect(entities["Mrs Howard"]?.aliases == ["Mrs Howard"])
        #expect(entities["Michael Howard"]?.aliases.contains("Mrs Howard") == false)
        #expect(entities["Ruth Kelly"]?.aliases.contains("Ms Kelly") == true)
    }

    @Test func aVerbOpeningTheSentenceIsNotPartOfAName() {
        let entities = resolve([
            "\"Making Michael Howard leader was a gamble,\" he said. Interviewed on BBC Radio Wales, Conservative Michael Howard smiled."
        ])
        #expect(entities["Michael Howard"] != nil)
        #expect(entities.keys.allSatisfy { !$0.hasPrefix("Making") && !$0.hasPrefix("Interviewed") && !$0.hasPrefix("Conservative M") })
        #expect(entities["BBC Radio Wales"]?.type == .organisation)
    }

    @Test func royalTitlesKeepTheirFirstNameApart() {
        let entities = resolve(["Charles Kennedy spoke. Prince Charles visited. Mr Kennedy left."])
        #expect(entities["Prince Charles"] != nil)
        #expect(entities["Charles Kennedy"]?.aliases.contains("Prince Charles") == false)
    }

    @Test func anAcronymDefinedInTextJoinsItsExpansionEverywhere() {
        let entities = resolve(["The Ukraine Defence Contact Group (UDCG) met in Brussels.", "The UDCG will meet again."])
        #expect(entities["Ukraine Defence Contact Group"]?.aliases == ["UDCG", "Ukraine Defence Contact Group"])
        #expect(entities["UDCG"] == nil)
    }

    @Test func slugsAreLowerCaseAsciiIdentifiers() {
        #expect(CorpusResolver.slug("Élysée Palace") == "elysee-palace")
        #expect(CorpusResolver.slug("Keir Starmer") == "keir-starmer")
        #expect(CorpusResolver.slug("O'Brien") == "obrien")
    }
}

@Suite struct AcronymInitialsTests {
    @Test func anAcronymOfTheInitialsOfOneOrganisationInTheDocumentJoinsIt() {
        let entities = resolve([
            "The National Audit Office published its report on Monday. The NAO said spending had risen.",
            "The NAO is independent.",
        ])
        #expect(entities["National Audit Office"]?.aliases.contains("NAO") == true)
        #expect(entities["NAO"] == nil)
    }

    @Test func aFullNameJoinsTheListedAcronymItSpellsEvenInArticlesWithoutIt() {
        let entities = resolve([
            "The UK Independence Party met in London. UKIP said it would stand everywhere.",
            "The UK Independence Party chose a new leader.",
        ])
        #expect(entities["UKIP"]?.aliases.contains("UK Independence Party") == true)
        #expect(entities["UK Independence Party"] == nil)
    }

    @Test func anOutletsProgrammesAreTheOutletButARegionalStationIsNot() {
        let entities = resolve(["He told BBC Radio that BBC News had it wrong, and BBC Radio Scotland agreed with the BBC."])
        #expect(entities["BBC"]?.aliases.isSuperset(of: ["BBC Radio", "BBC News"]) == true)
        #expect(entities["BBC Radio Scotland"] != nil)
    }
}

@Suite struct CombinedRecognizerTests {
    func resolveCombined(_ texts: [String]) throws -> [String: (type: EntityType, aliases: Set<String>)] {
        let analyzer = DocumentAnalyzer(recognizer: CombinedRecognizer(tagger: try TaggerRecognizer.shipped()), syntax: nil)
        let documents = texts.enumerated().map { Document(id: "d\($0.offset + 1)", path: "t\($0.offset).txt", text: $0.element) }
        let table = CorpusResolver().merge(documents.map { EntityResolver().resolve(analyzer.analyze($0)) })
        var result: [String: (EntityType, Set<String>)] = [:]
        for entity in table.entities { result[entity.label] = (entity.type, Set(entity.aliases)) }
        return result
    }

    @Test func aWordNoListKnowsIsKeptWithTheTypeTheTaggerReadsIn() throws {
        let entities = try resolveCombined([
            "Microsoft said on Tuesday that it would cut jobs, and its shares rose in Seattle."
        ])
        #expect(entities["Microsoft"]?.type == .organisation)
        #expect(entities["Seattle"]?.type == .location)
        // The rules alone keep no entity for a lone unknown word.
        #expect(resolve(["Microsoft said on Tuesday that it would cut jobs."])["Microsoft"] == nil)
    }

    @Test func aPersonGuessInsideALongerOrganisationTakesTheOrganisationsSpan() throws {
        let entities = try resolveCombined([
            "The Social Democratic and Labour Party contested the seat, and the Social Democratic and Labour Party won it."
        ])
        #expect(entities["Social Democratic"] == nil, "\(entities.keys.sorted())")
    }

    @Test func aPartyMemberWordBeforeAFullNameDescribesThePerson() throws {
        let entities = resolve(["Republican Dwight D. Eisenhower beat Democrat Adlai Stevenson in 1952."])
        #expect(entities["Dwight D. Eisenhower"]?.type == .person, "\(entities.keys.sorted())")
        #expect(entities["Adlai Stevenson"]?.type == .person)
    }

    @Test func aSurnameWithoutItsArabicArticleJoinsTheFullName() throws {
        let entities = resolve([
            "Qatar's spokesman Majed bin Mohammed al-Ansari spoke. Ansari said talks would resume. Ansari left."
        ])
        #expect(entities["Majed bin Mohammed al-Ansari"]?.aliases.contains("Ansari") == true, "\(entities.keys.sorted())")
    }

    @Test func aSurnameStillJoinsThePersonWhateverTheTaggerSays() throws {
        let entities = try resolveCombined([
            "US envoy Steve Witkoff arrived in Moscow on Thursday.",
            "Witkoff met officials for three hours, and Witkoff said the talks went well.",
        ])
        #expect(entities["Steve Witkoff"]?.aliases.contains("Witkoff") == true)
        #expect(entities["Witkoff"] == nil)
    }
}

@Suite struct EntityKeyOrderTests {
    @Test func keysSortAsTheirTexts() {
        let names = ["keir starmer", "howard|f", "Kyiv", "nato", "Ökonom", "e\u{301}lysée", "", "a b"]
        let keys = EntityKey.Kind.allCases.flatMap { kind in names.map { EntityKey(kind, $0) } }
        for a in keys {
            for b in keys { #expect((a < b) == (a.description < b.description), "\(a) against \(b)") }
        }
    }
}
