package roster

import "strings"

// SimilarThreshold is the least Similarity at which a submission that
// matches no roster name is paired with a roster unit that no submission
// matched (when the pairing is unambiguous).
const SimilarThreshold = 0.5

// contractions are the full forms of office names and the short forms units
// write for them (利通区发改局 for 利通区发展和改革局); both are folded to the
// short form before names are compared. Longer forms come first.
var contractions = []struct{ full, short string }{
	{"人力资源和社会保障", "人社"},
	{"人力资源社会保障", "人社"},
	{"卫生和计划生育", "卫计"},
	{"住房和城乡建设", "住建"},
	{"住房城乡建设", "住建"},
	{"工业和信息化", "工信"},
	{"市场监督管理", "市场监管"},
	{"发展和改革", "发改"},
	{"卫生计生", "卫计"},
	{"发展改革", "发改"},
	{"科学技术", "科技"},
	{"委员会", "委"},
	{"办公室", "办"},
}

// similarityKey is the form in which Similarity compares two names: the
// name normalised (NormalizeName), a leading 区 (区发改局) dropped, the full
// forms of office names contracted, and a township's 乡 written 镇.
func similarityKey(s string) string {
	k := NormalizeName(s)
	if t, ok := strings.CutPrefix(k, "区"); ok && len([]rune(t)) >= 2 {
		k = t
	}
	for _, c := range contractions {
		k = strings.ReplaceAll(k, c.full, c.short)
	}
	if t, ok := strings.CutSuffix(k, "乡"); ok && t != "" {
		k = t + "镇"
	}
	return k
}

// Similarity scores, from 0 to 1, how likely two unit names are one unit
// written two ways. Names are compared in a normalised form (NormalizeName,
// then a leading 区 dropped, 发展和改革 read as 发改, 卫生和计划生育 as 卫计,
// 人力资源和社会保障 as 人社 and the like, 乡 as 镇): equal forms score 1.
// Otherwise the shorter form must be an abbreviation of the longer — at least
// two characters, all of them found in the longer in order, the first and the
// last the same (教育局 in 教育体育局) — and the score is 2·short/(short+long);
// any other pair, one character changed (金积镇 and 金银滩镇, 古城镇 and 高闸镇,
// 民政局 and 财政局), scores 0.
func Similarity(a, b string) float64 {
	ka, kb := []rune(similarityKey(a)), []rune(similarityKey(b))
	if len(ka) == 0 || len(kb) == 0 {
		return 0
	}
	if string(ka) == string(kb) {
		return 1
	}
	short, long := ka, kb
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) < 2 || short[0] != long[0] || short[len(short)-1] != long[len(long)-1] || !subsequence(short, long) {
		return 0
	}
	return 2 * float64(len(short)) / float64(len(short)+len(long))
}

// subsequence reports whether every rune of short is in long, in order.
func subsequence(short, long []rune) bool {
	i := 0
	for _, r := range long {
		if i < len(short) && short[i] == r {
			i++
		}
	}
	return i == len(short)
}

// Similar returns the roster units that one of names resembles (Similarity
// at least SimilarThreshold), in the roster's order.
func (ro *Roster) Similar(names ...string) []*Unit {
	var out []*Unit
	for _, u := range ro.Units {
		for _, n := range names {
			if NormalizeName(n) == "" {
				continue
			}
			if resembles(u, n) {
				out = append(out, u)
				break
			}
		}
	}
	return out
}

// resembles reports whether name resembles u's name or one of its aliases.
func resembles(u *Unit, name string) bool {
	if Similarity(u.Name, name) >= SimilarThreshold {
		return true
	}
	for _, a := range u.Aliases {
		if Similarity(a, name) >= SimilarThreshold {
			return true
		}
	}
	return false
}
