import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import Testing

@testable import PlexusTraining
@testable import RelationExtraction

@Suite struct TargetPolarityTests {
    func example(_ sentence: String, target: String, gold: TargetPolarity) -> PolarityExample {
        let words = Tokenizer().tokenize(sentence).map(\.text)
        let start = words.firstIndex(of: target) ?? 0
        return PolarityExample(words: words, target: start..<(start + 1), gold: gold)
    }

    @Test func trainingLearnsASeparableToyProblemAndSurvivesSerialisation() throws {
        var examples: [PolarityExample] = []
        for name in ["Smith", "Jones", "Brown", "Evans", "Patel", "Khan"] {
            examples.append(example("Critics slammed \(name) over the scandal .", target: name, gold: .negative))
            examples.append(example("\(name) spoke to reporters on Monday .", target: name, gold: .neutral))
            examples.append(example("Supporters praised \(name) for the victory .", target: name, gold: .positive))
        }
        let model = TargetPolarityTrainer().train(examples)
        #expect(PolarityScores.score(model, on: examples).accuracy == 1)
        let copy = try TargetPolarityModel(serialized: model.serialized(), path: "memory")
        #expect(copy.predict(example("Critics slammed Green over the scandal .", target: "Green", gold: .negative)) == .negative)
        #expect(copy.serialized() == model.serialized())
    }

    @Test func aTruncatedModelFileIsAClearError() throws {
        let bytes = Data("PLXPOL2\n".utf8) + Data([5, 0, 0, 0, 1])
        #expect(throws: ModelFileError.self) { try TargetPolarityModel(serialized: bytes, path: "cut.plxpol") }
    }

    @Test func theShippedModelIsPresent() throws {
        _ = try TargetPolarityModel.shipped()
    }

    @Test func theShippedModelReadsWordVectors() throws {
        let model = try TargetPolarityModel.shipped()
        let vectors = try #require(model.vectors)
        #expect(vectors.words.count > 10_000)
        #expect(model.denseWeights.count == TargetPolarityModel.pools.count * vectors.dimension)
        #expect(!model.networks.isEmpty && model.networkShare > 0)
    }

    @Test func aWordUnseenInTrainingCountsThroughItsWordVector() throws {
        // "condemned" never occurs in the labelled examples; the vectors learned from
        // unlabelled text put it beside "slammed", so the model reads it as criticism.
        var text: [[String]] = []
        for object in ["plan", "deal"] {
            for subject in ["critics", "rivals", "voters", "officials", "allies"] {
                for verb in ["slammed", "condemned"] { text.append([subject, verb, "the", object, "angrily"]) }
                for verb in ["praised", "hailed"] { text.append([subject, verb, "the", object, "warmly"]) }
            }
        }
        var builder = WordVectorBuilder()
        builder.dimension = 6
        builder.oversampling = 2
        builder.minimumCount = 1
        let vectors = builder.build(text)
        #expect(vectors.neighbours(of: "condemned", count: 1) == ["slammed"])
        var examples: [PolarityExample] = []
        for name in ["Smith", "Jones", "Brown", "Evans", "Patel", "Khan"] {
            examples.append(example("They slammed \(name) .", target: name, gold: .negative))
            examples.append(example("They praised \(name) .", target: name, gold: .positive))
        }
        var trainer = TargetPolarityTrainer()
        trainer.vectorScale = 3
        let model = trainer.train(examples, vectors: vectors)
        let copy = try TargetPolarityModel(serialized: model.serialized(), path: "memory")
        #expect(copy.serialized() == model.serialized())
        // The verbs below never occur in the labelled examples.
        #expect(copy.predict(example("They condemned Green .", target: "Green", gold: .negative)) == .negative)
        #expect(copy.predict(example("They hailed Green .", target: "Green", gold: .positive)) == .positive)
    }
}

@Suite struct PooledVectorNetworkTests {
    /// Exclusive or: no linear model separates it, one hidden layer does.
    let inputs: [[Float]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
    let gold = [0, 2, 2, 0]

    func train() -> PooledVectorNetwork? {
        var trainer = PooledVectorNetworkTrainer()
        trainer.hidden = 8
        trainer.epochs = 1_500
        trainer.batchSize = 4
        trainer.learningRate = 0.02
        trainer.penalty = 0
        return trainer.train(inputs, gold: gold)
    }

    @Test func aHiddenLayerLearnsWhatNoLinearModelCan() throws {
        let network = try #require(train())
        for (input, label) in zip(inputs, gold) {
            let p = network.probabilities(input)
            #expect(abs(p.reduce(0, +) - 1) < 1e-6)
            #expect(p.indices.max { p[$0] < p[$1] } == label)
        }
        #expect(train() == network)
    }

    @Test func aModelWithNetworksRoundTripsAndMixesTheirProbabilities() throws {
        var builder = WordVectorBuilder()
        builder.dimension = 4
        builder.oversampling = 2
        builder.minimumCount = 1
        var text: [[String]] = []
        for subject in ["critics", "rivals", "voters"] {
            for verb in ["slammed", "praised"] { text.append([subject, verb, "the", "plan"]) }
        }
        let vectors = builder.build(text)
        var examples: [PolarityExample] = []
        for name in ["Smith", "Jones", "Brown"] {
            for (verb, gold) in [("slammed", TargetPolarity.negative), ("praised", .positive)] {
                let words = ["Critics", verb, name, "."]
                examples.append(PolarityExample(words: words, target: 2..<3, gold: gold))
            }
        }
        let linear = TargetPolarityTrainer().train(examples, vectors: vectors)
        let inputs = try examples.map { try #require(linear.pooledVectors($0)) }
        var trainer = PooledVectorNetworkTrainer()
        trainer.epochs = 5
        let network = try #require(trainer.train(inputs, gold: examples.compactMap { $0.gold?.rawValue }))
        let mixed = try #require(linear.mixing([network], share: 0.5))
        let copy = try TargetPolarityModel(serialized: mixed.serialized(), path: "memory")
        #expect(copy.serialized() == mixed.serialized())
        let example = examples[0]
        let expected = zip(linear.probabilities(example), network.probabilities(inputs[0])).map { 0.5 * $0 + 0.5 * $1 }
        for (a, b) in zip(copy.probabilities(example), expected) { #expect(abs(a - b) < 1e-6) }
        // A share outside [0, 1] is refused.
        #expect(linear.mixing([network], share: 1.5) == nil)
        let bytes = mixed.serialized()
        #expect(throws: ModelFileError.self) { try TargetPolarityModel(serialized: bytes.prefix(bytes.count - 10), path: "cut.plxpol") }
    }
}

@Suite struct WordVectorTests {
    @Test func wordsUsedAlikeGetCloseVectorsTheSameEveryTime() throws {
        var text: [[String]] = []
        for animal in ["cat", "dog"] { for verb in ["sat", "slept", "ate"] { text.append(["the", animal, verb, "here"]) } }
        for fruit in ["apple", "pear"] { for verb in ["is", "was", "looked"] { text.append(["an", fruit, verb, "ripe"]) } }
        var builder = WordVectorBuilder()
        builder.dimension = 6
        builder.oversampling = 2
        builder.minimumCount = 1
        builder.window = 1
        let vectors = builder.build(text)
        #expect(vectors.neighbours(of: "cat", count: 1) == ["dog"])
        #expect(vectors.neighbours(of: "apple", count: 1) == ["pear"])
        #expect(builder.build(text).serialized() == vectors.serialized())
        let copy = try WordVectors(serialized: vectors.serialized(), path: "memory")
        #expect(copy.words == vectors.words && copy.values == vectors.values)
    }

    @Test func theEigenSolverDiagonalisesASymmetricMatrix() throws {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1.
        let (values, vectors) = WordVectorBuilder.symmetricEigen([2, 1, 1, 2], size: 2)
        #expect(abs(values.sorted()[0] - 1) < 1e-9 && abs(values.sorted()[1] - 3) < 1e-9)
        // Each column v satisfies A·v = λ·v.
        for column in 0..<2 {
            let v = [vectors[column], vectors[2 + column]]
            #expect(abs(2 * v[0] + v[1] - values[column] * v[0]) < 1e-9)
        }
    }

    @Test func aVectorFileCutShortIsAClearError() throws {
        let bytes = Data("PLXVEC1\n".utf8) + Data([4, 0, 0, 0, 9, 0, 0, 0])
        #expect(throws: ModelFileError.self) { try WordVectors(serialized: bytes, path: "cut.plxvec") }
    }
}
