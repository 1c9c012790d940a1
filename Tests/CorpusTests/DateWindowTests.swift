import Testing

@testable import Corpus

@Suite struct DateWindowTests {
    let documents = [
        Document(id: "d1", path: "a.txt", date: "2025-03-01", text: "One."),
        Document(id: "d2", path: "b.txt", date: "2025-03-10", text: "Two."),
        Document(id: "d3", path: "c.txt", text: "Undated."),
        Document(id: "d4", path: "d.txt", date: "2025-03-20", text: "Four."),
    ]

    @Test func keepsBothEndsAndSaysWhatItLeftOut() {
        let windowed = DateWindow(since: "2025-03-10", until: "2025-03-20").apply(to: documents)
        #expect(windowed.kept.map(\.id) == ["d2", "d4"])
        #expect(windowed.outside == 1)
        #expect(windowed.undated == 1)
    }

    @Test func anOpenWindowKeepsEverythingUndatedIncluded() {
        let windowed = DateWindow(since: nil, until: nil).apply(to: documents)
        #expect(windowed.kept.count == 4 && windowed.outside == 0 && windowed.undated == 0)
    }
}
