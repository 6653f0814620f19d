package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
)

// A crash of the reader — a panic, a bug — must leave the terminal as it
// was: bubbletea recovers a panic of the program (its Init, Update, View
// and commands), restores the terminal (main screen, cursor, mouse modes,
// bracketed paste) and prints the stack. crashGuard adds what it does not
// do: the report is written to a file, which Run's error names, and the
// reading state is saved.

// crashReport is where a crash of the reader is written: the first panic
// only.
type crashReport struct {
	dir string // the folder of the report

	mu    sync.Mutex
	path  string // the report written, "" before a crash
	value any    // what panicked
}

// record writes the report of the panic r, with the stack where it
// happened, once.
func (c *crashReport) record(r any, stack []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.path != "" || c.value != nil {
		return
	}
	c.value = r
	name := filepath.Join(c.dir, "dubao-crash-"+time.Now().Format("20060102-150405")+".txt")
	info, _ := debug.ReadBuildInfo()
	version := "devel"
	if info != nil {
		version = info.Main.Version
	}
	text := fmt.Sprintf("dubao %s crashed at %s\n\npanic: %v\n\n%s", version, time.Now().Format(time.RFC3339), r, stack)
	if err := os.MkdirAll(c.dir, 0o700); err == nil && os.WriteFile(name, []byte(text), 0o600) == nil {
		c.path = name
	}
}

// err returns the error of Run after a crash: what panicked and where the
// report is.
func (c *crashReport) err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	where := "no report could be written"
	if c.path != "" {
		where = "the report is in " + c.path
	}
	if c.value == nil {
		return fmt.Errorf("crashed (a bug in dubao); the terminal was restored")
	}
	return fmt.Errorf("crashed (a bug in dubao: %v); the terminal was restored, %s", c.value, where)
}

// crashGuard is the reader's model for bubbletea: the root model, whose
// panics it reports (see crashReport) before bubbletea restores the
// terminal.
type crashGuard struct {
	m      *Model
	report *crashReport
}

// catch records a panic and panics again, for bubbletea to restore the
// terminal. It must be deferred.
func (g crashGuard) catch() {
	if r := recover(); r != nil {
		g.report.record(r, debug.Stack())
		panic(r)
	}
}

func (g crashGuard) Init() tea.Cmd {
	defer g.catch()
	return g.wrap(g.m.Init())
}

func (g crashGuard) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	defer g.catch()
	if k, ok := msg.(tea.KeyPressMsg); ok && g.m.opt.crashOn != "" && k.String() == g.m.opt.crashOn {
		panic("a crash asked for by a test")
	}
	_, cmd := g.m.Update(msg)
	return g, g.wrap(cmd)
}

func (g crashGuard) View() tea.View {
	defer g.catch()
	return g.m.View()
}

// wrap makes a command's panic reported too, and those of the commands
// of a batch it returns.
func (g crashGuard) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		defer g.catch()
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for i := range batch {
				batch[i] = g.wrap(batch[i])
			}
		}
		return msg
	}
}
