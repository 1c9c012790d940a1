import Testing

@testable import Corpus

@Suite struct HTMLTextTests {
    let page = """
        <html><head><title>Site - Headline</title>
        <meta property="article:published_time" content="2025-03-06T09:30:00Z">
        <link rel="canonical" href="https://example.org/a">
        <style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
        <body><nav><a href="/">Home</a></nav>
        <h1>Kremlin rejects peacekeepers</h1>
        <p>Moscow said it was &ldquo;unacceptable&rdquo; &amp; dangerous &#8212; and &#x2019;final&#x2019;.</p>
        <ul><li><a href="/b">Another story</a></li><li>A real point with <a href="/c">a link</a> inside</li></ul>
        <figure><figcaption>NAME/REUTERS</figcaption></figure>
        <footer>All rights reserved</footer></body></html>
        """

    @Test func stripsScriptsStylesNavigationAndFooters() {
        let extract = HTMLText.extract(page)
        let text = extract.blocks.joined(separator: "\n")
        #expect(!text.contains("color"))
        #expect(!text.contains("not text"))
        #expect(!text.contains("Home"))
        #expect(!text.contains("rights reserved"))
        #expect(!text.contains("REUTERS"))
    }

    @Test func decodesCharacterReferences() {
        let extract = HTMLText.extract(page)
        #expect(extract.blocks.contains("Moscow said it was \u{201C}unacceptable\u{201D} & dangerous \u{2014} and \u{2019}final\u{2019}."))
    }

    @Test func dropsListItemsThatAreOnlyLinksButKeepsOthers() {
        let extract = HTMLText.extract(page)
        #expect(!extract.blocks.contains("Another story"))
        #expect(extract.blocks.contains("A real point with a link inside"))
    }

    @Test func readsTitleDateAndCanonicalAddress() {
        let extract = HTMLText.extract(page)
        #expect(extract.title == "Kremlin rejects peacekeepers")
        #expect(extract.date == "2025-03-06T09:30:00Z")
        #expect(extract.url == "https://example.org/a")
    }
}

@Suite struct WhitespaceCollapseTests {
    @Test(arguments: [
        ("Plain line", "Plain line"),
        ("  leading and trailing  ", "leading and trailing"),
        ("two  spaces\tand a tab", "two spaces and a tab"),
        ("no-break\u{00A0}\u{00A0}space", "no-break space"),
        ("\u{2003}em space first", "em space first"),
        ("", ""),
        ("   ", ""),
    ])
    func runsOfWhitespaceBecomeOneSpaceAndTheEndsAreTrimmed(text: String, collapsed: String) {
        #expect(HTMLText.collapse(text) == collapsed)
    }

    @Test func textWithATabOrBacktickIsStillNormalised() {
        #expect(TextNormalizer.normalize("a\tb `c`") == "a b 'c'")
        #expect(TextNormalizer.normalize("plain ASCII") == "plain ASCII")
    }
}
