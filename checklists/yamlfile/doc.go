// Package yamlfile reads YAML files strictly and reports their mistakes with
// positions, in both languages: the shared reader behind the checklist
// format, the calendar files and the roster and review lists.
//
// A [Reader] collects every mistake of one read in its [ErrorList], in the
// manner of go/scanner: each [Error] prints as FILE:LINE:COL: message, in
// Chinese by default and in English with In(msg.EN); an empty list is a nil
// error (ErrorList.Err).
//
// [Reader.Decode] turns bytes into the top node of the file's one YAML
// document, refusing input over the [Limits] (size, nesting depth, aliases
// and what they expand to) before anything is walked, and turning yaml.v3's
// syntax errors into positioned messages (with a hint when a key is followed
// by the full-width colon「：」). [Reader.Mapping] walks a mapping strictly:
// only known keys (an unknown key is named with the closest known one),
// no duplicate keys, no merge keys, no empty values. The typed readers
// ([Reader.Text], [Reader.Number] (exact, as a big.Rat), [Reader.Integer],
// [Reader.Boolean], [Reader.Sequence], [Reader.Texts], [Reader.Items]) report a
// value of the wrong kind at its position, naming the key it is under.
//
// What the keys of a format mean stays with the format: this package knows
// no key names. A format may word the generic errors its own way ([Wording]).
//
// A list document such as a roster reads in a few lines:
//
//	var r yamlfile.Reader
//	f := &yamlfile.File{Name: name, Data: data}
//	if root, ok := r.Decode(f, yamlfile.Limits{}); ok {
//		if m, ok := r.Mapping(root, what, []string{"units"}); ok {
//			if e, ok := m.Get("units"); ok {
//				for _, u := range r.Items(e, unitWhat, []string{"name", "type"}) {
//					ne, _ := u.Get("name")
//					name, _ := r.NonEmpty(ne)
//					…
//				}
//			}
//		}
//	}
//	return r.Errs.Err()
package yamlfile
