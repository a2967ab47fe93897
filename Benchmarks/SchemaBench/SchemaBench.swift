import JSONSchema

@main
enum SchemaBench {
    static func main() {}
}
