package reader

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/issue/textsafe"
	"dubao/ui/tui/common"
)

// follow follows the current article's next jump line (o): (下转第七版)
// to the continuation, (上接第一版) back to the start, (详见二版) to that
// page's first article; the jump lines of a continuation stitched on
// scroll the article to the seam where it was joined. Repeated o takes the
// jump lines in turn.
func (r *Page) follow() {
	a := r.Article()
	if a == nil || len(a.Jumps) == 0 {
		r.note.Fail("本文没有转版")
		return
	}
	k := r.jumpNext % len(a.Jumps)
	j := a.Jumps[k]
	next := r.jumpNext + 1
	text := textsafe.Line(j.Text)
	if j.Stitched {
		r.followSeam(a, k)
		return
	}
	if j.Page <= 0 {
		r.jumpNext = next
		r.note.Fail(fmt.Sprintf("%s：看不出转到哪一版", text))
		return
	}
	target, found := r.jumpTarget(j)
	if target < 0 {
		r.jumpNext = next
		r.note.Fail(fmt.Sprintf("%s：第%d版不在本期中", text, j.Page))
		return
	}
	_, pos := r.Position()
	r.history = append(r.history, place{art: r.cur, pos: pos, jumpNext: next, lay: r.lay, top: r.top})
	r.show(target)
	r.jumpNext = 0
	if target == r.history[len(r.history)-1].art {
		r.jumpNext = next
	}
	r.focus = focusArticle
	t := r.arts[target]
	if found {
		r.note.Set(fmt.Sprintf("%s → 第%d篇 %s(%s)", text, t.N, textsafe.Line(t.Headline()), common.Hint("返回", r.keys.Return)))
	} else {
		r.note.Set(fmt.Sprintf("%s → 第%d版第一篇(未找到对应的接续文章；%s)", text, j.Page, common.Hint("返回", r.keys.Return)))
	}
}

// followSeam scrolls the article to the seam of its stitched jump line
// Jumps[k], the lines of that seam taken as one, so that backspace returns.
func (r *Page) followSeam(a *issue.Article, k int) {
	j := a.Jumps[k]
	texts := []string{textsafe.Line(j.Text)}
	n := 1 // jump lines at this seam from k on
	for k+n < len(a.Jumps) && a.Jumps[k+n].Stitched && a.Jumps[k+n].Para == j.Para && a.Jumps[k+n].Offset == j.Offset {
		texts = append(texts, textsafe.Line(a.Jumps[k+n].Text))
		n++
	}
	next := r.jumpNext + n
	piece := a.SeamPiece(k)
	if piece < 0 || r.lay == nil {
		r.jumpNext = next
		r.note.Set(fmt.Sprintf("%s：续文已接在本文中", strings.Join(texts, " ")))
		return
	}
	_, pos := r.Position()
	r.history = append(r.history, place{art: r.cur, pos: pos, jumpNext: next, lay: r.lay, top: r.top})
	r.jumpNext = next
	r.focus = focusArticle
	// The seam line a third down the pane, the text before it above.
	loc := r.lay.LocOf(issue.Pos{Piece: piece})
	r.top = r.clampTop(r.lay.Step(loc, -r.g.BodyH/3))
	r.note.Set(fmt.Sprintf("%s：续文从此接上(%s)", strings.Join(texts, " "), common.Hint("返回", r.keys.Return)))
}

// jumpTarget returns the article a jump line leads to, and whether it is
// the matching article (the continuation, or the start) rather than just
// the first article of the page; −1 when the page is not in the issue.
func (r *Page) jumpTarget(j issue.Jump) (int, bool) {
	here := r.is.Sections[r.sec[r.cur]].Page
	first := -1
	for i, a := range r.arts {
		if r.is.Sections[r.sec[i]].Page != j.Page {
			continue
		}
		if first < 0 {
			first = i
		}
		if i == r.cur {
			continue
		}
		for _, back := range a.Jumps {
			if back.Page != here {
				continue
			}
			if j.Dir == issue.JumpTo && back.Dir == issue.JumpFrom ||
				j.Dir == issue.JumpFrom && back.Dir == issue.JumpTo {
				return i, true
			}
		}
	}
	if j.Dir == issue.JumpSee {
		// (讲话全文见第二版): the article on that page whose title shares
		// most with what the line names, else the page's first.
		topic, best := seeTopic(j.Text), 1
		for i, a := range r.arts {
			if r.is.Sections[r.sec[i]].Page != j.Page || i == r.cur {
				continue
			}
			if n := commonRunes(topic, a.Headline()); n > best {
				first, best = i, n
			}
		}
	}
	return first, first >= 0 && j.Dir == issue.JumpSee
}

// seeTopic returns what a cross-reference names: its text without the
// brackets and the 见第N版 part — 讲话全文 of （讲话全文见第二版）.
func seeTopic(text string) string {
	t := strings.Trim(text, "()（）〔〕[]【】 ")
	for _, cut := range []string{"详见", "请见", "参见", "见", "转"} {
		if i := strings.Index(t, cut); i >= 0 {
			return t[:i]
		}
	}
	return ""
}

// commonRunes is the length in characters of the longest common
// substring of a and b.
func commonRunes(a, b string) int {
	x, y := []rune(a), []rune(b)
	if len(x) == 0 || len(y) == 0 {
		return 0
	}
	prev, cur := make([]int, len(y)+1), make([]int, len(y)+1)
	best := 0
	for i := range x {
		for k := range y {
			if x[i] == y[k] {
				cur[k+1] = prev[k] + 1
				best = max(best, cur[k+1])
			} else {
				cur[k+1] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// jumpBack returns to where the last jump was made from (backspace); with
// no jump to return from it does nothing, and says so — in a single file as
// on a shelf: esc leaves the reader.
func (r *Page) jumpBack() tea.Cmd {
	if len(r.history) == 0 { // never leaves the issue: esc does that
		r.note.Set("没有可返回的转版(" + common.Hint("回到标题列表", r.keys.Back) + ")")
		return nil
	}
	p := r.history[len(r.history)-1]
	r.history = r.history[:len(r.history)-1]
	r.show(p.art)
	r.jumpNext = p.jumpNext
	switch {
	case r.lay != nil && r.lay == p.lay:
		r.top = r.clampTop(p.top)
	case r.lay != nil:
		r.top = r.clampTop(r.lay.LocOf(p.pos))
	}
	r.note.Set("已返回")
	return nil
}
