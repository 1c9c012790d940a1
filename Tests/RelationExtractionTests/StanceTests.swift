import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import Testing

@testable import RelationExtraction

/// Sentences here were written for these tests.
@Suite struct StanceExtractionTests {
    /// The stance triples of a passage, by label, at or above the default confidence.
    func triples(_ text: String) throws -> Set<String> {
        let built = try GraphBuilder.shipped().build([Document(id: "d1", path: "t.txt", text: text)])
        return Set(built.stanceTriples()[0].filter { $0.confidence >= Edge.defaultMinimumStanceConfidence }.map(\.triple.description))
    }

    @Test func aNameEndingOnATitleCaseToBeforeACueIsNoCrash() throws {
        // Found by fuzzing real articles: "Ready To" read as a name ends right on the "to"
        // before the cue, which once made an inverted range and killed the whole run.
        _ = try triples("Putin said Russia was Ready To accept American proposals.")
        _ = try triples("They Were Ready To back the plan. Officials Told To oppose it.")
    }

    /// "Labour rejected …": the words, with Labour a mention, part-of-speech and chunk tags.
    func rejection(of object: [(word: String, tag: String, chunk: String)]) -> StanceSentence {
        let words =
            [("Labour", "NNP", "S-NP"), ("rejected", "VBD", "S-VP")] + object.map { ($0.word, $0.tag, $0.chunk) } + [(".", ".", "O")]
        var sentence = StanceSentence(
            words: words.map(\.0), mentions: [StanceMention(range: 0..<1, entity: 1, type: .organisation)])
        sentence.posTags = words.map(\.1)
        sentence.chunkTags = words.map(\.2)
        return sentence
    }

    @Test func aNounPhraseAfterAVerbCueIsItsTargetAndAOneWordHeadIsNot() {
        let extractor = StanceExtractor()
        let phrase = rejection(of: [
            ("the", "DT", "B-NP"), ("new", "JJ", "I-NP"), ("fuel", "NN", "I-NP"), ("duty", "NN", "I-NP"), ("rises", "NNS", "E-NP"),
        ])
        #expect(extractor.findings(in: phrase).map(\.target) == [.phrase("fuel duty rises")])
        let afterAdverbs = rejection(of: [
            ("once", "RB", "B-ADVP"), ("again", "RB", "E-ADVP"), ("the", "DT", "B-NP"), ("fuel", "NN", "I-NP"),
            ("duty", "NN", "I-NP"), ("rises", "NNS", "E-NP"),
        ])
        #expect(extractor.findings(in: afterAdverbs).map(\.target) == [.phrase("fuel duty rises")])
        let oneWord = rejection(of: [("the", "DT", "B-NP"), ("rises", "NNS", "E-NP")])
        #expect(extractor.findings(in: oneWord).isEmpty)
    }

    @Test func aSubjectVerbObjectSentenceGivesOneStance() throws {
        #expect(try triples("Poland condemned Belarus for the border crossings.") == ["Poland | oppose | Belarus"])
    }

    @Test func theSpeakerOfAQuotationHoldsItsStance() throws {
        #expect(try triples("\"We reject the truce,\" Dmitry Peskov said.") == ["Dmitry Peskov | oppose | ceasefire"])
    }

    @Test func aQuotationAcrossSentencesIsCreditedToItsSpeaker() throws {
        let text = "\"The vote matters. We support the peace talks fully,\" Mark Rutte said."
        #expect(try triples(text) == ["Mark Rutte | support | peace talks"])
    }

    @Test func negationTurnsGivingIntoOpposition() throws {
        #expect(try triples("Austria refuses to provide military aid to Ukraine.") == ["Austria | oppose | military aid"])
        #expect(try triples("Austria will not send weapons.") == ["Austria | oppose | military aid"])
    }

    @Test func thePassiveAgentHoldsTheStance() throws {
        #expect(try triples("The ceasefire was welcomed by Qatar.") == ["Qatar | support | ceasefire"])
    }

    @Test func twoStancesInOneSentenceAreBothFound() throws {
        #expect(try triples("Sweden welcomed the truce but condemned Iran.") == ["Sweden | support | ceasefire", "Sweden | oppose | Iran"])
    }

    @Test func aMeetingIsNotAStance() throws {
        #expect(try triples("Keir Starmer met Emmanuel Macron in Paris on Monday.").isEmpty)
    }

    @Test func aDemandOnSomeoneIsNotTheirStance() throws {
        #expect(try triples("Keir Starmer said Vladimir Putin must agree to a ceasefire.").isEmpty)
    }

    @Test func aThreatToImposeSomethingIsNoOppositionToIt() throws {
        // The parse puts "sanctions" inside the clause "to impose", not under "threatened".
        let found = try triples("Hungary has threatened to impose tariffs and sanctions on Serbia.")
        #expect(!found.contains("Hungary | oppose | sanctions"))
    }

    @Test func aCueInsideSomeoneElsesDemandIsNotTheStanceOfItsSubject() throws {
        let found = try triples("The deadline was set by Macron, demanding that Serbia agree to a ceasefire.")
        #expect(!found.contains("Serbia | support | ceasefire"))
    }

    @Test func aNameAfterAPrepositionIsNoSubject() throws {
        let found = try triples("Speaking to reporters in the Kremlin, Putin and Lavrov condemned Poland.")
        #expect(!found.contains("Kremlin | oppose | Poland"))
    }

    @Test func anAllegationOrAReportIsNotAStance() throws {
        #expect(try triples("Cherie Blair has been accused of criticising George Bush's policies during a lecture tour.").isEmpty)
        #expect(try triples("The minister denied reports that Gordon Brown is preparing to oust Alan Milburn.").isEmpty)
        // The accuser opposes the accused; what the accused is said to back is no stance.
        #expect(try triples("Poland accused Hungary of backing Russia.") == ["Poland | oppose | Hungary"])
    }

    @Test func aDatedAttackIsAnEventAndAPossessedNounIsNotTheSpeakers() throws {
        #expect(try triples("The ministry said on Sunday that 40 people died after the rebels' 7 October attack on the army.").isEmpty)
        #expect(
            try triples("Russia's rejection of the ceasefire angered Washington.").contains("Russia | oppose | ceasefire"))
    }

    @Test func aNameInsideTheJudgedNounPhraseIsItsTarget() throws {
        #expect(
            try triples("Dmitry Peskov said the presence of troops from Nato countries was unacceptable.")
                == ["Dmitry Peskov | oppose | NATO"])
    }

    @Test func aPassiveWithoutItsAuxiliaryIsNotReadAsActive() throws {
        let found = try triples("Menzies Campbell was worried about plans, backed by the UK, to lift the arms embargo.")
        #expect(!found.contains("Menzies Campbell | support | United Kingdom"))
    }

    @Test func aParticipleWithItsAgentAfterANounIsAPassiveWithEveryAgent() throws {
        let found = try triples("Talks stalled on the ceasefire long sought by Ukraine and the United States.")
        #expect(found == ["Ukraine | support | ceasefire", "United States | support | ceasefire"])
        let plan = try triples("The peacekeepers plan, first proposed by the French, was raised during talks.")
        #expect(plan == ["France | support | peacekeepers"], "\(plan)")
    }

    @Test func aPassiveWhoseAgentIsNoEntityHasNoHolder() throws {
        let brigade = try triples("An Iranian brigade, backed by tanks, launched the attack, Iraq said.")
        #expect(!brigade.contains { $0.hasPrefix("Iraq | support") })
        #expect(try triples("The plan was rejected by ministers, Pierre Dupont said.").isEmpty)
        #expect(try triples("The plans are backed by EU directives on privacy.").isEmpty)
    }

    @Test func askingForSomethingSupportsTheThingNeverThePeopleItNames() throws {
        #expect(try triples("Qatar demanded a ceasefire in Gaza.") == ["Qatar | support | ceasefire"])
        #expect(try triples("Germany demanded the resignation of Viktor Orban.").isEmpty)
        #expect(try triples("Ecuador is seeking through negotiations to delay its payments.").isEmpty)
    }

    @Test func askingForTheEndOfSomethingOpposesIt() throws {
        let found = try triples("Hungary called for an end to the sanctions.")
        #expect(found == ["Hungary | oppose | sanctions"], "\(found)")
        #expect(try triples("Germany welcomed the rate cuts in France.").isEmpty)
        #expect(try triples("Washington is offering to wind back crippling sanctions on Iran.").isEmpty)
    }

    @Test func aRelativeClauseAfterACommonNounIsNotTheSpeakers() throws {
        let text = "\"Many are divided between those who support tariffs and those who do not,\" said Daniel Yergin."
        #expect(try triples(text).isEmpty)
    }

    @Test func theTitleAloneStandsForTheOnePersonWhoHeldItEarlier() throws {
        let text = "President Zelensky met the envoy in Kyiv. The President also hit out at Hungary and Slovakia."
        let found = try triples(text)
        #expect(found.contains { $0.hasSuffix("Zelensky | oppose | Hungary") }, "\(found)")
        #expect(found.contains { $0.hasSuffix("Zelensky | oppose | Slovakia") }, "\(found)")
    }

    @Test func beingCriticalOfSomeoneOpposesThem() throws {
        #expect(try triples("Frank Rijkaard was critical of Jose Mourinho's decision.") == ["Frank Rijkaard | oppose | Jose Mourinho"])
        #expect(try triples("Austria is supportive of the peace talks.") == ["Austria | support | peace talks"])
    }

    @Test func aDefinitePlanNounStandsForTheTopicJustProposed() throws {
        let text = "Britain put forward a proposal for a peacekeeping force. Sergei Lavrov dismissed the initiative."
        #expect(try triples(text).contains("Sergei Lavrov | oppose | peacekeepers"))
        // With no topic before it, the plan is no target, and a name after it is not one either.
        let alone = try triples("Britain remains opposed to the plan and Germany has opposed it in the past.")
        #expect(!alone.contains("United Kingdom | oppose | Germany"), "\(alone)")
        #expect(try triples("Vladimir Putin supported the idea of a ceasefire.") == ["Vladimir Putin | support | ceasefire"])
    }

    @Test func imposingAMeasureSupportsItButNotImposingItOpposesNothing() throws {
        #expect(try triples("New Zealand has imposed sanctions against Fiji.").contains("New Zealand | support | sanctions"))
        #expect(try triples("The European Commission would not impose sanctions.").isEmpty)
    }

    @Test func aPleaOrCallForSomethingSupportsIt() throws {
        let plea = try triples("Volodymyr Zelensky's pleas to join NATO grew louder.")
        #expect(plea == ["Volodymyr Zelensky | support | NATO membership"], "\(plea)")
        #expect(try triples("Emmanuel Macron's call for Vladimir Putin's resignation was ignored.").isEmpty)
    }

    @Test func aNameThatIsTheSubjectOfAClauseAfterTheVerbIsNotItsObject() throws {
        #expect(try triples("Ed Balls rejected the allegation that Gordon Brown had been sidelined.").isEmpty)
        #expect(
            try triples("Donald Trump has argued for weeks that European troops could be deployed.") == [
                "Donald Trump | support | peacekeepers"
            ])
        #expect(try triples("Vince Cable branded the Tory plans as fantasy economics.") == ["Vince Cable | oppose | Conservative Party"])
    }

    @Test func aNameInsideTheSubjectOfAPassiveIsNotItsTarget() throws {
        let text = "Plans to store foreign nuclear waste in the UK have been branded irresponsible by the Liberal Democrats."
        #expect(try triples(text).isEmpty)
    }

    @Test func anInfinitiveAskedOfSomeoneIsNotTheirStance() throws {
        let text = "The group is calling on the senior judge, Lord Woolf, to abandon guidelines David Blunkett proposed."
        #expect(try triples(text).isEmpty)
    }

    @Test func threateningAMeasureIsNoStanceOnIt() throws {
        #expect(try triples("Yukos has also threatened legal action.").isEmpty)
    }

    @Test func callingSomethingAMistakeOpposesIt() throws {
        #expect(try triples("Scott Bessent called China's response a mistake.") == ["Scott Bessent | oppose | China"])
    }

    @Test func aRefusalOpposesWhatItRefusesToJoin() throws {
        #expect(try triples("Slovakia refused to join the sanctions against Russia.") == ["Slovakia | oppose | sanctions"])
    }

    @Test func anAppositiveGroupDescribesThePersonWhoHoldsTheStance() throws {
        #expect(try triples("Jens Stoltenberg, the NATO secretary general, praised Finland.") == ["Jens Stoltenberg | support | Finland"])
    }

    @Test func aRoleOfAGroupAfterTheNameStillLeavesThePersonAsHolder() throws {
        #expect(
            try triples("Trevor Phillips, chair of the Commission for Racial Equality, praised Lord Scarman.") == [
                "Trevor Phillips | support | Lord Scarman"
            ])
    }

    @Test func warningAgainstGivingIsOpposition() throws {
        #expect(try triples("Sergei Lavrov warned against sending peacekeepers.") == ["Sergei Lavrov | oppose | peacekeepers"])
    }

    @Test func aCapitalInAStanceStandsForItsCountry() throws {
        let text = "Ukraine asked for help. London has urged its allies to step up their backing for Kyiv."
        #expect(try triples(text).contains("United Kingdom | support | Ukraine"))
    }

    @Test func topicVariantsMapToOneLabel() throws {
        let lexicon = TopicLexicon.standard
        let words = "troops on the ground and a peacekeeping force and a truce".split(separator: " ").map(String.init)
        #expect(lexicon.matches(in: words).map(\.label) == ["peacekeepers", "peacekeepers", "ceasefire"])
    }

    @Test func regularAndIrregularVerbFormsAreCues() throws {
        let lexicon = StanceLexicon.standard
        for form in ["backs", "backed", "backing", "criticised", "slammed", "vetoed", "gave", "given", "denounces", "rallied"] {
            #expect(!lexicon.cues(startingWith: form).isEmpty, "\(form)")
        }
    }

    @Test func stanceEdgesAreDirectedWithPolarityConfidenceAndEvidence() throws {
        let text = "Finland backs Ukraine. Finland backed Ukraine again on Monday. Estonia opposes Russia."
        let graph = try GraphBuilder.shipped().build([Document(id: "d1", path: "t.txt", text: text)]).graph
        let support = try #require(graph.edges.first { $0.kind == .stance && $0.source == "finland" && $0.target == "ukraine" })
        #expect(support.polarity == .support)
        #expect(support.weight == 2)
        #expect(support.evidence.count == 2)
        #expect((support.confidence ?? 0) > 0.9, "two sentences make the stance surer than one")
        let oppose = try #require(graph.edges.first { $0.kind == .stance && $0.source == "estonia" })
        #expect(oppose.target == "russia" && oppose.polarity == .oppose)
        #expect(graph.nodes.contains { $0.id == "russia" })
    }

    @Test func rollUpCreditsTheCountryAPersonSpeaksFor() throws {
        let text = "Russia's foreign minister Sergei Lavrov condemned Finland."
        var builder = try GraphBuilder.shipped()
        builder.stances?.rollUp = true
        let graph = builder.build([Document(id: "d1", path: "t.txt", text: text)]).graph
        let sources = Set(graph.edges.filter { $0.kind == .stance && $0.target == "finland" }.map(\.source))
        #expect(sources == ["sergei-lavrov", "russia"])
        let plain = try GraphBuilder.shipped().build([Document(id: "d1", path: "t.txt", text: text)]).graph
        #expect(Set(plain.edges.filter { $0.kind == .stance }.map(\.source)) == ["sergei-lavrov"])
    }

    @Test func topicNodesRoundTripThroughGraphJSON() throws {
        let graph = try GraphBuilder.shipped().build([Document(id: "d1", path: "t.txt", text: "Norway supports the minerals deal.")]).graph
        let topic = try #require(graph.node(id: "minerals-deal"))
        #expect(topic.type == .topic)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-stance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("graph.json").path
        try GraphCodec.write(graph, to: path)
        #expect(try GraphCodec.read(from: path) == graph)
    }
}

/// The tree checks on hand-written trees, so that they are tested apart from the parser.
@Suite struct StanceTreeCheckTests {
    @Test func aJudgementJudgesItsSubjectNotANameInAClauseInsideIt() {
        let words = [
            "\"", "Any", "deal", "that", "leaves", "Moldova", "defenceless", "is", "a", "betrayal", ",", "\"", "said", "Kemi", "Badenoch",
            ".",
        ]
        var sentence = StanceSentence(
            words: words,
            mentions: [StanceMention(range: 5..<6, entity: 1, type: .country), StanceMention(range: 13..<15, entity: 2, type: .person)])
        let extractor = StanceExtractor()
        let byWords = extractor.findings(in: sentence)
        #expect(byWords.contains { $0.holder == 2 && $0.target == .entity(1) && $0.polarity == .oppose })
        // deal ← nsubj of betrayal; Moldova inside the relative clause "that leaves …".
        sentence.dependencies = DependencyParse(
            heads: [10, 3, 10, 5, 3, 5, 5, 10, 10, 13, 10, 10, 0, 15, 13, 13],
            relations: [
                "punct", "det", "nsubj", "nsubj", "acl:relcl", "obj", "xcomp", "cop", "det", "ccomp", "punct", "punct", "root", "compound",
                "nsubj", "punct",
            ])
        #expect(!extractor.findings(in: sentence).contains { $0.target == .entity(1) })
    }
}
