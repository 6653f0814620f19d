package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"dubao/issue"
	"dubao/ui/render"
)

// follow follows the current article's next jump line (o): (下转第七版)
// to the continuation, (上接第一版) back to the start, (详见二版) to that
// page's first article. Repeated o takes the jump lines in turn.
func (r *Reader) follow() {
	a := r.article()
	if a == nil || len(a.Jumps) == 0 {
		r.msg, r.msgErr = "本文没有转版", true
		return
	}
	j := a.Jumps[r.jumpNext%len(a.Jumps)]
	next := r.jumpNext + 1
	text := render.Clean(j.Text)
	if j.Stitched {
		r.jumpNext = next
		r.msg = fmt.Sprintf("%s:续文已接在本文中", text)
		return
	}
	if j.Page <= 0 {
		r.jumpNext = next
		r.msg, r.msgErr = fmt.Sprintf("%s:看不出转到哪一版", text), true
		return
	}
	target, found := r.jumpTarget(j)
	if target < 0 {
		r.jumpNext = next
		r.msg, r.msgErr = fmt.Sprintf("%s:第%d版不在本期中", text, j.Page), true
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
		r.msg = fmt.Sprintf("%s → 第%d篇 %s(backspace 返回)", text, t.N, render.Clean(t.Title))
	} else {
		r.msg = fmt.Sprintf("%s → 第%d版第一篇(未找到对应的接续文章;backspace 返回)", text, j.Page)
	}
}

// jumpTarget returns the article a jump line leads to, and whether it is
// the matching article (the continuation, or the start) rather than just
// the first article of the page; −1 when the page is not in the issue.
func (r *Reader) jumpTarget(j issue.Jump) (int, bool) {
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
	return first, first >= 0 && j.Dir == issue.JumpSee
}

// jumpBack returns to where the last jump was made from (backspace); with
// no jump to return from it asks to leave the reader (to the shelf).
func (r *Reader) jumpBack() tea.Cmd {
	if len(r.history) == 0 {
		r.msg = "没有可返回的转版"
		return r.backMsg()
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
	r.msg = "已返回"
	return nil
}
