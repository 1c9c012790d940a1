import Testing

@testable import Corpus

@Suite struct BoilerplateTests {
    @Test(arguments: [
        ("JUSTIN TALLIS/AFP/GETTY IMAGES", Boilerplate.Reason.photoCredit),
        ("REUTERS", .photoCredit),
        ("AFPSir Keir Starmer and the president held talks as they signed the deal[/caption]", .caption),
        ("[caption id=\"attachment_7\" align=\"alignnone\"] The minister in Kyiv", .caption),
        ("Sign up to our Europe Direct newsletter for the latest from Brussels", .prompt),
        ("Already a subscriber? Log in to continue reading", .prompt),
        ("Share this article", .social),
        ("Getting your Trinity Audio player ready...", .prompt),
        ("DON'T MISS THIS: The summit plan for Ukraine", .prompt),
        (
            "Advertisement Disclosure: When you purchase through our sponsored links, we may earn a commission from our partners at no cost to you, which supports our reporting.",
            .prompt
        ),
        ("Source link", .social),
        ("View comments", .social),
        ("• Trump and Zelensky clash in Oval Office", .headlineBullet),
        ("- [Read more: What is in the deal?](https://example.org/deal)", .linkBullet),
        ("» Share on", .social),
        ("Écoutez – sign up to our newsletter", .prompt),
        ("Ελλάδα newsletter", .prompt),
    ])
    func recognisesPageFurniture(line: String, reason: Boilerplate.Reason) {
        #expect(Boilerplate.reason(for: line) == reason)
    }

    @Test(arguments: [
        "Mr Healey said Britain would sign up to the new air defence plan.",
        "The UK and France will lead the work.",
        "- The UK will provide radar systems worth £450m.",
        "NATO",
        "The minister promised to subscribe",
        "Comments by the minister on the plan were welcomed by Kyiv and its allies in Europe",
    ])
    func keepsArticleText(line: String) {
        #expect(Boilerplate.reason(for: line) == nil)
    }

    @Test func findsAPhraseWhereverItStandsAndOnlyWhole() {
        let matcher = PhraseMatcher(["sign up", "newsletter", "news"])
        func occurs(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { matcher.occurs(in: $0) }
        }
        #expect(occurs("newsletter"))
        #expect(occurs("get our newsletter"))
        #expect(occurs("café news"))
        #expect(!occurs("sign u"))
        #expect(!occurs("ne"))
        #expect(!occurs(""))
        #expect(matcher.opens(Array("newsletters today".utf8)))
        #expect(matcher.opens(Array("newsletters today".utf8), where: { $0 == Array("newsletter".utf8) }))
        #expect(!matcher.opens(Array("newsletters today".utf8), where: { $0.count > 10 }))
        #expect(!matcher.opens(Array("the newsletter".utf8)))
    }

    @Test func countsWordsAsRunsBetweenSpaces() {
        #expect(Boilerplate.words(in: "  Share   this  ") == 2)
        #expect(Boilerplate.words(in: "") == 0)
        #expect(Boilerplate.words(in: "Ελλάδα και Κύπρος") == 3)
    }
}
