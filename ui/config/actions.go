package config

import (
	"fmt"
	"strings"
)

// Action is something the reader does on a key: its name in the
// configuration file, its default keys and the help text shown for it.
type Action struct {
	Name string
	Keys []string
	// Help is the key's description in the help overlay.
	Help string
}

// The names of the reader's actions.
const (
	ActUp           = "up"
	ActDown         = "down"
	ActOpen         = "open"
	ActBack         = "back"
	ActPageDown     = "page_down"
	ActPageUp       = "page_up"
	ActHalfDown     = "half_down"
	ActHalfUp       = "half_up"
	ActTop          = "top"
	ActBottom       = "bottom"
	ActNextArticle  = "next_article"
	ActPrevArticle  = "prev_article"
	ActNextPage     = "next_page"
	ActPrevPage     = "prev_page"
	ActSearch       = "search"
	ActNextMatch    = "next_match"
	ActPrevMatch    = "prev_match"
	ActFollow       = "follow_jump"
	ActReturn       = "jump_back"
	ActWider        = "wider"
	ActNarrower     = "narrower"
	ActResetMeasure = "reset_measure"
	ActCopy         = "copy"
	ActPipe         = "pipe"
	ActHelp         = "help"
	ActQuit         = "quit"
	ActPrevIssue    = "prev_issue"
	ActNextIssue    = "next_issue"
	ActNextUnread   = "next_unread"
	ActBookmark     = "bookmark"
	ActBookmarks    = "bookmarks"
	ActSkipped      = "skipped_files"
	ActScript       = "switch_script"
	ActSwitchPane   = "switch_pane"
	ActToggleRead   = "toggle_read"
	ActPageRead     = "mark_page_read"
	ActIssueRead    = "mark_issue_read"
)

// Actions returns the reader's actions with their default keys, in the
// order the help shows them.
func Actions() []Action {
	return []Action{
		{ActDown, []string{"j", "down"}, "下移 / 向下滚动"},
		{ActUp, []string{"k", "up"}, "上移 / 向上滚动"},
		{ActOpen, []string{"enter", "l", "right"}, "读文章"},
		{ActSwitchPane, []string{"tab"}, "切换标题列表和文章"},
		{ActBack, []string{"esc", "h", "left"}, "回到标题列表"},
		{ActPageDown, []string{"space", "pgdown", "f"}, "文章下一页(文末接下一篇)"},
		{ActPageUp, []string{"b", "pgup"}, "文章上一页"},
		{ActHalfDown, []string{"d"}, "下半页(列表中下移半页)"},
		{ActHalfUp, []string{"u"}, "上半页(列表中上移半页)"},
		{ActTop, []string{"g", "home"}, "文首"},
		{ActBottom, []string{"G", "end"}, "文末"},
		{ActNextArticle, []string{"J"}, "下一篇"},
		{ActPrevArticle, []string{"K"}, "上一篇"},
		{ActNextPage, []string{"]"}, "下一版"},
		{ActPrevPage, []string{"["}, "上一版"},
		{ActSearch, []string{"/"}, "搜索全期"},
		{ActNextMatch, []string{"n"}, "下一处"},
		{ActPrevMatch, []string{"N"}, "上一处"},
		{ActFollow, []string{"o"}, "转版(下转第N版)"},
		{ActReturn, []string{"backspace"}, "转回原处(转版或书签前)"},
		{ActWider, []string{"+"}, "加宽版心"},
		{ActNarrower, []string{"-"}, "收窄版心"},
		{ActResetMeasure, []string{"="}, "恢复版心"},
		{ActCopy, []string{"y"}, "复制本文(OSC 52)"},
		{ActPipe, []string{"|"}, "本文交给命令"},
		{ActScript, []string{"t"}, "原文 → 简 → 繁 轮换显示"},
		{ActPrevIssue, []string{"<"}, "前一天(同一报纸)"},
		{ActNextIssue, []string{">"}, "后一天(同一报纸)"},
		{ActNextUnread, []string{"U"}, "下一篇未读"},
		{ActToggleRead, []string{"r"}, "本篇标为已读/未读"},
		{ActPageRead, []string{"P"}, "本版都标为已读"},
		{ActIssueRead, []string{"A"}, "全期都标为已读"},
		{ActBookmark, []string{"m"}, "加/删书签"},
		{ActBookmarks, []string{"M"}, "书签列表"},
		{ActSkipped, []string{"s"}, "书架:跳过的文件"},
		{ActHelp, []string{"?"}, "帮助"},
		{ActQuit, []string{"q"}, "退出"},
	}
}

// Default returns the default configuration file, documented: what
// `dubao config --default` prints. Parsing it gives Defaults().
func Default() string {
	var b strings.Builder
	b.WriteString(`# dubao configuration: $XDG_CONFIG_HOME/dubao/config.toml
# (~/.config/dubao/config.toml when XDG_CONFIG_HOME is not set).
# Every setting is optional; a missing one keeps its default, shown here.

# Colours: "auto" (detect the terminal background), "dark", "light",
# or "notty" (no colours). The NO_COLOR environment variable is honoured.
style = "auto"

`)
	fmt.Fprintf(&b, `# Reading measure: the widest text column, in 汉字 (two columns each),
# from %d to %d. The keys + and - change it while reading, and the measure
# set last is remembered for the next run (one for every window width: a
# narrow window shows what fits); = goes back to this one.
measure = %d

`, MinMeasure, MaxMeasure, DefaultMeasure)
	b.WriteString(`# East Asian ambiguous characters (“ ” … — ·): "narrow" (one column)
# or "wide" (two), as your terminal draws them.
ambiguous = "narrow"

# Script (繁简): show Chinese text converted with OpenCC's phrase
# dictionaries (头发 → 頭髮, not 頭發). "none" shows it as written; to
# Traditional: "s2t", "s2tw" (Taiwan's forms), "s2hk" (Hong Kong's),
# "s2twp" (Taiwan's forms and words: 软件 → 軟體); to Simplified: "t2s",
# "tw2s", "hk2s", "tw2sp". "auto-s" converts only an issue that is mostly
# Traditional to Simplified, "auto-t" only a Simplified one to Traditional.
# --script on the command line wins; search finds either script anyway.
# In the reader the key t (switch_script below) turns 原文 → 简 → 繁.
script = "none"

# Punctuation: "full-width" sets the half-width , ( ) ; : ? ! that some
# sources (PDF exports) put between Chinese characters full width when
# shown (指出,今年 → 指出，今年), never inside numbers or Latin text
# (2,861.3, A,B); "as-written" shows them as the source has them. json,
# search and text piped without --width always keep the source's marks.
punctuation = "full-width"

# Paragraphs: "indent" sets them as Chinese print does, each one's first
# line indented by two 汉字 and no blank line between them (half again as
# much text on a screen; crossheads, quotes, lists and tables keep their
# space); "spaced" adds a blank line between paragraphs, as web pages do.
# Plain text (piped, or cat --width), which has no indent, always has a
# blank line between paragraphs.
paragraphs = "indent"

# Keys: each action takes a list of keys as bubbletea names them: a
# character ("j", "G", "?"), a named key (up, down, left, right, home, end,
# pgup, pgdown, enter, tab, backspace, esc, space, delete, insert, f1…f12),
# or either after modifiers ("ctrl+d", "alt+j"). A key may do one action.
# Digits followed by enter always jump to headline N (the number waits for enter),
# and ctrl+c always quits.
[keys]
`)
	for _, a := range Actions() {
		q := make([]string, len(a.Keys))
		for i, k := range a.Keys {
			q[i] = fmt.Sprintf("%q", k)
		}
		line := fmt.Sprintf("%s = [%s]", a.Name, strings.Join(q, ", "))
		fmt.Fprintf(&b, "%-40s # %s\n", line, a.Help)
	}
	return b.String()
}
