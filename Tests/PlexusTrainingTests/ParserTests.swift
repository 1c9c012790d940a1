import EntityRecognition
import Foundation
import PlexusSupport
import Testing

@testable import PlexusTraining

/// A CoNLL-U passage written for these tests: a multiword token ("don't"), an empty node,
/// and a projective tree.
let smallTreebank = """
    # newdoc id = a
    # text = They don't back the plan.
    1	They	they	PRON	PRP	_	4	nsubj	_	_
    2-3	don't	_	_	_	_	_	_	_	_
    2	do	do	AUX	VBP	_	4	aux	_	_
    3	n't	not	PART	RB	_	4	advmod	_	_
    4	back	back	VERB	VB	_	0	root	_	_
    5	the	the	DET	DT	_	6	det	_	_
    5.1	x	x	X	X	_	_	_	_	_
    6	plan	plan	NOUN	NN	_	4	obj	_	_
    7	.	.	PUNCT	.	_	4	punct	_	_

    """

/// Follows the oracle's cheapest move from the start until the end, taking gold labels.
func oracleParse(_ sentence: UDSentence) -> DependencyParse {
    let n = sentence.words.count
    var goldHeads = [Int32](repeating: 0, count: n + 1)
    var goldDependents = [[Int32]](repeating: [], count: n + 1)
    for (word, head) in sentence.heads.enumerated() {
        goldHeads[word + 1] = Int32(head)
        goldDependents[head].append(Int32(word + 1))
    }
    let labels = Array(Set(sentence.relations)).sorted()
    var state = ArcHybridState(count: n)
    while !state.isTerminal {
        let legal = ParserMove.allCases.filter { state.allows($0) }
        guard
            let move = legal.min(by: {
                state.cost(of: $0, goldHeads: goldHeads, goldDependents: goldDependents)
                    < state.cost(of: $1, goldHeads: goldHeads, goldDependents: goldDependents)
            })
        else { break }
        var label = 0
        if move != .shift {
            let dependent = state.stackWord(0)
            label = labels.firstIndex(of: sentence.relations[dependent - 1]) ?? 0
        }
        state.apply(move, label: label)
    }
    return DependencyParse(
        heads: (1...n).map { Int(state.heads[$0]) }, relations: (1...n).map { labels[Int(state.labels[$0])] })
}

@Suite struct CoNLLUReaderTests {
    @Test func multiwordTokensAndEmptyNodesAreSkippedNotRejected() throws {
        let sentences = try CoNLLUReader.parse(smallTreebank, path: "small.conllu")
        #expect(sentences.count == 1)
        #expect(sentences[0].words == ["They", "do", "n't", "back", "the", "plan", "."])
        #expect(sentences[0].heads == [4, 4, 4, 0, 6, 4, 4])
        #expect(sentences[0].relations[5] == "obj")
        #expect(sentences[0].line == 3)
    }

    @Test(arguments: [
        ("1\tA\ta\tX\tX\t_\t0\troot\t_\n", "small.conllu:1: expected 10 tab-separated columns, found 9"),
        ("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n2\tB\tb\tX\tX\t_\t9\tdep\t_\t_\n", "small.conllu:2: head 9 is beyond the sentence's 2 words"),
        ("1\tA\ta\tX\tX\t_\t2\tdep\t_\t_\n2\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n", "small.conllu:1: the sentence has 0 roots, not one"),
        (
            "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n2\tB\tb\tX\tX\t_\t3\tdep\t_\t_\n3\tC\tc\tX\tX\t_\t2\tdep\t_\t_\n",
            "small.conllu:2: the heads form a cycle"
        ),
        ("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n", "small.conllu:2: word number \"3\" is out of order"),
    ])
    func aMalformedLineIsAnErrorNamingFileAndLine(text: String, message: String) {
        do {
            _ = try CoNLLUReader.parse(text, path: "small.conllu")
            Issue.record("accepted: \(message)")
        } catch let error as CoNLLUError {
            #expect(error.description == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aMissingFileSaysSo() {
        #expect(throws: CoNLLUError(path: "/nonexistent.conllu", line: nil, reason: "no such file")) {
            try CoNLLUReader.read(from: "/nonexistent.conllu")
        }
    }
}

@Suite struct ArcHybridOracleTests {
    @Test func theOracleRebuildsAProjectiveTreeExactly() throws {
        let sentence = try #require(try CoNLLUReader.parse(smallTreebank, path: "small.conllu").first)
        #expect(sentence.isProjective)
        let parse = oracleParse(sentence)
        #expect(parse.heads == sentence.heads)
        #expect(parse.relations == sentence.relations)
    }

    @Test func theOracleRebuildsEveryProjectiveSentenceOfEWTDev() throws {
        guard let dev = sharedData("ud-english-ewt/en_ewt-ud-dev.conllu") else { return }
        let sentences = try CoNLLUReader.read(from: dev.path)
        var projective = 0
        for sentence in sentences where sentence.isProjective {
            projective += 1
            let parse = oracleParse(sentence)
            #expect(parse.heads == sentence.heads, "line \(sentence.line)")
            #expect(parse.relations == sentence.relations, "line \(sentence.line)")
        }
        #expect(projective > 1_900)
    }

    @Test func aNonProjectiveSentenceStillGetsOneTreeWithOnlyItsCrossingArcsLost() throws {
        // "A hearing is scheduled on the issue today": "on the issue" depends on "hearing"
        // across "is scheduled" (a textbook non-projective arc).
        let text = """
            1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_
            2\thearing\thearing\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_
            3\tis\tbe\tAUX\tVBZ\t_\t4\taux:pass\t_\t_
            4\tscheduled\tschedule\tVERB\tVBN\t_\t0\troot\t_\t_
            5\ton\ton\tADP\tIN\t_\t7\tcase\t_\t_
            6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_
            7\tissue\tissue\tNOUN\tNN\t_\t2\tnmod\t_\t_
            8\ttoday\ttoday\tNOUN\tNN\t_\t4\tobl:tmod\t_\t_

            """
        let sentence = try #require(try CoNLLUReader.parse(text, path: "np.conllu").first)
        #expect(!sentence.isProjective)
        let parse = oracleParse(sentence)
        #expect(parse.isTree)
        let right = zip(parse.heads, sentence.heads).filter { $0 == $1 }.count
        #expect(right == 7)
    }
}

@Suite struct AttachmentScoreTests {
    @Test func matchesHandComputedUASAndLAS() throws {
        let gold = try #require(try CoNLLUReader.parse(smallTreebank, path: "small.conllu").first)
        // Seven words: "They" gets the wrong head; "the" the right head and the wrong label;
        // the full stop (punctuation) the wrong head.
        let predicted = DependencyParse(
            heads: [6, 4, 4, 0, 6, 4, 6], relations: ["nsubj", "aux", "advmod", "root", "amod", "obj", "punct"])
        var scores = AttachmentScores()
        scores.add(gold: gold, predicted: predicted)
        #expect(scores.words == 7)
        #expect(abs(scores.uas - 5.0 / 7.0) < 1e-12)
        #expect(abs(scores.las - 4.0 / 7.0) < 1e-12)
        #expect(abs(scores.uasWithoutPunctuation - 5.0 / 6.0) < 1e-12)
        #expect(abs(scores.lasWithoutPunctuation - 4.0 / 6.0) < 1e-12)
        #expect(scores.byRelation["det"]?.recall == 0)
        #expect(scores.byRelation["obj"]?.precision == 1)
    }
}

@Suite struct ParserTrainingTests {
    @Test func aParserLearnsItsTrainingTreesAndRoundTripsThroughItsFile() throws {
        let sentence = try #require(try CoNLLUReader.parse(smallTreebank, path: "small.conllu").first)
        var trainer = ParserTrainer()
        trainer.epochs = 8
        trainer.moveBits = 12
        trainer.labelBits = 12
        trainer.pruneBelow = 0
        let example = ParserTrainer.Example(
            words: sentence.words, tags: sentence.xpos, heads: sentence.heads, relations: sentence.relations)
        // Later epochs score higher, so the last one is kept.
        var epoch = 0.0
        let parser = trainer.train(
            [example],
            devScore: { _ in
                epoch += 1
                return epoch
            })
        let parse = parser.parse(words: sentence.words, tags: sentence.xpos)
        #expect(parse.heads == sentence.heads)
        #expect(parse.relations == sentence.relations)
        let copy = try DependencyParser(serialized: parser.serialized(), path: "memory")
        #expect(copy.serialized() == parser.serialized())
        #expect(copy.parse(words: sentence.words, tags: sentence.xpos) == parse)
        epoch = 0
        let again = trainer.train(
            [example],
            devScore: { _ in
                epoch += 1
                return epoch
            })
        #expect(again.serialized() == parser.serialized())
    }

    @Test func everyParseIsATreeWhateverTheInput() throws {
        let sentence = try #require(try CoNLLUReader.parse(smallTreebank, path: "small.conllu").first)
        var trainer = ParserTrainer()
        trainer.epochs = 2
        trainer.moveBits = 12
        trainer.labelBits = 12
        let parser = trainer.train(
            [ParserTrainer.Example(words: sentence.words, tags: sentence.xpos, heads: sentence.heads, relations: sentence.relations)],
            devScore: { _ in 0 })
        for words in [["Hello"], ["A", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"], Array(repeating: "the", count: 40)] {
            let parse = parser.parse(words: words, tags: Array(repeating: "DT", count: words.count))
            #expect(parse.isTree)
        }
        #expect(parser.parse(words: [], tags: []).heads.isEmpty)
    }
}

/// The shared data folder, or `nil` with a printed reason; under CI=true its absence fails.
func sharedData(_ relative: String) -> URL? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.deletingLastPathComponent().appendingPathComponent("shared/data").appendingPathComponent(relative)
    if FileManager.default.fileExists(atPath: url.path) { return url }
    if ProcessInfo.processInfo.environment["CI"] == "true" { return url }
    print("skipping: \(url.path) is absent (../shared/data is not beside this checkout)")
    return nil
}
