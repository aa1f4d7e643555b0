package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/tether-recovery/tether/model"
)

// askCheckin asks the check-in's questions one line at a time and returns
// the answers given. Enter skips a question (keeping a saved answer); an
// answer that cannot be taken is explained, and the question asked again;
// the end of input ends the questions, keeping what was answered. Nothing
// moves the cursor or colours the text, so a screen reader reads each
// line as it comes.
func (e *env) askCheckin(ctx context.Context, day, today model.Date, before model.CheckIn, had bool) ([]answer, error) {
	done := make(chan struct{})
	defer close(done)
	lines := readLines(e.Stdin, done)
	// At a terminal the person's Enter ends the prompt's line; from a pipe
	// nothing does, so the next question would follow on the same line.
	newline := !isTerminal(e.Stdin)

	dayWord := "today"
	if day != today {
		dayWord = "that day"
	}
	fmt.Fprintf(e.Stdout, "Check-in for %s, %s. Every question is optional: Enter skips it, "+
		"and the end of input (ctrl+d) saves what you have answered.\n", dayName(day, today), day.Time().Format("Monday 2 January 2006"))
	if had {
		fmt.Fprintf(e.Stdout, "%s already has a check-in: an answer you give replaces the one saved, and Enter keeps it.\n",
			upperFirst(dayName(day, today)))
	}
	c := before
	var answers []answer
	for i := range questions {
		q := &questions[i]
		for {
			prompt := q.ask(dayWord)
			if now := q.now(c); had && now != "" {
				prompt += " (now " + now + ")"
			}
			fmt.Fprint(e.Stdout, prompt+": ")
			var line string
			var ok bool
			select {
			case <-ctx.Done():
				fmt.Fprintln(e.Stdout)
				return nil, ctx.Err()
			case line, ok = <-lines:
			}
			if newline || !ok {
				fmt.Fprintln(e.Stdout)
			}
			if !ok {
				return answers, nil
			}
			if strings.TrimSpace(line) == "" {
				break
			}
			if msg := tryAnswer(q, c, line, today); msg != "" {
				fmt.Fprintln(e.Stdout, msg)
				continue
			}
			_ = q.set(&c, line)
			answers = append(answers, answer{q, line})
			break
		}
	}
	return answers, nil
}

// tryAnswer says what is wrong with line as the answer to q, in c, as the
// app would say it; "" when nothing is.
func tryAnswer(q *question, c model.CheckIn, line string, today model.Date) string {
	if err := q.set(&c, line); err != nil {
		return sentence(err.Error())
	}
	if q.field == "" {
		return ""
	}
	return c.Normalize().Validate(today)[q.field]
}

// readLines sends r's lines, without their line ends, until r ends or
// done is closed; then it closes the channel it returns.
func readLines(r io.Reader, done <-chan struct{}) <-chan string {
	lines := make(chan string)
	go func() {
		defer close(lines)
		if r == nil {
			return
		}
		br := bufio.NewReader(r)
		for {
			l, err := br.ReadString('\n')
			if l != "" {
				select {
				case lines <- strings.TrimRight(l, "\r\n"):
				case <-done:
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return lines
}
