extension InputFiles {
    /// Why an input cannot be used.
    public enum Failure: Error, Sendable, Equatable {
        /// Nothing at that path.
        case notFound(String)
        /// It exists but cannot be read (permission denied, I/O error).
        case unreadable(String, reason: String)
        /// A directory given where a file is expected (`--schema`).
        case isDirectory(String)
        /// A FIFO, device or socket: not read, since it may never end.
        case notRegularFile(String)
        /// A directory with no description file under it.
        case noDescription(inDirectory: String)

        /// The path concerned.
        public var path: String {
            switch self {
            case .notFound(let path), .unreadable(let path, _), .isDirectory(let path), .notRegularFile(let path),
                .noDescription(let path):
                path
            }
        }

        /// What is wrong and how to fix it, in `language`.
        public func message(in language: Language) -> String {
            let fr = language == .fr
            switch self {
            case .notFound(let path):
                return fr
                    ? "\(path) : fichier introuvable ; créez une description avec `codesocial init`, ou indiquez son chemin"
                    : "\(path): no such file; create a description with `codesocial init`, or give its path"
            case .unreadable(let path, let reason):
                return fr ? "\(path) : lecture impossible : \(reason)" : "\(path): cannot be read: \(reason)"
            case .isDirectory(let path):
                return fr ? "\(path) : est un dossier ; indiquez un fichier" : "\(path): is a folder; give a file"
            case .notRegularFile(let path):
                return fr
                    ? "\(path) : n'est pas un fichier ordinaire (tube, périphérique ou socket) ; indiquez un fichier, ou - pour lire l'entrée standard"
                    : "\(path): is not a regular file (a FIFO, device or socket); give a file, or - to read standard input"
            case .noDescription(let directory):
                return fr
                    ? "\(directory) : aucun fichier codesocial.yml, codesocial.yaml ou codesocial.json dans ce dossier ni ses sous-dossiers"
                    : "\(directory): no codesocial.yml, codesocial.yaml or codesocial.json in this directory or below"
            }
        }
    }
}
