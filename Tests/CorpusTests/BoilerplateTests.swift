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
    ])
    func recognisesPageFurniture(line: String, reason: Boilerplate.Reason) {
        #expect(Boilerplate.reason(for: line) == reason)
    }

    @Test(arguments: [
        "Mr Healey said Britain would sign up to the new air defence plan.",
        "The UK and France will lead the work.",
        "- The UK will provide radar systems worth £450m.",
        "NATO",
    ])
    func keepsArticleText(line: String) {
        #expect(Boilerplate.reason(for: line) == nil)
    }
}
