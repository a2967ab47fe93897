internal import CLibGit2

extension Repository {
    /// The signature from git configuration (`user.name`, `user.email`) as seen by this repository
    /// (repository, global and system files), dated now; nil when either is unset.
    public func defaultSignature() -> Signature? {
        var signature: UnsafeMutablePointer<git_signature>?
        guard git_signature_default(&signature, pointer) == 0, let signature else { return nil }
        defer { git_signature_free(signature) }
        let value = Signature(signature)
        guard !value.name.isEmpty, !value.email.isEmpty else { return nil }
        return Signature(name: value.name, email: value.email)
    }

    /// The signature from the user's global git configuration, outside any repository; nil when unset.
    public static func defaultSignature() -> Signature? {
        ensureLibGit2()
        var config: OpaquePointer?
        guard git_config_open_default(&config) == 0 else { return nil }
        defer { git_config_free(config) }
        func string(_ name: String) -> String? {
            var buffer = git_buf()
            defer { git_buf_dispose(&buffer) }
            guard git_config_get_string_buf(&buffer, config, name) == 0, let text = buffer.ptr else { return nil }
            let value = String(cString: text)
            return value.isEmpty ? nil : value
        }
        guard let name = string("user.name"), let email = string("user.email") else { return nil }
        return Signature(name: name, email: email)
    }

    /// A string value of the repository's configuration (with global and system files), or nil.
    public func configString(_ name: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, pointer) == 0 else { return nil }
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard git_config_get_string_buf(&buffer, config, name) == 0, let text = buffer.ptr else { return nil }
        return String(cString: text)
    }

    /// Sets a string value in the repository's own configuration file.
    public func setConfig(_ name: String, to value: String) throws(GitError) {
        var config: OpaquePointer?
        try check("git_repository_config") { git_repository_config(&config, pointer) }
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check("git_config_open_level") { git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL) }
        defer { git_config_free(local) }
        try check("git_config_set_string") { git_config_set_string(local, name, value) }
    }
}
