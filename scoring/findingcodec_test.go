package scoring

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/msg"
)

// fillFinding sets every field of a FindingResult, by reflection, to a
// value depending on seed (zero for some seeds, so that gob's omissions are
// exercised); a field of a kind it does not know fails the test: the codec
// of findingcodec.go must learn it first.
func fillFinding(t *testing.T, seed int) FindingResult {
	t.Helper()
	var f FindingResult
	fill(t, reflect.ValueOf(&f).Elem(), seed, "FindingResult")
	return f
}

func fill(t *testing.T, v reflect.Value, seed int, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		if seed%5 != 0 {
			v.SetString(fmt.Sprintf("%s·值%d\x00\n", path, seed))
		}
	case reflect.Bool:
		v.SetBool(seed%2 == 1)
	case reflect.Int:
		v.SetInt(int64(seed*7919 - 40000))
	case reflect.Float64:
		v.SetFloat([]float64{0, 1.5, -2.25, 1e300}[seed%4])
	case reflect.Struct:
		for i := range v.NumField() {
			fill(t, v.Field(i), seed+i, path+"."+v.Type().Field(i).Name)
		}
	case reflect.Pointer:
		if seed%3 == 0 {
			return // nil
		}
		p := reflect.New(v.Type().Elem())
		fill(t, p.Elem(), seed, path)
		v.Set(p)
	default:
		t.Fatalf("%s is a %s: teach encodeFindings and decodeFindings this field", path, v.Kind())
	}
}

// TestFindingCodecMatchesGob: the findings read back are what encoding/gob,
// which stored them before, read back, field for field.
func TestFindingCodecMatchesGob(t *testing.T) {
	if n := reflect.TypeFor[FindingResult]().NumField(); n != 16 {
		t.Fatalf("FindingResult has %d fields, findingcodec.go knows 16: add the new ones to encodeFindings and decodeFindings", n)
	}
	if n := reflect.TypeFor[Review]().NumField(); n != 4 {
		t.Fatalf("Review has %d fields, findingcodec.go knows 4", n)
	}
	if n := reflect.TypeFor[msg.Text]().NumField(); n != 2 {
		t.Fatalf("msg.Text has %d fields, findingcodec.go knows 2", n)
	}
	zero := 0.0
	for n := range 40 {
		var fs []FindingResult
		for i := range n + 1 {
			fs = append(fs, fillFinding(t, n*31+i))
		}
		// gob's lossy cases: pointers to zero values.
		fs[0].Review, fs[0].Amount = &Review{}, &zero
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(fs); err != nil {
			t.Fatal(err)
		}
		var want []FindingResult
		if err := gob.NewDecoder(&buf).Decode(&want); err != nil {
			t.Fatal(err)
		}
		got, err := decodeFindings(encodeFindings(nil, fs))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%d findings: read back (-gob +ours)\n%s", len(fs), diff)
		}
	}
}

func TestFindingCodecDamaged(t *testing.T) {
	b := encodeFindings(nil, []FindingResult{fillFinding(t, 1), fillFinding(t, 2)})
	for i := range len(b) {
		if _, err := decodeFindings(b[:i]); err == nil {
			t.Fatalf("%d of %d bytes: no error", i, len(b))
		}
	}
	if _, err := decodeFindings(append(b, 0)); err == nil {
		t.Fatal("a byte too many: no error")
	}
}
