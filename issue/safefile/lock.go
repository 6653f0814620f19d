package safefile

import "errors"

// ErrLocked is the error of Lock when another process holds the lock.
var ErrLocked = errors.New("held by another dubao")
