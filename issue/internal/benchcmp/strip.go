package main

// stripper removes terminal escape sequences from a stream of output
// that arrives in pieces: what is left is the text a screen shows (with
// its line breaks, in the order it was written).
type stripper struct {
	state int // one of the states below
}

const (
	plain   = iota
	esc     // after ESC
	csi     // in ESC [ … final
	str     // in ESC ] / P / _ / ^ … until BEL or ESC \
	strEsc  // after ESC inside a string
	charset // after ESC ( and its kin: one more byte
)

// append appends the text of p to dst and returns it.
func (s *stripper) append(dst, p []byte) []byte {
	for _, c := range p {
		switch s.state {
		case plain:
			switch {
			case c == 0x1b:
				s.state = esc
			case c >= 0x20 || c == '\n':
				dst = append(dst, c)
			}
		case esc:
			switch c {
			case '[':
				s.state = csi
			case ']', 'P', '_', '^', 'X':
				s.state = str
			case '(', ')', '*', '+', '#', '%':
				s.state = charset
			default:
				s.state = plain
			}
		case csi:
			if c >= 0x40 && c <= 0x7e {
				s.state = plain
			}
		case str:
			switch c {
			case 0x07:
				s.state = plain
			case 0x1b:
				s.state = strEsc
			}
		case strEsc:
			s.state = plain
			if c != '\\' {
				s.state = str
			}
		case charset:
			s.state = plain
		}
	}
	return dst
}
