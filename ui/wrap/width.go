package wrap

// StringWidth returns the display width of s in terminal columns: East
// Asian Wide and Fullwidth characters and emoji sequences take 2 columns,
// combining marks 0, East Asian Ambiguous characters 1, or 2 when
// ambiguousWide is set. All layout in this package uses it.
func StringWidth(s string, ambiguousWide bool) int {
	total := 0
	for len(s) > 0 {
		n, _, w, amb := firstGlyph(s)
		if amb && ambiguousWide {
			w++
		}
		total += w
		s = s[n:]
	}
	return total
}

// Truncate shortens s to at most width columns, ending it with "…" when
// anything was cut. It never cuts inside a grapheme cluster and drops spaces
// before the ellipsis. A string that fits is returned unchanged; when not
// even the ellipsis fits, Truncate returns the clusters that do.
func Truncate(s string, width int, ambiguousWide bool) string {
	if width <= 0 {
		return ""
	}
	ellipsis := 1
	if ambiguousWide {
		ellipsis = 2
	}
	// cut is the end of the longest prefix that leaves room for the
	// ellipsis; fit is the end of the longest prefix that fits at all.
	cut, fit, used := 0, 0, 0
	for i := 0; i < len(s); {
		n, _, w, amb := firstGlyph(s[i:])
		if amb && ambiguousWide {
			w++
		}
		if used+w > width {
			if width < ellipsis {
				return s[:fit]
			}
			return trimSpaces(s[:cut]) + "…"
		}
		used += w
		i += n
		fit = i
		if used <= width-ellipsis {
			cut = i
		}
	}
	return s
}

// trimSpaces removes trailing ASCII and ideographic spaces.
func trimSpaces(s string) string {
	for {
		switch {
		case len(s) > 0 && s[len(s)-1] == ' ':
			s = s[:len(s)-1]
		case len(s) >= 3 && s[len(s)-3:] == "\u3000":
			s = s[:len(s)-3]
		default:
			return s
		}
	}
}
