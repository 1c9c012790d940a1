import Corpus
import PlexusGraph
import PlexusSupport
import Testing

@testable import EntityRecognition

/// Spans as (text of the name, type, gazetteer label) for readable expectations.
func recognized(_ sentence: String) -> [(String, EntityType, String?)] {
    let tokens = Tokenizer().tokenize(sentence)
    return RuleBasedRecognizer().recognize(tokens).map { span in
        let name = span.nameRange.map { tokens[$0].text }.joined(separator: " ")
        return (name, span.type, span.label)
    }
}

@Suite struct RecognizerTests {
    @Test func splitsCountryTitleAndPerson() {
        let spans = recognized("US President Donald Trump met Sir Keir Starmer.")
        #expect(spans.map(\.0) == ["US", "Donald Trump", "Keir Starmer"])
        #expect(spans.map(\.1) == [.country, .person, .person])
        #expect(spans[0].2 == "United States")
    }

    @Test func demonymsAndHyphenatedFormsAreMentionsOfTheirCountry() {
        let spans = recognized("Russian attacks hit a US-brokered truce, British and North Korean officials said.")
        #expect(spans.map(\.2) == ["Russia", "United States", "United Kingdom", "North Korea"])
    }

    @Test func aGerundOpeningASentenceStartsNoName() {
        #expect(
            recognized("Safeguarding Baltic security must come first, Rutte said.").map(\.0).allSatisfy { !$0.hasPrefix("Safeguarding") })
        #expect(recognized("Backing Ukraine is right.").map(\.0) == ["Ukraine"])
        #expect(recognized("Beijing rejected the plan.").map(\.0) == ["Beijing"])
    }

    @Test func aTitleCaseHeadlineKeepsOnlyKnownNamesWhole() {
        let spans = recognized("China Vows to Fight After Trump's Latest Tariff Salvo")
        #expect(spans.map(\.0).allSatisfy { !$0.contains(" ") }, "\(spans.map(\.0))")
        #expect(spans.first?.2 == "China")
    }

    @Test func aCapitalisedConjunctionEndsAName() {
        // A caption line without a full stop, glued to the sentence after it.
        let glued = recognized("Starmer laid a wreath at The Wall of Remembrance\nAnd he insisted Britain would play its part.")
        #expect(!glued.map(\.0).contains { $0.hasSuffix("And") }, "\(glued.map(\.0))")
        let pair = recognized("Officials met Tony Blair And Gordon Brown on Monday.").map(\.0)
        #expect(pair.contains("Tony Blair") && pair.contains("Gordon Brown"), "\(pair)")
    }

    @Test func bylinesAndPhotoCreditsAreNoMentions() {
        #expect(recognized("By Kate Seamons, Newser Staff Posted Feb 12, 2025").isEmpty)
        #expect(recognized("Antonio Tajani talks to Abbas Araghchi, via Reuters.").map(\.0) == ["Antonio Tajani", "Abbas Araghchi"])
        #expect(recognized("Gas still flows via Ukraine.").map(\.0).contains("Ukraine"))
        #expect(recognized("Hegseth spoke in Brussels (AP Photo/Omar Havana) on Wednesday.").map(\.0) == ["Hegseth", "Brussels"])
        #expect(recognized("Writer Neil Coppendale said the book was late.").map(\.0).contains { $0.hasSuffix("Neil Coppendale") })
    }

    @Test func aCountryBeforeAnOfficeAndATitleIsSplitOff() {
        let spans = recognized("US Treasury Secretary Scott Bessent called it a mistake.")
        #expect(spans.map(\.0) == ["US", "Treasury", "Scott Bessent"])
        #expect(spans.map(\.1) == [.country, .organisation, .person])
    }

    @Test func namesWithJoinedArabicArticlesStayWhole() {
        #expect(recognized("Spokesman Majed bin Mohammed al-Ansari said talks would resume.").map(\.0) == ["Majed bin Mohammed al-Ansari"])
    }

    @Test func commonAcronymsStatesAndAnOpeningAdverbAreNotNamesOfActors() {
        #expect(recognized("He left in a black SUV.").isEmpty)
        #expect(recognized("Senator Lindsey Graham of South Carolina spoke.").map(\.1) == [.person, .location])
        #expect(recognized("Separately Egypt has held talks.").map(\.0) == ["Egypt"])
        #expect(recognized("FM Araghchi said it was time to decide.").map(\.0) == ["Araghchi"])
    }

    @Test func aTitlesModifierBeforeAKnownNameLeavesTheNameAlone() {
        #expect(recognized("Shadow Europe minister Graham Brady spoke.").map(\.0).contains("Europe"))
        #expect(!recognized("Shadow Europe minister Graham Brady spoke.").map(\.0).contains("Shadow Europe"))
        #expect(recognized("The Muslim Safety Forum met police chiefs.").map(\.1) == [.organisation])
    }

    @Test func unknownWordsBeforeAnOrganisationsAcronymAreNoName() {
        #expect(recognized("He urged European NATO members to spend more.").map(\.0) == ["NATO"])
    }

    @Test func organisationsByKeywordAndByName() {
        let spans = recognized("The Ukraine Defence Contact Group met at Nato and the Bank of England.")
        #expect(spans.map(\.0) == ["Ukraine Defence Contact Group", "Nato", "Bank of England"])
        #expect(spans.allSatisfy { $0.1 == .organisation })
    }

    @Test func titleWithOfAndTitlesAfterAnOrganisation() {
        let spans = recognized("Secretary of State Marco Rubio and Nato Secretary General Mark Rutte spoke.")
        #expect(spans.map(\.0) == ["Marco Rubio", "Nato", "Mark Rutte"])
    }

    @Test func sentenceOpenersMonthsAndEventsAreNotNames() {
        #expect(recognized("Both leaders met in May.").isEmpty)
        #expect(recognized("He warned of World War Three.").isEmpty)
        #expect(recognized("Theresa May spoke.").map(\.0) == ["Theresa May"])
    }

    @Test func headlinesInCapitalsAreSkipped() {
        #expect(recognized("SWISS URGE CLOSING LOOPHOLES IN BANK REGULATION").isEmpty)
    }
}

/// Spans as (text of the whole mention, type), for the suites below.
func spans(_ text: String) -> [(String, EntityType)] {
    let tokens = Tokenizer().tokenize(text)
    return RuleBasedRecognizer().recognize(tokens).map { span in
        (tokens[span.range].map(\.text).joined(separator: " "), span.type)
    }
}

@Suite struct GuessedRunTests {
    @Test func aRunEndingInATitleWordIsABodyNotAPerson() {
        let found = spans("The Scottish Executive said ministers would be told.")
        #expect(found.contains { $0.0 == "Scottish Executive" && $0.1 == .organisation })
        #expect(!found.contains { $0.1 == .person })
    }

    @Test func partyMembersAndTitledEventsNameNoOne() {
        #expect(spans("He met Welsh Liberal Democrat council leaders.").allSatisfy { $0.1 != .person })
        #expect(spans("Labour expects the General Election in May.").allSatisfy { $0.0 != "General Election" })
        #expect(spans("Critics of the European Constitution spoke.").allSatisfy { $0.1 != .person })
    }
}

@Suite struct StateBodyTests {
    func spans(_ text: String) -> [(String, EntityType, String?)] {
        let tokens = Tokenizer().tokenize(text)
        return RuleBasedRecognizer().recognize(tokens).map { span in
            (tokens[span.range].map(\.text).joined(separator: " "), span.type, span.label)
        }
    }

    @Test func aMinistryAfterItsCountryIsThatCountrysMinistryAndTheCountryStillCounts() {
        let found = spans("Qatar's foreign ministry said talks would resume, and Russia's Foreign Ministry agreed.")
        #expect(found.contains { $0.0 == "Qatar" && $0.1 == .country })
        #expect(found.contains { $0.0 == "foreign ministry" && $0.2 == "Qatari Foreign Ministry" })
        #expect(found.contains { $0.0 == "Foreign Ministry" && $0.2 == "Russian Foreign Ministry" })
        #expect(spans("The Gaza health ministry said 40 people died.").contains { $0.2 == "Gaza Health Ministry" })
    }

    @Test func aMinistryWithoutItsPortfolioOrNamedInFullIsLeftAlone() {
        #expect(!spans("Russia's ministry said nothing.").contains { $0.1 == .organisation })
        #expect(!spans("Iran's ministry of culture spoke.").contains { $0.2?.hasSuffix("Ministry") == true })
    }
}

@Suite struct NameRunTests {
    @Test func aHyphenatedGivenNameContinuesTheNameButACompoundDoesNot() {
        #expect(spans("Analysts said Kim Jong-un met officials.").contains { $0.0 == "Kim Jong-un" && $0.1 == .person })
        #expect(spans("The deal was US-brokered and Kremlin-backed groups objected.").allSatisfy { !$0.0.contains(" ") })
    }

    @Test func aPersonOfAnOrganisationIsTwoNames() {
        let found = spans("Officials said Simon Hart of the Countryside Alliance was pleased.")
        #expect(found.contains { $0.0 == "Simon Hart" && $0.1 == .person })
        #expect(found.contains { $0.0 == "Countryside Alliance" && $0.1 == .organisation })
        #expect(spans("He works at the Bank of England.").contains { $0.0 == "Bank of England" })
    }
}
