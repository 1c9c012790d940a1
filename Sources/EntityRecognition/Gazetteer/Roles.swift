/// Facts for document-level rules, written by the Plexus team.
public enum Roles {
    /// Capitals (and seats of government) with the country they stand for when used as actors.
    static let capitalCountry: [String: String] = [
        "Moscow": "Russia", "Kyiv": "Ukraine", "Kiev": "Ukraine", "Washington": "United States", "Beijing": "China",
        "London": "United Kingdom", "Paris": "France", "Berlin": "Germany", "Tehran": "Iran", "Ankara": "Turkey",
        "Tokyo": "Japan", "Seoul": "South Korea", "Pyongyang": "North Korea", "New Delhi": "India", "Delhi": "India",
        "Rome": "Italy", "Madrid": "Spain", "Warsaw": "Poland", "Riyadh": "Saudi Arabia", "Damascus": "Syria",
        "Baghdad": "Iraq", "Cairo": "Egypt", "Ottawa": "Canada", "Canberra": "Australia", "Minsk": "Belarus",
        "Tbilisi": "Georgia", "Budapest": "Hungary", "Vienna": "Austria", "Stockholm": "Sweden", "Oslo": "Norway",
        "Helsinki": "Finland", "Copenhagen": "Denmark", "Dublin": "Ireland", "Athens": "Greece", "Prague": "Czech Republic",
        "Bratislava": "Slovakia", "Bucharest": "Romania", "Sofia": "Bulgaria", "Vilnius": "Lithuania", "Riga": "Latvia",
        "Tallinn": "Estonia", "Chisinau": "Moldova", "Baku": "Azerbaijan", "Yerevan": "Armenia", "Kabul": "Afghanistan",
        "Islamabad": "Pakistan", "Doha": "Qatar", "Abu Dhabi": "United Arab Emirates", "Amman": "Jordan", "Beirut": "Lebanon",
    ]

    /// Words that, right after a capital, make it the subject of a speech or action verb.
    static let actorVerbs: Set<String> = [
        "said", "says", "would", "will", "has", "have", "had", "is", "was", "warned", "warns", "rejected", "rejects",
        "insisted", "insists", "accused", "accuses", "wants", "wanted", "responded", "responds", "confirmed", "confirms",
        "denied", "denies", "announced", "announces", "urged", "urges", "backed", "backs", "refused", "refuses",
        "condemned", "condemns", "dismissed", "dismisses", "called", "calls", "demanded", "demands", "threatened",
        "threatens", "launched", "claims", "claimed", "believes", "considers", "does", "did", "cannot", "can", "could",
        "should", "must", "may", "might", "appears", "seems", "hopes", "fears", "expects", "plans", "needs", "insists",
        "argues", "argued", "agreed", "agrees", "supports", "supported", "opposes", "opposed", "welcomed", "welcomes",
        "signalled", "signaled", "sent", "sends", "struck", "hit", "retaliated", "vowed", "vows", "pledged", "pledges",
        "accepted", "accepts", "declined", "declines", "objected", "objects", "criticised", "criticized", "praised",
        "contradicted", "contradicts", "attacked", "attacks", "lashed", "hit", "slammed", "blamed", "blames", "told",
        "'s",
    ]

    /// Adverbs that may stand between a capital and its verb ("Moscow again contradicted").
    static let actorAdverbs: Set<String> = ["again", "also", "now", "then", "still", "already", "once", "swiftly", "has", "have"]

    /// The country a capital stands for when it acts or is acted on ("backing for Kyiv"), if it is one.
    public static func country(ofCapital name: String) -> String? { capitalCountry[name] }

    /// Words before a capital that make it a place ("in Moscow", "to Kyiv").
    static let placePrepositions: Set<String> = [
        "in", "to", "from", "at", "near", "outside", "inside", "into", "toward", "towards", "via", "across", "around",
        "over", "through", "on", "of", "visited", "visit", "left", "leave", "reached", "arrived",
    ]

    /// Words after "Georgia" that make it the US state.
    static let usStateContext: Set<String> = [
        "state", "governor", "senator", "legislature", "republicans", "democrats", "voters", "county",
    ]

    /// Roles a description can name ("the prime minister", "the Kremlin spokesman"), longest first.
    static let roles: [[String]] = [
        ["secretary", "of", "state"], ["prime", "minister"], ["foreign", "minister"], ["foreign", "secretary"],
        ["defence", "secretary"], ["defense", "secretary"], ["defence", "minister"], ["defense", "minister"],
        ["home", "secretary"], ["health", "secretary"], ["secretary", "general"], ["vice", "president"],
        ["special", "envoy"], ["national", "security", "adviser"], ["president"], ["chancellor"], ["spokesman"],
        ["spokeswoman"], ["spokesperson"], ["envoy"], ["king"], ["pope"],
    ]
}
