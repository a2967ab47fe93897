import ArgumentParser

@main
struct Codesocial: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "codesocial", abstract: "Describe, validate and publish #CodeSocial descriptions.",
        subcommands: [Registry.self]
    )
}
