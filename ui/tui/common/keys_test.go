package common

import (
	"testing"

	"charm.land/bubbles/v2/key"
)

func TestHint(t *testing.T) {
	k := NewKeyMap(map[string][]string{"help": {"f1", "?"}, "down": {"down", "j"}})
	tests := []struct {
		does string
		bs   []key.Binding
		want string
	}{
		{"帮助", []key.Binding{k.Help}, "f1 帮助"},
		{"滚动", []key.Binding{k.Down, k.Up}, "↓/k 滚动"},
		{"关闭", []key.Binding{k.Help, k.Cancel}, "f1/esc 关闭"},
		{"取消", []key.Binding{key.NewBinding()}, "取消"}, // no key: what it does alone
		{"打开", []key.Binding{key.NewBinding(), k.Open}, "enter 打开"},
	}
	for _, tt := range tests {
		if got := Hint(tt.does, tt.bs...); got != tt.want {
			t.Errorf("Hint(%q, …) = %q, want %q", tt.does, got, tt.want)
		}
	}
}
