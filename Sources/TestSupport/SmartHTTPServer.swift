import Foundation

/// lighttpd running `git http-backend` as CGI on 127.0.0.1, with htpasswd basic auth on every request,
/// push enabled on the repositories it creates. Stopped by ``stop()`` or when released.
public final class SmartHTTPServer: @unchecked Sendable {
    /// The directory holding configuration, logs and repositories.
    public let root: TemporaryDirectory
    /// The port it listens on.
    public let port: Int
    /// The accepted user.
    public let username: String
    /// The accepted password.
    public let password: String
    private let server: ServerProcess

    /// True when the server speaks HTTPS (with a self-signed certificate no client trusts).
    public let usesTLS: Bool
    /// With TLS: the server's self-signed certificate alone (PEM), to trust it as a certificate authority.
    public var certificateFile: String { root.path("server.crt") }

    /// Starts lighttpd on a free port with one user, and waits until it accepts connections.
    /// - Parameter tls: serve HTTPS with a fresh self-signed certificate (for certificate-error tests).
    public init(username: String = "publisher", password: String = "s3cret-token", tls: Bool = false) throws {
        root = try TemporaryDirectory(prefix: "smart-http")
        self.username = username
        self.password = password
        usesTLS = tls
        var tlsConfig = ""
        if tls {
            let pem = root.path("server.pem")
            let key = root.path("server.key")
            let certificateFile = root.path("server.crt")
            try Shell.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                           "-addext", "subjectAltName=DNS:127.0.0.1,IP:127.0.0.1", "-keyout", key, "-out", certificateFile])
            let keyText = try String(contentsOfFile: key, encoding: .utf8)
            let certificateText = try String(contentsOfFile: certificateFile, encoding: .utf8)
            try (keyText + certificateText).write(toFile: pem, atomically: true, encoding: .utf8)
            tlsConfig = """
            server.modules += ( "mod_openssl" )
            ssl.engine = "enable"
            ssl.pemfile = "\(pem)"
            """
        }
        let repositories = root.path("repos")
        try FileManager.default.createDirectory(atPath: repositories, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root.path("www"), withIntermediateDirectories: true)
        try Shell.run(["htpasswd", "-bc", root.path("htpasswd"), username, password])
        let backend = try Shell.run(["git", "--exec-path"]).trimmed + "/git-http-backend"
        let directory = root
        let (started, chosen) = try ServerProcess.startOnFreePort(name: "lighttpd", logFile: { directory.path("lighttpd-\($0).log") }) { port in
            let config = """
            server.document-root = "\(directory.path("www"))"
            server.bind = "127.0.0.1"
            server.port = \(port)
            server.errorlog = "\(directory.path("error.log"))"
            server.modules = ( "mod_alias", "mod_auth", "mod_authn_file", "mod_cgi", "mod_setenv" )
            server.feature-flags = ( "auth.delay-invalid-creds" => "disable" )
            alias.url = ( "/git/" => "\(backend)/" )
            $HTTP["url"] =~ "^/git/" {
                cgi.assign = ( "" => "" )
                setenv.add-environment = (
                    "GIT_PROJECT_ROOT" => "\(repositories)",
                    "GIT_HTTP_EXPORT_ALL" => "1",
                    "GIT_CONFIG_NOSYSTEM" => "1",
                    "HOME" => "\(directory.path("www"))"
                )
            }
            auth.backend = "htpasswd"
            auth.backend.htpasswd.userfile = "\(directory.path("htpasswd"))"
            auth.require = ( "/git/" => ( "method" => "basic", "realm" => "git", "require" => "valid-user" ) )
            \(tlsConfig)
            """
            let configFile = try directory.write(config, to: "lighttpd-\(port).conf")
            return ["lighttpd", "-D", "-f", configFile]
        }
        server = started
        port = chosen
    }

    /// `http://127.0.0.1:PORT/git/NAME` without credentials.
    public func url(_ name: String) -> String { "\(usesTLS ? "https" : "http")://127.0.0.1:\(port)/git/\(name)" }

    /// The URL with `user:password@` (percent-encoded) in it.
    public func urlWithCredentials(_ name: String, username: String? = nil, password: String? = nil) -> String {
        let user = (username ?? self.username).addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? ""
        let pass = (password ?? self.password).addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? ""
        return "\(usesTLS ? "https" : "http")://\(user):\(pass)@127.0.0.1:\(port)/git/\(name)"
    }

    /// The path of a served repository.
    public func path(_ name: String) -> String { root.path("repos/\(name)") }

    /// Creates an empty bare repository `name` that accepts pushes, and returns its path.
    @discardableResult
    public func createRepository(_ name: String) throws -> String {
        let path = self.path(name)
        try Shell.git("init", "-q", "--bare", "--initial-branch=main", path)
        try Shell.git("config", "http.receivepack", "true", in: path)
        return path
    }

    /// Stops the server (idempotent).
    public func stop() { server.stop() }

    deinit { server.stop() }
}
