import PlexusGraph

/// A diagram of a ``GraphDiff``: the entities whose mentions changed most, the ties (named
/// in two sentences or more) and stances that changed, coloured by change (green appeared or
/// grew, red faded or vanished, dashed when gone, orange flipped), each labelled with its
/// two counts, under a legend.
public struct DiffDiagram: Sendable {
    /// Most entities drawn (largest change first); the ends of the drawn edges come on top.
    public var top = 30
    /// Most edges drawn of each kind.
    public var topEdges = 40
    /// The title, such as "What changed: 2024-01 → 2024-02".
    public var title: String

    /// Creates a diagram with a title.
    public init(title: String) { self.title = title }

    static let grown = "#2e7d32"
    static let faded = "#c62828"
    static let flipped = "#ef6c00"

    static func colour(_ change: GraphDiff.Change) -> String {
        switch change {
        case .appeared, .grew: return grown
        case .faded, .vanished: return faded
        case .flipped: return flipped
        }
    }

    /// The DOT text of `diff`; labels of nodes not among the changed entities come from `labels`.
    ///
    /// - Complexity: O(entities + edges drawn).
    public func dot(_ diff: GraphDiff, labels: [String: String]) -> String {
        // A tie named in one sentence in both periods together is noise on a slide: ties are
        // drawn from two sentences up, stances all; an entity is drawn when an edge needs it
        // or its mentions moved by at least the change that counts as growing.
        let ties = Array(diff.ties.filter { max($0.before, $0.after) >= 2 }.prefix(topEdges))
        let stances = Array(diff.stances.prefix(topEdges))
        var shown: [String] = []
        var seen = Set<String>()
        let ends = ties.flatMap { [$0.source, $0.target] } + stances.flatMap { [$0.source, $0.target] }
        let moved = diff.entities.filter { abs($0.after - $0.before) >= GraphDiff.minimumChange }.prefix(top).map(\.id)
        for id in moved + ends where seen.insert(id).inserted {
            shown.append(id)
        }
        let changes = Dictionary(diff.entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var out = "digraph diff {\n"
        out += "  graph [layout=neato, overlap=false, splines=true, outputorder=edgesfirst, bgcolor=\"white\", fontname=\"Helvetica\""
        let legend = "green: appeared or grew · red: faded or vanished (dashed: gone) · orange: stance flipped · numbers: before → after"
        out += ", label=\(DOTWriter.quote("\(title)\n\(diff.documentsBefore) articles before, \(diff.documentsAfter) after\n\(legend)"))"
        out += ", labelloc=t, fontsize=22];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fillcolor=\"#f5f5f5\", color=\"#9e9e9e\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
        for id in shown {
            var attributes: [String] = []
            if let change = changes[id] {
                attributes.append("label=\(DOTWriter.quote("\(change.label)\n\(change.before) → \(change.after)"))")
                attributes.append("color=\"\(Self.colour(change.change))\"")
                attributes.append("penwidth=2")
                if change.change == .vanished { attributes.append("style=\"rounded,filled,dashed\"") }
            } else {
                attributes.append("label=\(DOTWriter.quote(labels[id] ?? id))")
            }
            out += "  \(DOTWriter.quote(id)) [\(attributes.joined(separator: ", "))];\n"
        }
        for tie in ties {
            var attributes = [
                "dir=none", "color=\"\(Self.colour(tie.change))\"", "label=\(DOTWriter.quote("\(tie.before) → \(tie.after)"))",
                "penwidth=\(tie.change == .grew || tie.change == .appeared ? 2.5 : 1.5)",
            ]
            if tie.change == .vanished { attributes.append("style=dashed") }
            out += "  \(DOTWriter.quote(tie.source)) -> \(DOTWriter.quote(tie.target)) [\(attributes.joined(separator: ", "))];\n"
        }
        for stance in stances {
            let describe = { (polarity: Polarity?) in polarity.map { $0 == .support ? "supports" : "opposes" } ?? "—" }
            var attributes = [
                "color=\"\(Self.colour(stance.change))\"", "penwidth=2.5",
                "label=\(DOTWriter.quote("\(describe(stance.before)) → \(describe(stance.after))"))",
            ]
            if stance.change == .vanished { attributes.append("style=dashed") }
            out += "  \(DOTWriter.quote(stance.source)) -> \(DOTWriter.quote(stance.target)) [\(attributes.joined(separator: ", "))];\n"
        }
        out += "}\n"
        return out
    }
}
