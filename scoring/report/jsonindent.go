package report

// appendIndent appends to dst the compact JSON src (as json.Encoder writes
// it without indentation: no space outside strings) indented as
// json.Indent would with prefix and indent: every element on its own line,
// "key": value, empty objects and arrays as {} and []. src must be valid
// JSON from encoding/json.
//
// json.Indent runs its validating scanner over every byte, three times the
// cost of encoding the result in the first place (3 % of a province's
// audit); here a string is copied whole, up to its closing quote.
func appendIndent(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	open := false // after { or [: the newline waits for the first element
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' {
			open = false
			depth++
			newline()
		}
		switch c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(src))
			dst = append(dst, src[i:j]...)
			i = j - 1
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false // {} and []
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
