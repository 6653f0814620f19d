package export

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"dubao/issue"
	"dubao/issue/textsafe"
)

// testStrings are the strings random fields take: empty, plain, and ones
// that need escaping or that textsafe.JSON rewrites.
var testStrings = []string{"", "正文", "a\"b\\c", "\n\t\r\b\f\x01\x1f\x7f", "\u2028\u2029", "\xff\xfe", "<b>&</b>", "\u009b31m", "\u202e反",
	"正\xe4\xb8", "\xee\x80文", "\uffff\ue40c\ufeff", "\xed\xa0\x80", "\xe0\x80\x80", "，。“”—…"}

// fill sets every field reachable from v — found by reflection, so that
// a field added to the model is filled without this test being told — to
// a random value: zero, nil or empty about half the time (for omitempty),
// else a string of testStrings, a small integer (negative too), true, or
// a slice of one to three filled elements. A kind of field it does not
// know (a map, a pointer, a float) fails the test: the hand-written
// encoder must then be taught it, and fill too.
func fill(t *testing.T, v reflect.Value, r *rand.Rand, depth int) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		v.SetString(testStrings[r.IntN(len(testStrings))])
	case reflect.Int:
		v.SetInt(int64(r.IntN(12) - 2))
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Slice:
		switch n := r.IntN(4); {
		case n == 0 || depth > 4:
			v.SetZero() // nil
		case n == 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0)) // empty, not nil
		default:
			s := reflect.MakeSlice(v.Type(), n-1, n-1)
			for i := range n - 1 {
				fill(t, s.Index(i), r, depth+1)
			}
			v.Set(s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && r.IntN(5) > 0 {
				fill(t, v.Field(i), r, depth+1)
			}
		}
	default:
		t.Fatalf("fill: a field of kind %s (%s): teach appendArticle and this test to write it", v.Kind(), v.Type())
	}
}

// TestAppendArticle holds the hand-written article encoder to
// encoding/json's bytes (with textsafe.JSON's escapes) on random articles whose every field — listed by
// reflection, not by hand — is set or left zero, nil or empty, with
// strings that need escaping.
func TestAppendArticle(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 3000 {
		var a issue.Article
		fill(t, reflect.ValueOf(&a).Elem(), r, 0)
		want, err := marshalJSON(&a, "    ")
		if err != nil {
			t.Fatal(err)
		}
		want = textsafe.JSON(want)
		if got := appendArticle(nil, &a, "    "); string(got) != string(want) {
			t.Fatalf("%+v:\n%s\nwant\n%s", a, got, want)
		}
	}
}

// TestEncoderWritesEveryField: an issue whose every field, at every
// depth, is set (no zero value, so no omitempty hides one) comes out of
// IssueJSON byte for byte as encoding/json writes it, and holds every
// key the model's JSON tags name. A field added to issue.Issue, Section,
// Article, Block, Span or Jump that the streaming encoder does not write
// fails here.
func TestEncoderWritesEveryField(t *testing.T) {
	is := &issue.Issue{}
	full(t, reflect.ValueOf(is).Elem())
	var whole, streamed bytes.Buffer
	if err := JSON(&whole, is); err != nil {
		t.Fatal(err)
	}
	if err := IssueJSON(&streamed, is); err != nil {
		t.Fatal(err)
	}
	if whole.String() != streamed.String() {
		t.Fatalf("the streamed JSON differs:\n%s\nwant\n%s", streamed.String(), whole.String())
	}
	var keys []string
	collectKeys(reflect.TypeOf(is).Elem(), map[reflect.Type]bool{}, &keys)
	sort.Strings(keys)
	if len(keys) < 40 {
		t.Fatalf("only %d JSON keys found in the model: %v", len(keys), keys)
	}
	for _, k := range keys {
		if !strings.Contains(streamed.String(), `"`+k+`": `) {
			t.Errorf("the key %q of the model is not written", k)
		}
	}
}

// full sets every field reachable from v to a value that is not zero:
// slices of two elements, strings "x", integers 3, true.
func full(t *testing.T, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Int:
		v.SetInt(3)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			full(t, s.Index(i))
		}
		v.Set(s)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				full(t, v.Field(i))
			}
		}
	default:
		t.Fatalf("full: a field of kind %s (%s): teach appendArticle and this test to write it", v.Kind(), v.Type())
	}
}

// collectKeys appends the JSON keys that the exported fields of the
// struct type t and of the structs it holds name.
func collectKeys(t reflect.Type, seen map[reflect.Type]bool, keys *[]string) {
	for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return
	}
	seen[t] = true
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		*keys = append(*keys, name)
		collectKeys(f.Type, seen, keys)
	}
}

// TestFillSeesNewFields: fill and full reach a field through reflection
// alone — a struct that gained a field is filled (the guard above does
// not depend on a list kept by hand).
func TestFillSeesNewFields(t *testing.T) {
	type grown struct {
		issue.Span
		Added string `json:"added"`
	}
	var g grown
	full(t, reflect.ValueOf(&g).Elem())
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"added":"x"`)) || g.Href != "x" {
		t.Fatalf("full missed a field: %s", b)
	}
}
