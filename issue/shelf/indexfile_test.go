package shelf

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"
)

// fillRecord sets every exported field of v, at every depth, to a value
// that is not zero — found by reflection, so that a field added to record
// or fileRec that the index file does not write fails TestIndexFile.
func fillRecord(t *testing.T, v reflect.Value, n int) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		v.SetString("字段" + string(rune('a'+n%26)))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(n*1_000_003 + 7))
	case reflect.Uint64:
		v.SetUint(uint64(n)*0x9E3779B97F4A7C15 + 1)
	case reflect.Uint8:
		v.SetUint(uint64(n%200 + 1))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Array:
		for i := range v.Len() {
			fillRecord(t, v.Index(i), n+i)
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fillRecord(t, s.Index(i), n+i+1)
		}
		v.Set(s)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fillRecord(t, p.Elem(), n+1)
		v.Set(p)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillRecord(t, v.Field(i), n+i+1)
			}
		}
	default:
		t.Fatalf("a field of kind %s (%s): teach encodeIndex and this test to write it", v.Kind(), v.Type())
	}
}

// TestIndexFile: an index reads back as written, every field of every
// record (filled by reflection) and negative numbers too; an index cut
// anywhere, or with bytes after its end, does not read; random damage
// never panics.
func TestIndexFile(t *testing.T) {
	f := indexFile{Version: indexVersion, Parser: 42, Dir: "/papers/星河"}
	for i := range 3 {
		r := &record{}
		fillRecord(t, reflect.ValueOf(r).Elem(), i*10)
		f.Records = append(f.Records, r)
	}
	f.Records = append(f.Records, &record{Path: "plain.md", Number: -3, Files: []fileRec{{Path: "plain.md", Size: 0, ModTime: -1, CTime: -2}}})
	data := encodeIndex(f)
	got, err := decodeIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, f) {
		t.Fatalf("read back:\n%+v\nwant\n%+v", got, f)
	}
	for n := range len(data) {
		if _, err := decodeIndex(data[:n]); err == nil {
			t.Fatalf("an index cut at %d of %d bytes reads", n, len(data))
		}
	}
	if _, err := decodeIndex(append(data[:len(data):len(data)], 0)); err == nil {
		t.Error("an index with a byte after its end reads")
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		bad := append([]byte{}, data...)
		for range 1 + r.IntN(4) {
			bad[r.IntN(len(bad))] = byte(r.IntN(256))
		}
		_, _ = decodeIndex(bad) // must not panic
	}
}

// TestIndexCorruptCountAllocates: an index whose count of records is
// corrupt (as large as the file could hold, the records themselves
// unreadable) is refused without first allocating room for all those
// records, about 15 times the file's size (review, issue #17).
func TestIndexCorruptCountAllocates(t *testing.T) {
	var e encoder
	e.b = append(e.b, indexMagic...)
	e.int(indexVersion)
	e.int(1)
	e.str("/shelf")
	const garbage = 4 << 20
	e.uint(garbage / 12)
	e.b = append(e.b, bytes.Repeat([]byte{0xFF}, garbage)...)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := decodeIndex(e.b); err == nil {
		t.Fatal("a corrupt index decoded")
	}
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > garbage {
		t.Errorf("%d MB allocated to refuse a corrupt index of %d MB", n>>20, len(e.b)>>20)
	}
}
