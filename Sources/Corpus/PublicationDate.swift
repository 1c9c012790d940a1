import Foundation

/// Reads publication dates in the forms news pages use and writes them as `YYYY-MM-DD`.
public enum PublicationDate {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
    static let prefixes = ["published on", "published", "updated", "last updated", "posted", "date", "dated", "first published"]

    /// The date in `text` as `YYYY-MM-DD`: ISO 8601 (`2025-03-13`, `2025-03-13T09:00Z`),
    /// `13 March 2025`, `March 13, 2025`, optionally after a weekday; `nil` otherwise.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: " \t")
        if let iso = parseISO(trimmed) { return iso }
        let words = trimmed.lowercased()
            .split(whereSeparator: { " ,.".contains($0) })
            .map(String.init)
            .filter { !weekdays.contains($0) }
        guard words.count >= 3 else { return nil }
        if let day = Int(words[0]), let month = months[words[1]], let year = Int(words[2]) {
            return format(year: year, month: month, day: day)
        }
        if let month = months[words[0]], let day = Int(words[1].filter(\.isNumber)), let year = Int(words[2]) {
            return format(year: year, month: month, day: day)
        }
        return nil
    }

    /// The date of a line that holds nothing but a date, with an optional
    /// "Published"/"Updated" label and an optional time; `nil` for any other line.
    ///
    /// - Complexity: O(n) in the length of the line.
    public static func parseDateLine(_ line: String) -> String? {
        // Every date this reads has a year in ASCII digits; most short lines have none.
        guard line.utf8.contains(where: { (0x30...0x39).contains($0) }), line.count <= 60 else { return nil }
        var rest = line.lowercased().trimmingCharacters(in: " ")
        for prefix in prefixes where rest.hasPrefix(prefix) {
            rest = String(rest.dropFirst(prefix.count)).trimmingCharacters(in: " :-")
            break
        }
        // Drop a trailing time such as "10:32 GMT" or "- 09:00".
        if let timeStart = rest.firstIndex(where: { $0 == ":" }) {
            var cut = rest[..<timeStart]
            while let last = cut.last, last.isNumber { cut = cut.dropLast() }
            rest = String(cut).trimmingCharacters(in: " -,|at")
        }
        let words = rest.split(whereSeparator: { " ,.".contains($0) })
        guard words.count <= 5, let date = parse(rest) else { return nil }
        return date
    }

    /// Whether a `YYYY-MM-DD` date could be a news article's: from 1900 to the day after
    /// `today` (a time zone ahead).
    ///
    /// Others are most likely read wrongly from the page.
    public static func isPlausible(_ date: String, today: Date = Date()) -> Bool {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        let tomorrow = formatter.string(from: today.addingTimeInterval(86_400))
        return date >= "1900-01-01" && date <= tomorrow
    }

    /// The date of an ISO 8601 prefix (`2025-03-13…`) as `YYYY-MM-DD`, or `nil`.
    public static func parseISO(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars.prefix(10))
        guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-" else { return nil }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ ("0"..."9").contains(scalars[$0]) }) else { return nil }
        let string = String(String.UnicodeScalarView(scalars))
        guard let year = Int(string.prefix(4)), let month = Int(string.dropFirst(5).prefix(2)),
            let day = Int(string.suffix(2))
        else { return nil }
        return format(year: year, month: month, day: day)
    }

    static func format(year: Int, month: Int, day: Int) -> String? {
        guard (1800...2200).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(y)-\(m)-\(d)"
    }

    /// Days in a month of the Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
