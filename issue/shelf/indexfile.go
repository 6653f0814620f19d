package shelf

import (
	"encoding/binary"
	"errors"
	"unsafe"
)

// The index file is binary — decoding a shelf's JSON index was about half
// of the time `dubao list SHELF` took with a warm cache. Every number is a
// varint, every string its length (a varint) and its bytes:
//
//	"DUBAOIDX" version parser dir count record…
//	record: path flags [kind detail zh limit] files file… paper date
//	        weekday number pages articles sections page… encoding
//	file:   path size mtime inode ctime sum(32 bytes) ends(8 bytes, LE)
//	then:   walkedAt files count folder…
//	folder: path mtime inode ctime
//	then:   count issue…
//	issue:  count member…
//	member: record date from page seq pageName count page…
//
// flags: 1 a folder, 2 an e-paper day, 4 a skipped file (its reason
// follows). A file that does not read as this whole — another magic, cut
// short, a count larger than what is left, bytes left over — is no index
// (errCorrupt), and the shelf is indexed again; what it says is then
// checked as any cached record is (plausible).

// indexMagic starts an index file.
const indexMagic = "DUBAOIDX"

// errCorrupt is the error of a cache file that does not read.
var errCorrupt = errors.New("corrupt cache file")

// Record flags.
const (
	flagFolder = 1 << iota
	flagDay
	flagSkip
)

// encodeIndex writes the index file of f.
func encodeIndex(f indexFile) []byte {
	var e encoder
	e.b = append(e.b, indexMagic...)
	e.int(int64(f.Version))
	e.int(int64(f.Parser))
	e.str(f.Dir)
	e.uint(uint64(len(f.Records)))
	for _, r := range f.Records {
		e.str(r.Path)
		var flags uint64
		if r.Folder {
			flags |= flagFolder
		}
		if r.Day {
			flags |= flagDay
		}
		if r.Skip != nil {
			flags |= flagSkip
		}
		e.uint(flags)
		if r.Skip != nil {
			e.uint(uint64(r.Skip.Kind))
			e.str(r.Skip.Detail)
			e.str(r.Skip.Zh)
			e.str(r.Skip.Limit)
		}
		e.uint(uint64(len(r.Files)))
		for _, fr := range r.Files {
			e.str(fr.Path)
			e.int(fr.Size)
			e.int(fr.ModTime)
			e.uint(fr.Inode)
			e.int(fr.CTime)
			e.b = append(e.b, fr.Sum[:]...)
			e.b = binary.LittleEndian.AppendUint64(e.b, fr.Ends)
		}
		e.str(r.Paper)
		e.str(r.Date)
		e.str(r.Weekday)
		e.int(int64(r.Number))
		e.int(int64(r.Pages))
		e.int(int64(r.Articles))
		e.uint(uint64(len(r.SectionPages)))
		for _, p := range r.SectionPages {
			e.int(int64(p))
		}
		e.str(r.Encoding)
	}
	e.int(f.WalkedAt)
	e.int(int64(f.Files))
	e.uint(uint64(len(f.Folders)))
	for _, fo := range f.Folders {
		e.str(fo.Path)
		e.int(fo.ModTime)
		e.uint(fo.Inode)
		e.int(fo.CTime)
	}
	e.uint(uint64(len(f.Issues)))
	for _, g := range f.Issues {
		e.uint(uint64(len(g)))
		for _, m := range g {
			e.int(int64(m.Record))
			e.str(m.Date)
			e.str(string(m.From))
			e.int(int64(m.Page))
			e.int(int64(m.Seq))
			e.str(m.PageName)
			e.uint(uint64(len(m.Pages)))
			for _, p := range m.Pages {
				e.int(int64(p))
			}
		}
	}
	return e.b
}

// decodeIndex reads an index file. Its strings share data's memory,
// which must not change afterwards.
func decodeIndex(data []byte) (indexFile, error) {
	var f indexFile
	if len(data) < len(indexMagic) || string(data[:len(indexMagic)]) != indexMagic {
		return f, errCorrupt
	}
	d := decoder{b: data[len(indexMagic):]}
	f.Version = d.small(d.varint())
	f.Parser = d.small(d.varint())
	f.Dir = d.str()
	// A record takes a dozen bytes at least.
	n := d.count(12)
	if d.err != nil {
		return f, d.err
	}
	// Records, their files and their pages are carved out of a few large
	// arrays (see block): an index is decoded at each search, before the
	// first issue is searched. The records too, as they are read: room
	// for n of them at once, some 15 times the bytes that n may claim,
	// would be taken before a corrupt count is found out.
	f.Records = make([]*record, 0, n)
	var records block[record]
	var fileRecs block[fileRec]
	var ints block[int]
	for range n {
		r := &records.take(1)[0]
		r.Path = d.str()
		flags := d.uvarint()
		r.Folder, r.Day = flags&flagFolder != 0, flags&flagDay != 0
		if flags&flagSkip != 0 {
			r.Skip = &Reason{Kind: ReasonKind(d.uvarint()), Detail: d.str(), Zh: d.str(), Limit: d.str()}
		}
		// A file takes 45 bytes at least: its sums, and a byte for each
		// other field.
		files := d.count(45)
		if d.err != nil {
			return f, d.err
		}
		r.Files = fileRecs.take(files)
		for i := range r.Files {
			fr := &r.Files[i]
			fr.Path, fr.Size, fr.ModTime, fr.Inode, fr.CTime = d.str(), d.varint(), d.varint(), d.uvarint(), d.varint()
			copy(fr.Sum[:], d.bytes(len(fr.Sum)))
			if b := d.bytes(8); b != nil {
				fr.Ends = binary.LittleEndian.Uint64(b)
			}
		}
		r.Paper, r.Date, r.Weekday = d.str(), d.str(), d.str()
		r.Number, r.Pages, r.Articles = d.small(d.varint()), d.small(d.varint()), d.small(d.varint())
		if sections := d.count(1); sections > 0 {
			r.SectionPages = ints.take(sections)
			for i := range r.SectionPages {
				r.SectionPages[i] = d.small(d.varint())
			}
		}
		r.Encoding = d.str()
		if d.err != nil {
			return f, d.err
		}
		f.Records = append(f.Records, r)
	}
	f.WalkedAt = d.varint()
	f.Files = d.small(d.varint())
	// A folder takes four bytes at least.
	if folders := d.count(4); folders > 0 {
		f.Folders = make([]folderRec, folders)
		for i := range f.Folders {
			fo := &f.Folders[i]
			fo.Path, fo.ModTime, fo.Inode, fo.CTime = d.str(), d.varint(), d.uvarint(), d.varint()
		}
	}
	// An issue takes a byte at least, a member seven.
	if issues := d.count(1); issues > 0 {
		f.Issues = make([][]memberRec, issues)
		var members block[memberRec]
		for i := range f.Issues {
			g := members.take(d.count(7))
			for k := range g {
				m := &g[k]
				m.Record, m.Date, m.From = d.small(d.varint()), d.str(), DateSource(d.str())
				m.Page, m.Seq, m.PageName = d.small(d.varint()), d.small(d.varint()), d.str()
				if pages := d.count(1); pages > 0 {
					m.Pages = ints.take(pages)
					for p := range m.Pages {
						m.Pages[p] = d.small(d.varint())
					}
				}
			}
			f.Issues[i] = g
			if d.err != nil {
				return f, d.err
			}
		}
	}
	if d.err != nil {
		return f, d.err
	}
	if len(d.rest()) != 0 {
		return f, errCorrupt
	}
	return f, nil
}

// block hands out slices carved from larger arrays, for many small
// slices at the cost of a few allocations. Each slice is full (its
// capacity its length): appending to it copies it.
type block[T any] struct{ free []T }

// blockSize is the length of the arrays a block carves slices from.
const blockSize = 1024

// take returns a slice of n zero values.
func (b *block[T]) take(n int) []T {
	if n > len(b.free) {
		if n > blockSize/4 {
			return make([]T, n)
		}
		b.free = make([]T, blockSize)
	}
	s := b.free[:n:n]
	b.free = b.free[n:]
	return s
}

// encoder writes the fields of a binary cache file.
type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// decoder reads the fields of a binary cache file; the first error
// (the data ends early, a count larger than what is left) sticks, and
// every read after it gives zero values. It reads b from i on: moving
// on writes an int, not a slice (which would write a pointer, through a
// write barrier while the garbage collector runs).
type decoder struct {
	b   []byte
	i   int
	err error
}

// rest returns the bytes not read yet.
func (d *decoder) rest() []byte { return d.b[d.i:] }

// fail records that the data does not read: the error sticks, and no
// bytes are left to read.
func (d *decoder) fail() {
	d.err, d.i = errCorrupt, len(d.b)
}

// uvarint reads an unsigned varint: one of one byte (most of those of a
// shelf's outlines) here, others in uvarintLong.
func (d *decoder) uvarint() uint64 {
	if i := d.i; i < len(d.b) && d.b[i] < 0x80 { // none left after an error (fail)
		d.i = i + 1
		return uint64(d.b[i])
	}
	return d.uvarintLong()
}

// uvarintLong is uvarint for a varint of more than one byte (or none).
func (d *decoder) uvarintLong() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.rest())
	if n <= 0 {
		d.fail()
		return 0
	}
	d.i += n
	return v
}

// varint reads a signed varint.
func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.rest())
	if n <= 0 {
		d.fail()
		return 0
	}
	d.i += n
	return v
}

// small returns v as an int, for a value that must fit one and be
// small (a version, a count of pages): anything else is an error.
func (d *decoder) small(v int64) int {
	if v > 1<<31 || v < -(1<<31) {
		d.fail()
		return 0
	}
	return int(v)
}

// count reads a count of things that take at least size bytes each: one
// larger than what is left is an error (a corrupt or hostile file never
// makes a huge allocation).
func (d *decoder) count(size int) int {
	v := d.uvarint()
	if d.err == nil && v > uint64((len(d.b)-d.i)/size) {
		d.fail()
		return 0
	}
	return int(v)
}

// bytes reads n bytes (a part of the data, not a copy).
func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n > len(d.b)-d.i {
		d.fail()
		return nil
	}
	out := d.b[d.i : d.i+n : d.i+n]
	d.i += n
	return out
}

// str reads a string that shares the data's memory.
func (d *decoder) str() string {
	b := d.bytes(d.count(1))
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
