/// The kinds of node in a Plexus graph.
public enum EntityType: String, Sendable, Codable, CaseIterable, Comparable {
    /// A named person.
    case person
    /// A state: a UN member or a common non-member.
    case country
    /// A company, party, institution, agency, alliance or newsroom.
    case organisation
    /// A place that is not a country (city, region, sea); kept but hidden by default in diagrams.
    case location
    /// A stance target that is not a named entity (peacekeepers, ceasefire, sanctions).
    case topic

    /// Orders types as listed above, so tables group people first.
    public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
