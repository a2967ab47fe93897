/// French and English stop words, folded (no accents, lower case), used to find the
/// significant words of offers and needs and to drop noise words from search queries.
enum StopWords {
    /// Every stop word, French and English.
    static let all: Set<String> = french.union(english)

    static let french: Set<String> = [
        "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle",
        "elles", "en", "et", "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui",
        "ma", "mais", "me", "meme", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou",
        "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te",
        "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "est", "sont", "etre",
        "avoir", "ont", "fait", "faire", "plus", "tres", "tout", "tous", "toute", "toutes", "aussi",
        "comme", "dont", "entre", "sans", "sous", "chez", "vers", "afin", "ainsi", "autre",
        "autres", "besoin", "cela", "ceci", "celui", "celle", "ceux", "donc", "peut", "peuvent",
        "nos", "notre", "etc", "ici", "quelque", "quelques", "chaque", "lors", "selon",
    ]

    static let english: Set<String> = [
        "a", "about", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but",
        "by", "can", "could", "do", "does", "for", "from", "has", "have", "he", "her", "his", "how",
        "i", "if", "in", "into", "is", "it", "its", "more", "most", "need", "needs", "no", "not",
        "of", "on", "or", "our", "ours", "she", "so", "some", "such", "than", "that", "the",
        "their", "them", "then", "there", "these", "they", "this", "those", "to", "too", "us",
        "very", "was", "we", "were", "what", "when", "where", "which", "who", "will", "with",
        "would", "you", "your", "offer", "offers", "other", "others", "each", "per", "via",
    ]
}
