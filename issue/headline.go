package issue

import "unicode/utf8"

// headlineRunes is how many characters of an untitled article's text
// Headline shows.
const headlineRunes = 20

// Untitled is the headline of an article that has no text at all.
const Untitled = "(无标题)"

// Headline is what lists show for the article: its title, or, when it has
// none, the start of its first piece of text (kicker, subtitle, byline or
// body, at most headlineRunes characters, cut with …), or Untitled.
func (a *Article) Headline() string {
	if a.Title != "" {
		return a.Title
	}
	h := Untitled
	a.eachPiece(func(p Piece) bool {
		h = cutRunes(p.Text, headlineRunes)
		return false
	})
	return h
}

// cutRunes returns s cut to at most n characters, ending in … when cut.
func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := 0; k < n-1; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}
