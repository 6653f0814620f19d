package reader

import "dubao/ui/tui/common"

// The results of the reader's background work go to the reader whatever
// page is shown when they come (common.Routed); each names the reader that
// started it, so that a reader opened since ignores them.

// RouteTo routes the message to the reader.
func (searchDoneMsg) RouteTo() common.PageID { return common.ReaderPage }

// RouteTo routes the message to the reader.
func (countsMsg) RouteTo() common.PageID { return common.ReaderPage }

// RouteTo routes the message to the reader.
func (pipeDoneMsg) RouteTo() common.PageID { return common.ReaderPage }

// RouteTo routes the message to the reader.
func (scriptDetectedMsg) RouteTo() common.PageID { return common.ReaderPage }
