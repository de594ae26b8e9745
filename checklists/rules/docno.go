package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// NormDocNo is the form in which two document numbers (文号, 申请编号, 索引号)
// are compared: full- and half-width are one, spaces are dropped, every
// bracket 〔〕[]【】()（）［］﹝﹞〖〗 is one pair ([ and ]), the dashes
// ‐‑–—－ are one (-), Latin letters are upper-cased, and the leading zeros of
// every run of digits are dropped. So 利政发〔2017〕015号, 利政发[2017]15号
// and 利政发（2017）15号 are one number, and so are YH2018-015 and yh2018－15.
// NormDocNo of a normalised number is itself.
func NormDocNo(s string) string {
	// Most numbers are ASCII and CJK ideographs, which fold without a
	// table lookup; a number already in its normal form is returned as is
	// (no copy). Other runes go through docNoRune. Equal to the plain
	// rune-by-rune definition (normDocNoRef in the tests) on every input.
	var stack [64]byte
	b := stack[:0]
	zeros := 0        // leading zeros held back in the current run of digits
	inDigits := false // inside a run of digits that has had a non-zero digit
	for i := 0; i < len(s); {
		r := rune(s[i])
		if r < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= r && r <= 'z':
				r -= 'a' - 'A'
			case r == ' ' || '\t' <= r && r <= '\r':
				continue
			case r == '(' || r == '{':
				r = '['
			case r == ')' || r == '}':
				r = ']'
			}
		} else if 0xE5 <= r && r <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// U+5000–U+9FFF, CJK ideographs: copied as they are.
			if zeros > 0 {
				b = append(b, '0')
			}
			zeros, inDigits = 0, false
			b = append(b, s[i:i+3]...)
			i += 3
			continue
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
			switch {
			case 0x4E00 <= r && r <= 0x9FFF: // a CJK ideograph: as is
			case r == '〔':
				r = '['
			case r == '〕':
				r = ']'
			default:
				if r = docNoRune(r); r < 0 {
					continue
				}
			}
		}
		if r >= '0' && r <= '9' {
			if !inDigits && r == '0' {
				zeros++
				continue
			}
			inDigits = true
			zeros = 0
			b = append(b, byte(r))
			continue
		}
		if zeros > 0 { // a run of zeros only: the number 0
			b = append(b, '0')
		}
		zeros, inDigits = 0, false
		b = utf8.AppendRune(b, r)
	}
	if zeros > 0 {
		b = append(b, '0')
	}
	if string(b) == s {
		return s
	}
	return string(b)
}

// docNoRune is what NormDocNo makes of one rune (before the digits are
// looked at): folded to its narrow form, brackets and dashes made one,
// upper-cased; -1 for a rune dropped (spaces, zero-width ones).
func docNoRune(r rune) rune {
	if f := width.LookupRune(r).Folded(); f != 0 {
		r = f
	}
	if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
		return -1
	}
	switch r {
	case '〔', '[', '【', '(', '［', '﹝', '〖', '{', '「':
		r = '['
	case '〕', ']', '】', ')', '］', '﹞', '〗', '}', '」':
		r = ']'
	case '‐', '‑', '–', '—', '－', '―':
		r = '-'
	}
	return unicode.ToUpper(r)
}

// NormTitle is the form in which two titles are compared: full- and
// half-width are one, Latin letters lower-cased, and spaces, punctuation and
// symbols (《》、，“”·- and the like) dropped.
func NormTitle(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f := width.LookupRune(r).Folded(); f != 0 {
			r = f
		}
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Similar is how alike two titles are, from 0 to 1: the Dice coefficient of
// the character bigrams of their NormTitle forms, 2·|common| / (|A| + |B|),
// bigrams counted with repetition. Equal forms score 1, forms without a
// bigram in common 0; a form of one character is its own bigram. Examples:
// 关于印发《利通区2017年政务公开工作要点》的通知 and 关于印发利通区2017年政务公开工作要点的通知
// score 1 (only punctuation differs); 2017年 and 2018年 versions of one
// title of 20 characters score about 0.9.
func Similar(a, b string) float64 {
	ga, gb := bigrams(NormTitle(a)), bigrams(NormTitle(b))
	if len(ga) == 0 || len(gb) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, g := range ga {
		count[g]++
	}
	common := 0
	for _, g := range gb {
		if count[g] > 0 {
			count[g]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(ga)+len(gb))
}

func bigrams(s string) []string {
	r := []rune(s)
	if len(r) == 1 {
		return []string{s}
	}
	var out []string
	for i := 0; i+1 < len(r); i++ {
		out = append(out, string(r[i:i+2]))
	}
	return out
}

// MatchThreshold is the least Similar at which Match takes a row for the same
// document by its title.
const MatchThreshold = 0.9

// Match returns the row of rows that is the document numbered docNo and
// titled title, or nil: the first row whose doc_no is docNo (compared in
// NormDocNo form); when none is, or docNo is empty, the row whose title is
// the most similar to title (Similar at least MatchThreshold) among the rows
// whose doc_no is empty or, when docNo is empty, among all rows. A document
// with a number is thus never matched with a differently numbered one by its
// title. Examples, catalogue rows {利政发〔2017〕15号, 关于…的通知} and
// {—, 利通区2017年政务公开工作要点}: Match(rows, "利政发[2017]015号", "") is the
// first; Match(rows, nil, "利通区2017年政务公开工作要点。") the second;
// Match(rows, "利政发〔2017〕16号", "关于…的通知") nil.
func Match(rows []Row, docNo, title any) Row {
	no, _ := docNo.(string)
	no = NormDocNo(no)
	if no != "" {
		for _, r := range rows {
			if s, ok := r["doc_no"].(string); ok && NormDocNo(s) == no {
				return r
			}
		}
	}
	t, _ := title.(string)
	if NormTitle(t) == "" {
		return nil
	}
	var best Row
	bestScore := 0.0
	for _, r := range rows {
		if s, ok := r["doc_no"].(string); ok && no != "" && NormDocNo(s) != "" {
			continue
		}
		rt, _ := r["title"].(string)
		if sc := Similar(t, rt); sc >= MatchThreshold && sc > bestScore {
			best, bestScore = r, sc
		}
	}
	return best
}
