package state

import (
	"maps"
	"slices"
)

// What a change of an article's state touched (see Issue.changed).
const (
	changedPos uint8 = 1 << iota
	changedRead
	changedBookmark
	changedTitle
)

// changes is what this run changed in an issue's state since it was last
// saved: a save applies exactly these to the state on disk, so that two
// readers of the same issue (two terminals) never undo each other's
// bookmarks, read marks or places.
type changes struct {
	articles map[int]uint8 // by article number: what changed
	last     bool          // Issue.Last
	describe bool          // Paper, Name, Date, Path
	// whole says that the state is to be written as it is (Bind renumbered
	// its articles: the numbers on disk mean other articles).
	whole bool
}

// empty reports whether nothing changed.
func (c *changes) empty() bool {
	return len(c.articles) == 0 && !c.last && !c.describe && !c.whole
}

// mark records that fields of article n changed.
func (c *changes) mark(n int, fields uint8) {
	if c.articles == nil {
		c.articles = map[int]uint8{}
	}
	c.articles[n] |= fields
}

// add records what o changed too.
func (c *changes) add(o changes) {
	for n, f := range o.articles {
		c.mark(n, f)
	}
	c.last = c.last || o.last
	c.describe = c.describe || o.describe
	c.whole = c.whole || o.whole
}

// pending is one save of an issue's state: a copy of the state as it was
// then, and what had changed in it.
type pending struct {
	st      *Issue
	changes changes
}

// take returns a pending save of st (a copy: st may change at once) and
// forgets st's changes: they are the save's now.
func (st *Issue) take() pending {
	p := pending{st: st.clone(), changes: st.changes}
	st.changes = changes{}
	return p
}

// giveBack returns the changes of a save that failed to st, so that the
// next save of st tries them again.
func (st *Issue) giveBack(c changes) { st.changes.add(c) }

// clone returns a deep copy of st, without its changes.
func (st *Issue) clone() *Issue {
	c := *st
	c.changes = changes{}
	c.Articles = make(map[int]*Article, len(st.Articles))
	for n, a := range st.Articles {
		if a == nil {
			continue
		}
		ac := *a
		if a.Bookmarked != nil {
			t := *a.Bookmarked
			ac.Bookmarked = &t
		}
		c.Articles[n] = &ac
	}
	return &c
}

// merge applies the changes of p to disk, the state saved now (nil: none,
// or unreadable), and returns what to write: p's state as it is when
// there is nothing on disk or it is to be written whole; else disk with
// p's changes — bookmarks and read marks are sets, each article's place
// and the last article read go to the latest writer.
func merge(disk *Issue, p pending) *Issue {
	if disk == nil || p.changes.whole {
		return p.st.clone()
	}
	out := disk.clone()
	out.Version = version
	if p.changes.describe {
		out.Paper, out.Path = p.st.Paper, p.st.Path
		if p.st.Name != "" {
			out.Name = p.st.Name
		}
		if p.st.Date != "" {
			out.Date = p.st.Date
		}
	}
	if p.changes.last {
		out.Last = p.st.Last
	}
	for _, n := range slices.Sorted(maps.Keys(p.changes.articles)) {
		f := p.changes.articles[n]
		mine := p.st.Articles[n]
		if mine == nil {
			continue
		}
		a := out.Articles[n]
		if a == nil {
			a = &Article{}
			out.Articles[n] = a
		}
		if f&changedTitle != 0 || a.Title == "" {
			a.Title = mine.Title
		}
		if f&changedPos != 0 {
			a.Pos = mine.Pos
		}
		if f&changedRead != 0 {
			a.Read = mine.Read
		}
		if f&changedBookmark != 0 {
			a.Bookmarked = nil
			if mine.Bookmarked != nil {
				t := *mine.Bookmarked
				a.Bookmarked = &t
			}
		}
	}
	return out
}
