package reader

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"dubao/ui/tui/common"
)

// A | command that is interactive — a pager or an editor, or any command
// written after a ! — is given the terminal (bubbletea's ExecProcess), as
// less and newsboat do: the reader steps aside, the command runs on the
// screen with its keys, and the reader comes back when it ends. A pager
// reads the article on its stdin, wrapped at the reading measure by the
// Chinese line breaker (a pager would break a line before 。); an editor
// gets it as a file (removed afterwards), one paragraph per line. Any other command runs in the background with its output
// captured and shown over the article (see runPipe).

// pagers and editors are the programs | gives the terminal to, besides
// $PAGER, $EDITOR and $VISUAL.
var (
	pagers  = map[string]bool{"less": true, "more": true, "most": true, "pg": true, "lv": true}
	editors = map[string]bool{"vi": true, "vim": true, "nvim": true, "nano": true, "emacs": true, "micro": true,
		"hx": true, "kak": true, "mg": true, "joe": true, "ne": true, "ed": true}
)

// execKind says how a | command runs.
type execKind uint8

const (
	execCapture execKind = iota // in the background, its output shown
	execStdin                   // with the terminal, the article on its stdin (!command)
	execPager                   // a pager: the article on its stdin, wrapped at the measure
	execFile                    // with the terminal, the article as a file (an editor)
)

// commandKind tells how command runs, and the command to run (without its
// ! prefix). getenv reads $PAGER, $EDITOR and $VISUAL.
func commandKind(command string, getenv func(string) string) (execKind, string) {
	command = strings.TrimSpace(command)
	if rest, ok := strings.CutPrefix(command, "!"); ok {
		return execStdin, strings.TrimSpace(rest)
	}
	name := programName(command)
	switch {
	case name == "":
	case pagers[name] || name == programName(getenv("PAGER")):
		return execPager, command
	case editors[name] || name == programName(getenv("EDITOR")) || name == programName(getenv("VISUAL")):
		return execFile, command
	}
	return execCapture, command
}

// programName is the base name of the program a command runs (its first
// word, after any VAR=value settings), "" for none.
func programName(command string) string {
	for _, w := range strings.Fields(command) {
		if strings.Contains(w, "=") && !strings.HasPrefix(w, "=") {
			continue
		}
		return filepath.Base(w)
	}
	return ""
}

// execDoneMsg says that an interactive | command gave the terminal back.
type execDoneMsg struct {
	from    *Page
	command string
	err     error
}

// execPipe runs command with the terminal: a pager with text on its
// stdin, an editor on a file holding text.
func (r *Page) execPipe(kind execKind, command, text string) tea.Cmd {
	var c *exec.Cmd
	tmp := ""
	switch kind {
	case execFile:
		f, err := os.CreateTemp("", "dubao-*.txt")
		if err == nil {
			_, err = f.WriteString(text)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			r.note.Fail("写不了临时文件：" + err.Error())
			if f != nil {
				os.Remove(f.Name())
			}
			return nil
		}
		tmp = f.Name()
		c = exec.Command("sh", "-c", command+` "$1"`, "sh", tmp)
	default:
		c = exec.Command("sh", "-c", command)
		c.Stdin = strings.NewReader(text)
	}
	from := r
	return tea.ExecProcess(c, func(err error) tea.Msg {
		if tmp != "" {
			os.Remove(tmp)
		}
		return execDoneMsg{from: from, command: command, err: err}
	})
}

// execDone is told that an interactive command ended.
func (r *Page) execDone(msg execDoneMsg) {
	if msg.from != r {
		return
	}
	var ee *exec.ExitError
	switch {
	case msg.err == nil:
		r.note.Set("| " + msg.command + " 已结束")
	case errors.As(msg.err, &ee):
		r.note.Fail(fmt.Sprintf("| %s：退出码 %d", msg.command, ee.ExitCode()))
	default:
		r.note.Fail("| " + msg.command + "：" + msg.err.Error())
	}
}

// RouteTo routes the message to the reader.
func (execDoneMsg) RouteTo() common.PageID { return common.ReaderPage }
