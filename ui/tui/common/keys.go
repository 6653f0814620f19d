// Package common is what the pages of the full-screen program share: the
// key map (one for every page, each page keeping its own copy) and its
// help, the messages between the pages and the root, the geometry of the
// screen, the environment the root gives its pages, and the widgets every
// page draws with — the status line (StatusLine), the prompt (Prompt),
// the scroller (Scroller, and Help over it) and the text helpers that cut
// and pad to a width. A new key starts in keys.go.
package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/ui/config"
)

// KeyMap is every key binding of dubao's pages. Pages match keys with
// Matches on these bindings only, and the help overlays list them, so help
// always shows what the keys do. A new key is an action in ui/config
// (Actions, with its default keys and help), a field here bound in
// NewKeyMap and listed in FullHelp or ShelfHelp, and a case in the key
// handling of the pages it works on. Each page keeps its own copy, whose
// bindings it enables (SetEnabled) as they do something there.
type KeyMap struct {
	Up, Down, Open, Back               key.Binding
	PageDown, PageUp, HalfDown, HalfUp key.Binding
	Top, Bottom                        key.Binding
	NextArticle, PrevArticle           key.Binding
	NextPage, PrevPage                 key.Binding
	Search, NextMatch, PrevMatch       key.Binding
	Follow, Return                     key.Binding
	Wider, Narrower, ResetMeasure      key.Binding
	Copy, Pipe, Help, Quit             key.Binding
	PrevIssue, NextIssue               key.Binding // the previous/next day of the paper (from a shelf)
	NextUnread                         key.Binding
	SwitchPane                         key.Binding // tab: the list ⇄ the article
	ToggleRead, PageRead, IssueRead    key.Binding // read marks: this article, this page, the issue
	Bookmark, Bookmarks                key.Binding
	Skipped                            key.Binding // the shelf's panel of skipped files
	Script                             key.Binding // 原文 → 简 → 繁 (繁简)
	Digits                             key.Binding // 0–9 then enter: headline N
	// Fixed keys, not configurable: ctrl+c, and the keys of prompts and
	// of a typed number.
	Interrupt, Confirm, Cancel, Erase key.Binding
}

// DefaultKeyMap returns the key map with dubao's default keys.
func DefaultKeyMap() KeyMap {
	return NewKeyMap(config.Defaults().Keys)
}

// NewKeyMap returns the key map with the keys of each action taken from
// keys (config.Config.Keys); actions missing from keys keep their defaults.
func NewKeyMap(keys map[string][]string) KeyMap {
	var m KeyMap
	byAction := map[string]*key.Binding{
		config.ActUp: &m.Up, config.ActDown: &m.Down, config.ActOpen: &m.Open, config.ActBack: &m.Back,
		config.ActPageDown: &m.PageDown, config.ActPageUp: &m.PageUp,
		config.ActHalfDown: &m.HalfDown, config.ActHalfUp: &m.HalfUp,
		config.ActTop: &m.Top, config.ActBottom: &m.Bottom,
		config.ActNextArticle: &m.NextArticle, config.ActPrevArticle: &m.PrevArticle,
		config.ActNextPage: &m.NextPage, config.ActPrevPage: &m.PrevPage,
		config.ActSearch: &m.Search, config.ActNextMatch: &m.NextMatch, config.ActPrevMatch: &m.PrevMatch,
		config.ActFollow: &m.Follow, config.ActReturn: &m.Return,
		config.ActWider: &m.Wider, config.ActNarrower: &m.Narrower, config.ActResetMeasure: &m.ResetMeasure,
		config.ActCopy: &m.Copy, config.ActPipe: &m.Pipe, config.ActHelp: &m.Help, config.ActQuit: &m.Quit,
		config.ActPrevIssue: &m.PrevIssue, config.ActNextIssue: &m.NextIssue, config.ActNextUnread: &m.NextUnread,
		config.ActSwitchPane: &m.SwitchPane, config.ActToggleRead: &m.ToggleRead, config.ActPageRead: &m.PageRead, config.ActIssueRead: &m.IssueRead,
		config.ActBookmark: &m.Bookmark, config.ActBookmarks: &m.Bookmarks, config.ActSkipped: &m.Skipped,
		config.ActScript: &m.Script,
	}
	for _, a := range config.Actions() {
		ks := a.Keys
		if k, ok := keys[a.Name]; ok && len(k) > 0 {
			ks = k
		}
		*byAction[a.Name] = key.NewBinding(key.WithKeys(ks...), key.WithHelp(HelpKeys(ks), a.Help))
	}
	m.Digits = key.NewBinding(
		key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		key.WithHelp("数字 enter", "跳到第N篇"),
	)
	m.Interrupt = key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "中断退出"))
	m.Confirm = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "确定"))
	m.Cancel = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "取消"))
	m.Erase = key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "删除"))
	return m
}

// HelpKeys writes keys for the help, separated by spaces — "j ↓", "/
// ctrl+f" — so that a key that is itself a slash or a comma reads as a
// key, not as a separator.
func HelpKeys(keys []string) string {
	out := ""
	for i, k := range keys {
		if i > 0 {
			out += " "
		}
		switch k {
		case "up":
			k = "↑"
		case "down":
			k = "↓"
		case "left":
			k = "←"
		case "right":
			k = "→"
		}
		out += k
	}
	return out
}

// FullHelp returns every binding, in columns, for the help overlay.
func (m KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{m.Down, m.Up, m.Open, m.Back, m.SwitchPane, m.PageDown, m.PageUp, m.HalfDown, m.HalfUp, m.Top, m.Bottom},
		{m.NextArticle, m.PrevArticle, m.NextPage, m.PrevPage, m.Digits, m.Follow, m.Return, m.Search, m.NextMatch, m.PrevMatch},
		{m.NextUnread, m.ToggleRead, m.PageRead, m.IssueRead, m.Bookmark, m.Bookmarks, m.PrevIssue, m.NextIssue, m.Skipped},
		{m.Wider, m.Narrower, m.ResetMeasure, m.Script, m.Copy, m.Pipe, m.Help, m.Quit, m.Interrupt},
	}
}

// Hint says which keys do what, for a message, a status line or a
// title, from the key map, so that a key the configuration changed reads
// as it is: the first key of each binding, joined by "/", then what they
// do — Hint("关闭", k.Help, k.Cancel) is "?/esc 关闭" with the default
// keys. A binding without keys is left out.
func Hint(does string, bs ...key.Binding) string {
	if ks := firstKeys(bs...); ks != "" {
		return ks + " " + does
	}
	return does
}

// firstKeys writes the first key of each of bs, joined by "/": "j/k".
func firstKeys(bs ...key.Binding) string {
	var ks []string
	for _, b := range bs {
		if keys := b.Keys(); len(keys) > 0 {
			ks = append(ks, HelpKeys(keys[:1]))
		}
	}
	return strings.Join(ks, "/")
}

// ShelfHelp returns the bindings the shelf (and the bookmarks list) uses,
// with what they do there: the same keys as the reader's, described for a
// list of issues. Their enabled state is the receiver's.
func (m KeyMap) ShelfHelp() []key.Binding {
	say := func(b key.Binding, desc string) key.Binding {
		b.SetHelp(b.Help().Key, desc)
		return b
	}
	return []key.Binding{
		say(m.Down, "下移"), say(m.Up, "上移"), say(m.Open, "打开"),
		say(m.Back, "返回 / 取消搜索 / 关闭"),
		say(m.PageDown, "下一页"), say(m.PageUp, "上一页"),
		say(m.HalfDown, "下半页"), say(m.HalfUp, "上半页"),
		say(m.Top, "最前"), say(m.Bottom, "最后"),
		say(m.NextPage, "下一个月(更早)"), say(m.PrevPage, "上一个月(更近)"),
		say(m.Search, "搜索各期"), say(m.Bookmark, "删除书签(书签列表里)"),
		m.Bookmarks, say(m.Skipped, "跳过的文件"),
		m.Help, m.Quit, m.Interrupt,
	}
}

// Step is where a movement key takes position cur in a list or a view:
// j/k one step, space/b a page, d/u half a page, g/G the ends (0 and
// last). ok is false for any other key; the caller clamps next. Every list
// and view moves with it, so that they all answer the same keys alike.
func Step(msg tea.KeyPressMsg, k *KeyMap, cur, page, half, last int) (next int, ok bool) {
	switch {
	case Matches(msg, k.Down):
		return cur + 1, true
	case Matches(msg, k.Up):
		return cur - 1, true
	case Matches(msg, k.PageDown):
		return cur + page, true
	case Matches(msg, k.PageUp):
		return cur - page, true
	case Matches(msg, k.HalfDown):
		return cur + half, true
	case Matches(msg, k.HalfUp):
		return cur - half, true
	case Matches(msg, k.Top):
		return 0, true
	case Matches(msg, k.Bottom):
		return last, true
	}
	return cur, false
}

// Matches reports whether msg is a key of one of bs, enabled or not: the
// one way every page matches keys. A binding is disabled only to dim it in
// the help (it does nothing at the moment); its key still answers, and the
// page says why it does nothing, or does nothing.
func Matches(msg tea.KeyPressMsg, bs ...key.Binding) bool {
	k := msg.String()
	for _, b := range bs {
		for _, v := range b.Keys() {
			if k == v {
				return true
			}
		}
	}
	return false
}
