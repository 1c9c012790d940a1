import Foundation
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL store is and how to log in, from a `postgres://` address, then the
/// environment (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`), then `~/.pgpass`,
/// as libpq reads them.
///
/// Accepted: `postgres://[user[:password]@][host][:port][/database][?sslmode=…&host=/socket/dir]`.
/// `sslmode` is `disable` (the default for a Unix socket and for localhost), `prefer` or
/// `require` (the default otherwise). A password is never part of ``redacted``.
public struct PostgresAddress: Sendable, Equatable {
    /// The host name, or `nil` for a Unix socket.
    public var host: String?
    /// The folder of the Unix socket, when connecting through one.
    public var socketFolder: String?
    /// The port (also names the socket file).
    public var port: Int
    /// The user name.
    public var user: String
    /// The password, when one was found.
    public var password: String?
    /// The database.
    public var database: String
    /// Whether to use TLS.
    public var tls: TLSMode

    /// Whether and how to use TLS.
    public enum TLSMode: String, Sendable {
        /// Never.
        case disable
        /// When the server offers it.
        case prefer
        /// Always; a server without TLS is an error.
        case require
    }

    /// Whether `text` is a PostgreSQL address rather than a file path.
    public static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads an address; `environment` and `passwordFile` stand in for the process's in tests.
    ///
    /// - Throws: ``StoreError/badAddress(_:)`` for an address that cannot be read.
    public init(
        _ text: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        passwordFile: String? = nil
    ) throws {
        guard Self.isAddress(text), let components = URLComponents(string: text) else {
            throw StoreError.badAddress("\"\(Self.redact(text))\" is not a postgres:// address")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let hostInURL = components.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
        let hostGiven = hostInURL ?? query["host"] ?? environment["PGHOST"]
        if let hostGiven, hostGiven.hasPrefix("/") {
            host = nil
            socketFolder = hostGiven
        } else {
            host = hostGiven ?? "localhost"
            socketFolder = nil
        }
        if let portValue = components.port ?? environment["PGPORT"].flatMap({ Int($0) }) {
            port = portValue
        } else {
            port = 5432
        }
        user =
            components.user.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGUSER"]
            ?? environment["USER"] ?? "postgres"
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGDATABASE"] ?? user
        let local = socketFolder != nil || host == "localhost" || host == "127.0.0.1" || host == "::1"
        if let mode = query["sslmode"] {
            switch mode {
            case "disable", "allow": tls = .disable
            case "prefer": tls = .prefer
            case "require", "verify-ca", "verify-full": tls = .require
            default: throw StoreError.badAddress("sslmode \"\(mode)\" is not one of disable, prefer, require")
            }
        } else {
            tls = local ? .disable : .require
        }
        password =
            components.password.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
            ?? Self.passwordFromFile(
                passwordFile ?? environment["PGPASSFILE"] ?? (NSHomeDirectory() as NSString).appendingPathComponent(".pgpass"),
                host: socketFolder != nil ? "localhost" : (host ?? "localhost"), port: port, database: database, user: user)
    }

    /// The address as a user may see it: no password.
    public var redacted: String {
        let place = socketFolder.map { "?host=\($0)" } ?? ""
        return "postgres://\(user)@\(host ?? ""):\(port)/\(database)\(place)"
    }

    /// `text` with any password between `:` and `@` replaced, for messages about an address
    /// that could not be read.
    static func redact(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://") else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":…" + String(text[at...])
    }

    /// The password for this server in a libpq password file (`host:port:database:user:password`,
    /// `*` matching anything), or `nil`.
    static func passwordFromFile(_ path: String, host: String, port: Int, database: String, user: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            var fields: [String] = []
            var current = ""
            var escaped = false
            for character in line {
                if escaped {
                    current.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == ":" && fields.count < 4 {
                    fields.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            fields.append(current)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// The driver's configuration.
    ///
    /// - Throws: ``StoreError/connection(store:reason:)`` when TLS cannot be set up.
    func configuration() throws -> PostgresConnection.Configuration {
        if let socketFolder {
            let socket = (socketFolder as NSString).appendingPathComponent(".s.PGSQL.\(port)")
            return PostgresConnection.Configuration(unixSocketPath: socket, username: user, password: password, database: database)
        }
        let mode: PostgresConnection.Configuration.TLS
        do {
            switch tls {
            case .disable: mode = .disable
            case .prefer: mode = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: mode = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw StoreError.connection(store: redacted, reason: "TLS: \(error)")
        }
        return PostgresConnection.Configuration(
            host: host ?? "localhost", port: port, username: user, password: password, database: database, tls: mode)
    }
}
