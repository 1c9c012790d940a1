import Foundation

/// Word lists the rule-based recogniser and the resolver use.
///
/// Written by the Plexus team.
enum WordLists {
    /// Honorifics and titles that precede a person's name (lower-cased, without a final period).
    ///
    /// A run of these before a name is stripped for identity and kept as an alias.
    static let titleWords: Set<String> = [
        "fm",  // foreign minister
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "baroness", "baron",
        "honourable", "honorable", "datuk", "dato",
        "president", "prime", "minister", "secretary", "chancellor", "foreign", "defence", "defense",
        "home", "health", "justice", "trade", "business", "culture", "education", "environment",
        "transport", "interior", "finance", "economy", "energy", "work", "pensions", "culture",
        "king", "queen", "prince", "princess", "pope", "senator", "sen", "rep", "representative",
        "congressman", "congresswoman", "governor", "gov", "mayor", "judge", "ambassador", "envoy",
        "spokesman", "spokeswoman", "spokesperson", "commissioner", "chairman", "chairwoman", "chair",
        "leader", "deputy", "shadow", "vice", "former", "acting", "interim", "general", "gen",
        "admiral", "adm", "colonel", "col", "lieutenant", "lt", "captain", "capt", "commander",
        "sergeant", "sgt", "field", "marshal", "archbishop", "bishop", "cardinal", "rev", "reverend",
        "sheikh", "emir", "crown", "chief", "executive", "director", "head", "speaker", "attorney",
        "state", "of", "the", "elect", "premier", "ex", "national", "security", "adviser", "advisor",
        "special", "mp", "mep", "professor", "prof", "coach", "manager", "boss",
    ]
    /// Title words that can end a title and so introduce a name ("Prime Minister Keir Starmer").
    static let coreTitleWords: Set<String> = [
        "fm",  // foreign minister
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "baroness", "baron",
        "honourable", "honorable", "datuk", "dato",
        "president", "minister", "secretary", "chancellor", "king", "queen", "prince", "princess",
        "pope", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor",
        "gov", "mayor", "judge", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
        "commissioner", "chairman", "chairwoman", "leader", "general", "gen", "admiral", "adm",
        "colonel", "col", "lieutenant", "lt", "captain", "capt", "commander", "sergeant", "sgt",
        "marshal", "archbishop", "bishop", "cardinal", "rev", "reverend", "sheikh", "emir",
        "director", "speaker", "premier", "adviser", "advisor", "mp", "mep", "professor", "prof",
        "coach", "manager", "boss", "chief",
    ]
    /// Honorifics that say the following single word is a surname ("Mr Starmer").
    static let surnameHonorifics: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor"]
    /// Titles that go with a first name and stay part of the label ("Prince Charles", "Pope Francis").
    static let regnalTitles: Set<String> = ["king", "queen", "prince", "princess", "pope", "emperor", "empress", "sheikh", "emir"]
    /// Honorifics that say a person is a woman, or a man: "Mrs Howard" is not "Mr Howard".
    static let femaleHonorifics: Set<String> = ["mrs", "ms", "miss", "lady", "baroness", "dame", "madam", "madame"]
    /// See ``femaleHonorifics``.
    static let maleHonorifics: Set<String> = ["mr", "sir", "lord", "baron", "monsieur"]

    /// The gender an honorific implies, if any: `true` for female, `false` for male.
    static func impliesFemale(_ honorific: String) -> Bool? {
        let word = honorific.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if femaleHonorifics.contains(word) { return true }
        if maleHonorifics.contains(word) { return false }
        return nil
    }

    /// Honorifics that say the following single word is a first name ("Sir Keir").
    static let firstNameHonorifics: Set<String> = ["sir", "dame"]

    /// Words in a capitalised sequence that make it an organisation.
    static let organisationWords: Set<String> = [
        "ministry", "party", "council", "commission", "union", "organisation", "organization", "agency",
        "bank", "group", "institute", "institution", "university", "college", "school", "company",
        "corporation", "corp", "inc", "ltd", "plc", "llc", "committee", "association", "federation",
        "office", "department", "parliament", "assembly", "army", "navy", "forces", "force", "court",
        "foundation", "fund", "alliance", "service", "services", "news", "times", "post", "guardian",
        "telegraph", "journal", "herald", "congress", "senate", "cabinet", "government", "authority",
        "board", "bureau", "centre", "center", "society", "league", "movement", "front", "brigade",
        "guard", "police", "network", "press", "television", "radio", "channel", "airways", "airlines",
        "holdings", "industries", "motors", "group", "club", "church", "tribunal", "secretariat",
        "chamber", "chambers", "trust", "initiative", "coalition", "directorate", "exchange", "forum",
        "treasury", "commons", "institute", "academy", "observatory", "watch", "tank", "partners",
        "investments", "securities", "oil", "gas", "systems", "technologies", "lords", "chronicle",
        "gazette", "tribune", "mail", "mirror", "express", "observer", "sun", "economist",
        "labs", "laboratories", "media", "broadcasting", "communications", "unit", "regiment",
    ]
    /// Organisations known by name, with the label Plexus gives them.
    ///
    /// Keys are matched case-sensitively.
    static let knownOrganisations: [String: String] = [
        "NATO": "NATO", "Nato": "NATO", "North Atlantic Treaty Organization": "NATO",
        "North Atlantic Treaty Organisation": "NATO",
        "EU": "European Union", "European Union": "European Union",
        "UN": "United Nations", "United Nations": "United Nations", "U.N.": "United Nations",
        "Kremlin": "Kremlin", "White House": "White House", "Downing Street": "Downing Street",
        "No 10": "Downing Street", "Number 10": "Downing Street", "Pentagon": "Pentagon",
        "Elysee": "Elysee Palace", "Elysée": "Elysee Palace", "Elysee Palace": "Elysee Palace",
        "G7": "G7", "G20": "G20", "IMF": "IMF", "International Monetary Fund": "IMF",
        "World Bank": "World Bank", "WTO": "WTO", "World Trade Organization": "WTO",
        "World Trade Organisation": "WTO", "WHO": "WHO", "World Health Organization": "WHO",
        "OSCE": "OSCE", "Council of Europe": "Council of Europe", "European Commission": "European Commission",
        "European Council": "European Council", "European Parliament": "European Parliament",
        "Labour": "Labour Party", "Labour Party": "Labour Party", "Conservatives": "Conservative Party",
        "Conservative Party": "Conservative Party", "Tories": "Conservative Party", "Tory": "Conservative Party",
        "Conservative": "Conservative Party",
        "Liberal Democrats": "Liberal Democrats", "Lib Dems": "Liberal Democrats", "Lib Dem": "Liberal Democrats",
        "Liberal Democrat": "Liberal Democrats", "UKIP": "UKIP", "Ukip": "UKIP",
        "SNP": "SNP", "Reform UK": "Reform UK", "Plaid Cymru": "Plaid Cymru",
        "Republicans": "Republican Party", "Republican Party": "Republican Party",
        "Democrats": "Democratic Party", "Democratic Party": "Democratic Party",
        "BBC": "BBC", "Reuters": "Reuters", "CNN": "CNN", "Fox News": "Fox News",
        "Hamas": "Hamas", "Hezbollah": "Hezbollah", "Taliban": "Taliban", "Wagner": "Wagner Group",
        "Wagner Group": "Wagner Group", "FBI": "FBI", "CIA": "CIA", "KGB": "KGB", "FSB": "FSB",
        "European Community": "European Community", "EC": "European Community", "EEC": "European Community",
        "MI5": "MI5", "MI6": "MI6", "GCHQ": "GCHQ", "OPEC": "OPEC", "ASEAN": "ASEAN",
        "African Union": "African Union", "Arab League": "Arab League", "Red Cross": "Red Cross",
        "IAEA": "IAEA", "ICC": "International Criminal Court",
        "International Criminal Court": "International Criminal Court",
        "UN Security Council": "UN Security Council", "U.N. Security Council": "UN Security Council",
        "Commons": "House of Commons", "House of Commons": "House of Commons",
        "House of Lords": "House of Lords", "Bundestag": "Bundestag", "Duma": "State Duma",
        "State Duma": "State Duma", "Verkhovna Rada": "Verkhovna Rada", "Congress": "US Congress",
        "Senate": "US Senate", "Treasury": "Treasury", "Foreign Office": "Foreign Office",
        "State Department": "State Department", "Home Office": "Home Office",
        "Ministry of Defence": "Ministry of Defence", "MoD": "Ministry of Defence",
        "Institute for the Study of War": "Institute for the Study of War", "ISW": "Institute for the Study of War",
    ]
    /// Places that are not countries (capitals, cities, regions), with their label.
    static let knownLocations: Set<String> = [
        "London", "Paris", "Berlin", "Brussels", "Kyiv", "Kiev", "Moscow", "Washington", "Beijing",
        "Rome", "Madrid", "Warsaw", "Vienna", "Geneva", "Munich", "Istanbul", "Ankara", "Riyadh",
        "Jeddah", "Tehran", "Baghdad", "Damascus", "Jerusalem", "Tel Aviv", "Gaza", "Cairo", "Tokyo",
        "Seoul", "Pyongyang", "Delhi", "New Delhi", "Mumbai", "Ottawa", "Toronto", "Canberra", "Sydney",
        "New York", "Los Angeles", "Chicago", "Florida", "California", "Texas", "Alaska", "Anchorage",
        "Kharkiv", "Odesa", "Odessa", "Zaporizhzhia", "Donetsk", "Luhansk", "Crimea", "Kursk",
        "Donbas", "Donbass", "Kherson", "Mariupol", "Bakhmut", "Dnipro", "Lviv", "Sumy", "Avdiivka",
        "Pokrovsk", "Belgorod", "St Petersburg", "Minsk", "Tbilisi", "Budapest", "Prague", "Bratislava",
        "Bucharest", "Sofia", "Athens", "Helsinki", "Stockholm", "Oslo", "Copenhagen", "Dublin",
        "Edinburgh", "Cardiff", "Belfast", "Manchester", "Birmingham", "Glasgow", "Liverpool", "Leeds",
        "Scotland", "Wales", "England", "Northern Ireland", "Europe", "Asia", "Africa", "Middle East",
        "Black Sea", "Baltic", "Balkans", "Westminster", "Whitehall", "Brussels", "The Hague", "Hague",
        "Davos", "Lancaster House", "Oval Office", "Mar-a-Lago", "Ramstein", "Vilnius", "Riga",
        "Tallinn", "Chisinau", "Hong Kong", "Shanghai", "Dubai", "Abu Dhabi", "Doha", "Islamabad",
        "Kabul", "Beirut", "Amman", "Baku", "Yerevan", "Arctic", "Greenland", "Siberia", "Chechnya",
        "N.J.", "N.Y.", "D.C.", "Calif.", "Fla.", "Mass.", "Ill.", "Tex.", "Conn.", "Pa.", "Va.", "Md.", "Ga.",
        "Mich.", "Minn.", "Wis.", "Colo.", "Ariz.", "Wash.", "Ore.", "Mo.", "Tenn.", "Okla.", "La.", "Ky.",
        "Ind.", "Del.", "Ala.", "Miss.", "Neb.", "Kan.", "Nev.", "Ark.", "Wyo.", "Mont.",
        // The other US states ("Georgia" is a country unless the context says otherwise;
        // "Washington" is above).
        "Alabama", "Arizona", "Arkansas", "Colorado", "Connecticut", "Delaware", "Hawaii", "Idaho", "Illinois", "Indiana",
        "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
        "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico",
        "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina",
        "South Dakota", "Tennessee", "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
    ]
    /// Words at the end of a capitalised sequence that make it a place.
    static let locationWords: Set<String> = [
        "street", "square", "sea", "ocean", "river", "mountains", "mountain", "island", "islands",
        "road", "avenue", "bridge", "city", "county", "province", "region", "oblast", "valley", "gulf",
        "bay", "lake", "strait", "peninsula", "airport", "station", "park", "hall", "palace", "castle",
        "coast", "desert", "forest", "hills", "port", "harbour", "district", "state",
    ]
    /// Company-name endings that never start a name ("Co", "Ltd", "Inc").
    static let companySuffixes: Set<String> = [
        "co", "co.", "ltd", "ltd.", "inc", "inc.", "plc", "corp", "corp.", "llc", "ag", "sa", "nv", "oct", "nov", "dec", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    ]
    /// Days and months (but not "May", "June", "April", "August", which are also names).
    static let calendarWords: Set<String> = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "July", "September", "October", "November", "December",
    ]
    /// A ministry's portfolio, as written before "ministry" ("the foreign ministry").
    static let portfolioWords: Set<String> = [
        "foreign", "defence", "defense", "health", "interior", "finance", "justice", "economy", "economic", "trade",
        "education", "energy", "agriculture", "transport", "culture", "home", "environment", "information", "emergency",
        "emergencies", "labour", "labor", "industry", "commerce", "security", "war", "intelligence", "public",
    ]

    /// A party's member or supporter as a noun or adjective: a run of capitals ending in one
    /// ("Welsh Liberal Democrat council leaders") describes party members, it names no one.
    static let partyMemberWords: Set<String> = [
        "democrat", "republican", "conservative", "tory", "liberal", "socialist", "unionist", "nationalist", "communist",
        "labourite", "loyalist", "republicans", "democrats", "conservatives", "tories", "liberals", "socialists", "unionists",
        "nationalists", "communists", "loyalists",
    ]
    /// Words that make a capitalised run an event, law or document rather than an actor.
    static let eventWords: Set<String> = [
        "war", "olympics", "games", "cup", "championship", "summit", "conference", "agreement", "accord",
        "accords", "treaty", "act", "bill", "day", "festival", "awards", "prize", "budget", "election",
        "referendum", "protocol", "doctrine", "plan", "deal", "declaration", "charter", "convention",
        "constitution", "elections", "manifesto",
    ]
    /// Capitalised words that never begin a name: function words, sentence openers, months, days.
    static let nonNameWords: Set<String> = [
        "the", "a", "an", "and", "but", "or", "nor", "so", "yet", "for", "if", "as", "at", "by", "in",
        "on", "of", "to", "up", "from", "with", "without", "into", "onto", "over", "under", "after",
        "before", "since", "until", "while", "when", "where", "why", "how", "what", "who", "whom",
        "which", "whose", "that", "this", "these", "those", "there", "here", "then", "than", "he",
        "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "your",
        "him", "them", "us", "me", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "first", "second", "third", "last", "next", "new", "old", "some", "many",
        "most", "more", "less", "all", "both", "each", "every", "any", "no", "not", "other",
        "another", "several", "such", "only", "just", "even", "still", "already", "also", "however",
        "meanwhile", "although", "though", "despite", "because", "among", "between", "during",
        "following", "according", "instead", "speaking", "asked", "earlier", "later", "today",
        "yesterday", "tomorrow", "now", "tonight", "this", "is", "was", "are", "were", "be", "been",
        "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may",
        "might", "must", "shall", "let", "yes", "well", "oh", "please", "thank", "thanks", "dear",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "christmas", "easter", "sources", "officials", "analysts", "critics", "experts",
        "ministers", "leaders", "diplomats", "allies", "troops", "people", "everyone", "nobody",
        "nothing", "something", "anything", "people", "read", "see", "watch", "listen", "update",
        "updated", "breaking", "live", "latest", "analysis", "opinion", "comment", "editorial",
        "exclusive", "net", "shr", "shrs", "qtr", "mths", "revs", "avg", "oper", "pretax", "pictured", "above", "below", "left", "right",
        "top", "bottom", "photo",
        "video", "image", "getty", "reuters", "afp", "ap", "pa", "epa", "ok", "tv", "gmt", "bst",
        "am", "pm", "ceo", "gdp", "vat", "covid", "brexit", "mps", "mp", "mep", "meps",

        "whatever", "whether", "either", "neither", "unless", "once", "again", "very", "much", "whilst", "whereas", "amongst",
        "let's", "it's", "that's", "there's", "he's", "she's", "we're", "they're", "i'm", "don't",
        "amid", "against", "about", "around", "across", "through", "via", "per", "like", "unlike",
        "within", "beyond", "toward", "towards", "upon", "except", "plus", "minus", "including",
        "next", "later",

    ]
    /// Words that are month names but also surnames or first names; they may continue a name, not start one.
    static let ambiguousMonthNames: Set<String> = ["May", "June", "April", "August", "January"]

    /// Capitalised all-letter words that are not organisation acronyms.
    static let nonAcronyms: Set<String> = [
        "I", "A", "OK", "TV", "PM", "MP", "MPS", "AM", "CEO", "GDP", "VAT", "GMT", "BST", "UTC", "EST",
        "COVID", "AI", "DNA", "HIV", "AIDS", "ID", "PR", "UFO", "Q", "NB", "PS", "FAQ", "RIP", "LIVE",
        "WATCH", "READ", "MORE", "NEW", "BREAKING", "UPDATE", "VIDEO", "PHOTO", "EXCLUSIVE", "OPINION",
        "NOTE", "CORRECTED", "CORRECTION", "REPEAT", "UPDATE", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "CET", "EDT",
        "PDT", "ET", "PT", "CST", "CDT", "MST", "SUV", "SUVS", "CFO", "COO", "CTO", "IPO", "GPS", "USB", "SMS", "LNG", "ICBM", "EV",
        "EVS", "PC", "CCTV", "DIY", "FM", "AKA", "ASAP", "LGBT", "LGBTQ", "IVF", "GCSE", "MBA", "PHD",
    ]
    /// Sentence openers after which an abbreviation ending in a period ends the sentence.
    static let sentenceOpeners: Set<String> = [
        "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "At", "This", "That",
        "A", "An", "His", "Her", "Their", "Its", "Our", "There", "Mr", "Mrs", "Ms", "However", "After",
        "When", "While", "Meanwhile", "Earlier", "Later", "Officials", "Some", "Many",
    ]
}
