import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import RelationExtraction

extension WordProfile {
    /// Builds a profile from plain-text files.
    ///
    /// - Parameters:
    ///   - paths: files or folders of `.txt` articles.
    ///   - sentences: more unlabelled text, already tokenised (the words of the training data).
    ///   - minimumCount: words seen fewer times are left out.
    ///   - classIterations: exchange-algorithm passes per class level (0 leaves classes out).
    /// - Complexity: O(tokens) for the profile; the classes cost O(iterations · distinct
    ///   bigrams · 512), about a minute on the news corpus.
    public static func build(
        from paths: [String], sentences: [[String]] = [], minimumCount: Int = 3, classIterations: Int = 8
    ) -> WordProfile {
        let documents = CorpusLoader().load(paths: paths).documents
        let tokenizer = Tokenizer()
        var lowerCount: [String: Int] = [:]
        var capitalCount: [String: Int] = [:]
        var total: [String: Int] = [:]
        var sequences: [[String]] = []
        var written: [[String]] = sentences
        for document in documents {
            let tokens = tokenizer.tokenize(document.analysisText)
            written.append(tokens.map(\.text))
            var words: [String] = []
            var sentenceStart = true
            for token in tokens {
                let lower = token.text.lowercased()
                if token.kind == .word {
                    total[lower, default: 0] += 1
                    if let first = token.text.unicodeScalars.first {
                        if first.properties.isLowercase {
                            lowerCount[lower, default: 0] += 1
                        } else if first.properties.isUppercase, !sentenceStart, !token.paragraphStart, !token.isAllCaps {
                            capitalCount[lower, default: 0] += 1
                        }
                    }
                }
                words.append(lower)
                sentenceStart = token.text == "." || token.text == "?" || token.text == "!" || token.text == "\"" || token.paragraphStart
            }
            sequences.append(words)
        }
        // Context vocabulary: the 1,000 most frequent words, weighted by inverse frequency.
        let ranked = total.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let contextWords = Array(ranked.prefix(1000))
        let totalTokens = Double(max(1, total.values.reduce(0, +)))
        var contextWeight: [String: Double] = [:]
        for (word, count) in contextWords { contextWeight[word] = log(totalTokens / Double(count)) }
        // Random ±1 projections per (context, side, bit) from a hash: no table to store.
        func sign(_ context: String, _ side: UInt64, _ bit: Int) -> Double {
            FeatureHash.mix(FeatureHash.of(context) ^ side, UInt64(bit)) & 1 == 0 ? -1 : 1
        }
        var accumulators: [String: [Double]] = [:]
        for words in sequences {
            for (i, word) in words.enumerated() where (total[word] ?? 0) >= minimumCount {
                var vector = accumulators[word] ?? [Double](repeating: 0, count: 16)
                for (offset, side) in [(-1, UInt64(0x1111)), (1, UInt64(0x2222))] {
                    let j = i + offset
                    guard j >= 0, j < words.count, let weight = contextWeight[words[j]] else { continue }
                    for bit in 0..<16 { vector[bit] += weight * sign(words[j], side, bit) }
                }
                accumulators[word] = vector
            }
        }
        var entries: [String: Entry] = [:]
        for (word, count) in total where count >= minimumCount {
            let lower = lowerCount[word] ?? 0
            let capital = capitalCount[word] ?? 0
            let observed = lower + capital
            let caseBucket: UInt8
            if observed == 0 {
                caseBucket = 0
            } else {
                let ratio = Double(capital) / Double(observed)
                caseBucket = ratio == 0 ? 1 : (ratio < 0.1 ? 2 : (ratio < 0.5 ? 3 : (ratio < 0.95 ? 4 : 5)))
            }
            var cluster: UInt16 = 0
            if let vector = accumulators[word] {
                for bit in 0..<16 where vector[bit] > 0 { cluster |= 1 << UInt16(15 - bit) }
            }
            let frequencyBucket = UInt8(min(15, Int(log2(Double(count)))))
            entries[word] = Entry(caseBucket: caseBucket, frequencyBucket: frequencyBucket, cluster: cluster)
        }
        var profile = WordProfile(entries: entries)
        if classIterations > 0 { profile.classes = wordClasses(of: written, minimumCount: minimumCount, iterations: classIterations) }
        return profile
    }

    /// Exchange-algorithm classes at the three levels for words (as written) seen at least
    /// `minimumCount` times.
    package static func wordClasses(of sequences: [[String]], minimumCount: Int, iterations: Int) -> [String: WordClasses] {
        var counts: [String: Int] = [:]
        for sequence in sequences { for word in sequence { counts[word, default: 0] += 1 } }
        let vocabulary = counts.filter { $0.value >= minimumCount }.keys.sorted()
        let id = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($0.element, Int32($0.offset)) })
        let start = Int32(vocabulary.count)
        let rare = start + 1
        let encoded = sequences.map { sequence in [start] + sequence.map { id[$0] ?? rare } }
        let clustering = ExchangeClustering(sequences: encoded, vocabularySize: vocabulary.count + 2, clusteredCount: vocabulary.count)
        let coarse = clustering.classes(classCount: classCounts.coarse, iterations: iterations)
        let middle = clustering.classes(classCount: classCounts.middle, iterations: iterations)
        let fine = clustering.classes(classCount: classCounts.fine, iterations: iterations)
        var result: [String: WordClasses] = [:]
        for (index, word) in vocabulary.enumerated() {
            result[word] = WordClasses(coarse: coarse[index], middle: middle[index], fine: fine[index])
        }
        return result
    }
}
