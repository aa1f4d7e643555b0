package journalfile

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode"
	"unicode/utf8"
)

// source is a Tether JSON file as ReadExport reads it: the structure
// (braces, brackets, keys, commas) one byte at a time, and each value
// whole, through a fresh json.Decoder, so that a syntax error is found at
// exactly the byte json.Unmarshal of the whole file would have found it,
// and said in the same words (line and column, or "cut off"). Nothing is
// held but the value being read and the last few kilobytes of the file,
// kept to tell the line and column of a mistake.
type source struct {
	r       *bufio.Reader
	buf     []byte // read from r, not yet used
	off     int64  // where buf[0] is in the file (after a byte order mark)
	readErr error  // the first error of reading r other than io.EOF
	eof     bool
	where   lineTracker
	depth   int // nesting of arrays and objects at the cursor
}

// maxValueBytes bounds one value of the file (a record, a setting, a
// key): far beyond any record Tether writes (a contact's notes are at
// most 10,000 characters), and what keeps memory flat for a file of any
// size, even a hostile one. A variable so that a test need not make 64 MB.
var maxValueBytes int64 = 64 << 20

// maxDepth is encoding/json's bound on nesting: deeper is a syntax error.
const maxDepth = 10000

// readChunk is how much of the file is read at a time, so that a value's
// decoder reads little beyond a mistake (where keeps what it needs to say
// where the mistake is).
const readChunk = 4 << 10

// errValueTooLarge stops a value's decoder at maxValueBytes.
var errValueTooLarge = errors.New("value too large")

// ReadError is an error of reading the file itself (a disk, a damaged
// encrypted file), as opposed to what the file says.
type ReadError struct{ Err error }

func (e *ReadError) Error() string { return "read the journal export: " + e.Err.Error() }

func (e *ReadError) Unwrap() error { return e.Err }

// syntaxError is where the file stops being JSON, or that it ends too
// early; sentence says which, as jsonSyntax always has.
type syntaxError struct {
	pos    int64 // the offending byte, from the start of the file
	ranOut bool  // the file ended inside a value
}

func (e *syntaxError) Error() string { return "this file is not valid JSON" }

func newSource(r io.Reader) *source {
	s := &source{r: bufio.NewReaderSize(r, 64<<10)}
	if head, err := s.r.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		s.r.Discard(len(utf8BOM))
	} else if err != nil && !errors.Is(err, io.EOF) {
		s.readErr = err
	}
	s.where.blank = true
	return s
}

// fill reads more of the file onto the end of buf; false at its end or on
// an error.
func (s *source) fill() bool {
	for !s.eof && s.readErr == nil {
		s.buf = slices.Grow(s.buf, readChunk)
		n, err := s.r.Read(s.buf[len(s.buf) : len(s.buf)+readChunk])
		s.where.note(s.buf[len(s.buf) : len(s.buf)+n])
		s.buf = s.buf[:len(s.buf)+n]
		switch {
		case errors.Is(err, io.EOF):
			s.eof = true
		case err != nil:
			s.readErr = err
		}
		if n > 0 {
			return true
		}
	}
	return false
}

// peek is the next byte that is not white space, without using it; false
// at the end of the file (or a read error).
func (s *source) peek() (byte, bool) {
	for {
		for i, c := range s.buf {
			if !jsonSpace(c) {
				s.used(i)
				return c, true
			}
		}
		s.used(len(s.buf))
		if !s.fill() {
			return 0, false
		}
	}
}

// used drops the first n bytes of buf, keeping its storage.
func (s *source) used(n int) {
	s.off += int64(n)
	s.buf = s.buf[:copy(s.buf, s.buf[n:])]
}

func jsonSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// expect uses the next byte that is not white space if it is c, and
// otherwise stops at it: the file is not JSON there (or ends).
func (s *source) expect(c byte) error {
	got, ok := s.peek()
	switch {
	case !ok:
		return s.ranOut()
	case got != c:
		return &syntaxError{pos: s.off}
	}
	s.used(1)
	return nil
}

func (s *source) ranOut() error {
	if s.readErr != nil {
		return &ReadError{s.readErr}
	}
	return &syntaxError{ranOut: true}
}

// open uses the opening bracket or brace at the cursor, one level deeper.
func (s *source) open() error {
	s.depth++
	if s.depth > maxDepth {
		return &syntaxError{pos: s.off}
	}
	s.used(1)
	return nil
}

func (s *source) close() {
	s.depth--
	s.used(1)
}

// value reads the JSON value at the cursor whole, as json.RawMessage:
// its bytes as the file has them.
func (s *source) value() (json.RawMessage, error) {
	if _, ok := s.peek(); !ok {
		return nil, s.ranOut()
	}
	in := &valueReader{s: s}
	dec := json.NewDecoder(in)
	var raw json.RawMessage
	err := dec.Decode(&raw)
	// The decoder reads ahead; what it did not use stays in buf. (On an
	// error it used none, and read is the value as far as it went.)
	read := s.buf[:in.given]
	if err == nil {
		ahead, _ := io.Copy(io.Discard, dec.Buffered())
		read = read[:len(read)-int(ahead)]
	}
	start := s.off
	defer s.used(len(read))
	var se *json.SyntaxError
	switch {
	case err == nil:
		return raw, nil
	case s.readErr != nil:
		return nil, &ReadError{s.readErr}
	case errors.Is(err, errValueTooLarge):
		return nil, fmt.Errorf("this file holds a value larger than %d MB, which no Tether journal export has", maxValueBytes>>20)
	case errors.As(err, &se):
		// The decoder counts from the value's first byte, the wrong one
		// included.
		return nil, &syntaxError{pos: start + se.Offset - 1}
	}
	// The file ended inside the value. Reading the whole file,
	// encoding/json then tried a space: inside a word or a number, or after
	// a backslash, that was a mistake at the last byte, not a file cut off.
	spaced := json.Unmarshal(append(read[:len(read):len(read)], ' '), new(json.RawMessage))
	if errors.As(spaced, &se) && se.Error() != "unexpected end of JSON input" {
		return nil, &syntaxError{pos: start + int64(len(read)) - 1}
	}
	return nil, &syntaxError{ranOut: true}
}

// valueReader hands a value's decoder the file from the cursor: what buf
// holds, then more as it is read; buf keeps it all until the value is
// read, so that what the decoder read past its value is not lost.
type valueReader struct {
	s     *source
	given int // bytes of buf handed to the decoder
}

func (v *valueReader) Read(p []byte) (int, error) {
	s := v.s
	if v.given == len(s.buf) && !s.fill() {
		if s.readErr != nil {
			return 0, s.readErr
		}
		return 0, io.EOF
	}
	if int64(v.given) > maxValueBytes {
		return 0, errValueTooLarge
	}
	n := copy(p, s.buf[v.given:])
	v.given += n
	return n, nil
}

// skip reads past the value at the cursor without keeping it: a list or
// object of any size, one value at a time (the values of a key Tether does
// not know, which a later Tether may have added).
func (s *source) skip() error {
	c, ok := s.peek()
	if !ok {
		return s.ranOut()
	}
	switch c {
	case '[':
		return s.list(func() error { return s.skip() })
	case '{':
		return s.object(func(string) error { return s.skip() })
	}
	_, err := s.value()
	return err
}

// list reads the array at the cursor, calling each with the cursor on
// each element in turn.
func (s *source) list(each func() error) error {
	if err := s.open(); err != nil {
		return err
	}
	c, ok := s.peek()
	if !ok {
		return s.ranOut()
	}
	if c == ']' {
		s.close()
		return nil
	}
	for {
		if err := each(); err != nil {
			return err
		}
		c, ok := s.peek()
		switch {
		case !ok:
			return s.ranOut()
		case c == ']':
			s.close()
			return nil
		case c != ',':
			return &syntaxError{pos: s.off}
		}
		s.used(1)
	}
}

// object reads the object at the cursor, calling each with each key (as
// encoding/json reads it) and the cursor on its value.
func (s *source) object(each func(key string) error) error {
	if err := s.open(); err != nil {
		return err
	}
	c, ok := s.peek()
	if !ok {
		return s.ranOut()
	}
	if c == '}' {
		s.close()
		return nil
	}
	for {
		if c != '"' {
			return &syntaxError{pos: s.off}
		}
		raw, err := s.value()
		if err != nil {
			return err
		}
		var key string
		if err := json.Unmarshal(raw, &key); err != nil {
			return err
		}
		if err := s.expect(':'); err != nil {
			return err
		}
		if _, ok := s.peek(); !ok {
			return s.ranOut()
		}
		if err := each(key); err != nil {
			return err
		}
		c, ok = s.peek()
		switch {
		case !ok:
			return s.ranOut()
		case c == '}':
			s.close()
			return nil
		case c != ',':
			return &syntaxError{pos: s.off}
		}
		s.used(1)
		if c, ok = s.peek(); !ok {
			return s.ranOut()
		}
	}
}

// end checks that nothing but white space follows the file's value.
func (s *source) end() error {
	if _, ok := s.peek(); ok {
		return &syntaxError{pos: s.off}
	}
	if s.readErr != nil {
		return &ReadError{s.readErr}
	}
	return nil
}

// sentence turns a syntaxError into the sentence a person reads, as
// jsonSyntax said it of the whole file: the file is empty (nothing but
// white space), it ends too early (the mistake is at its end, or it ran
// out inside a value), or the line and column of the mistake. It reads the
// rest of the file to tell, as reading the whole file did; an error of
// reading it wins, as it did.
func (s *source) sentence(se *syntaxError) error {
	// Where the mistake is, while it is in where's ring; and is everything
	// from it on white space?
	line, col := s.where.at(se.pos)
	tail := se.ranOut || s.where.spaceFrom(se.pos)
	s.used(len(s.buf)) // read already, so in where's ring
	for s.fill() {
		tail = tail && len(bytes.Trim(s.buf, " \t\r\n")) == 0
		s.used(len(s.buf))
	}
	switch {
	case s.readErr != nil:
		return &ReadError{s.readErr}
	case s.where.blank && len(s.where.blankBuf) == 0: // a rune cut short is no space
		return errors.New("this file is empty, so it holds no journal")
	case se.ranOut || tail:
		return errors.New("this file is not valid JSON: it ends too early, as if cut off")
	}
	return fmt.Errorf("this file is not valid JSON: something is amiss at line %d, column %d", line, col)
}

// lineTracker follows the file as it is read, to say where a mistake is
// as a line and a column of characters (runes, as utf8.RuneCount counts
// them) without keeping the file: it keeps the last ringBytes read, and of
// what came before them only counts.
type lineTracker struct {
	ring     []byte
	ringOff  int64 // where ring[0] is in the file
	lines    int   // line breaks before ring
	runes    int   // runes after the last of them, before ring (pending not counted)
	pending  []byte
	blank    bool // every byte so far is white space (as bytes.TrimSpace sees it)
	blankBuf []byte
}

// ringBytes is more than a value's decoder reads past a mistake.
const ringBytes = 64 << 10

func (t *lineTracker) note(b []byte) {
	if t.blank {
		t.blankBuf = append(t.blankBuf, b...)
		for len(t.blankBuf) > 0 && utf8.FullRune(t.blankBuf) {
			r, n := utf8.DecodeRune(t.blankBuf)
			if !unicode.IsSpace(r) {
				t.blank = false
				break
			}
			t.blankBuf = t.blankBuf[n:]
		}
		if !t.blank {
			t.blankBuf = nil
		}
	}
	t.ring = append(t.ring, b...)
	if len(t.ring) <= 2*ringBytes {
		return
	}
	gone := t.ring[:len(t.ring)-ringBytes]
	t.count(gone)
	t.ringOff += int64(len(gone))
	t.ring = t.ring[:copy(t.ring, t.ring[len(gone):])]
}

// count adds bytes leaving the ring to the counts.
func (t *lineTracker) count(b []byte) {
	data := append(t.pending, b...)
	if i := bytes.LastIndexByte(data, '\n'); i >= 0 {
		t.lines += bytes.Count(data, []byte{'\n'})
		t.runes = 0
		data = data[i+1:]
	}
	// A rune cut by the end of b is counted with the bytes that end it.
	keep := 0
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				keep = len(data) - i
			}
			break
		}
	}
	t.runes += utf8.RuneCount(data[:len(data)-keep])
	t.pending = append([]byte(nil), data[len(data)-keep:]...)
}

// at is the line and column (from 1) of the byte at pos, which is in the
// ring.
func (t *lineTracker) at(pos int64) (line, col int) {
	before := t.ring[:max(0, min(int(pos-t.ringOff), len(t.ring)))]
	line = 1 + t.lines + bytes.Count(before, []byte{'\n'})
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		return line, 1 + utf8.RuneCount(before[i+1:])
	}
	return line, 1 + t.runes + utf8.RuneCount(append(append([]byte(nil), t.pending...), before...))
}

// spaceFrom reports whether the bytes from pos to the end of what was read
// are JSON white space.
func (t *lineTracker) spaceFrom(pos int64) bool {
	from := max(0, min(int(pos-t.ringOff), len(t.ring)))
	return len(bytes.Trim(t.ring[from:], " \t\r\n")) == 0
}
