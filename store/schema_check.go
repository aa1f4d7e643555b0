package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// A journal is read back only once its schema is the one this Tether's
// migrations make for its user_version: a trigger, view, table, column or
// index that Tether did not make could delete or alter what a person wrote
// (AFTER INSERT ON reach_outs ... DELETE FROM check_ins), or hide rows from
// the queries. The header's application id says only who claims the file;
// the schema says what it does. knownSchemas (schema_known.go, written by
// TestKnownSchemas -update) is what the migrations make, object by object.

// ErrForeignSchema: a journal whose tables, columns, indexes, triggers or
// views are not the ones Tether makes for its schema version; it is refused
// unchanged.
var ErrForeignSchema = errors.New("journal schema not made by Tether")

// knownObject is one entry of sqlite_schema as a migration made it: its
// kind and name, a hash of the table it belongs to and its SQL (whitespace
// folded), and a table's columns in order, so a refusal can name an added
// or missing column rather than only the table.
type knownObject struct {
	Type    string
	Name    string
	Hash    string
	Columns []string
}

// schemaObject is an entry of sqlite_schema as read from a file.
type schemaObject struct {
	typ, name, table, sql string
}

// sqliteOwn are tables SQLite makes for itself when asked to (ANALYZE,
// AUTOINCREMENT); a person running ANALYZE in the sqlite3 shell has not
// changed what the journal does.
func sqliteOwn(o schemaObject) bool {
	return o.typ == "table" && (o.name == "sqlite_sequence" || strings.HasPrefix(o.name, "sqlite_stat"))
}

// objectHash is what a known object is compared by. The whitespace of the
// SQL is folded because SQLite keeps the text as written, and how a Go
// string was indented is no part of the schema.
func objectHash(o schemaObject) string {
	b := make([]byte, 0, len(o.typ)+len(o.table)+len(o.sql)+2)
	b = append(append(append(append(b, o.typ...), 0), o.table...), 0)
	first := true
	for f := range strings.FieldsSeq(o.sql) {
		if !first {
			b = append(b, ' ')
		}
		b, first = append(b, f...), false
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// querier is a *sql.DB or a *sql.Conn.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func readSchema(ctx context.Context, db querier) ([]schemaObject, error) {
	rows, err := db.QueryContext(ctx, `SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var objs []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.typ, &o.name, &o.table, &o.sql); err != nil {
			return nil, err
		}
		if !sqliteOwn(o) {
			objs = append(objs, o)
		}
	}
	return objs, rows.Err()
}

func tableColumns(ctx context.Context, db querier, table string) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	return cols, rows.Err()
}

// schemaProblem compares the schema of db with what the migrations make
// for version, and says what differs as the end of a sentence whose subject
// is the journal ("has a trigger "wipe" that Tether did not make"), or ""
// when nothing does. Only one difference is named: the first foreign
// object, else the first changed one, else the first missing one, by name,
// so the same file always gets the same sentence.
func schemaProblem(ctx context.Context, db querier, version int) (string, error) {
	if version < 0 || version >= len(knownSchemas) {
		return fmt.Sprintf("says it is at schema %d, which no Tether has written", version), nil
	}
	want := knownSchemas[version]
	got, err := readSchema(ctx, db)
	if err != nil {
		return "", err
	}
	slices.SortFunc(got, func(a, b schemaObject) int { return strings.Compare(a.name, b.name) })
	known := make(map[string]knownObject, len(want))
	for _, k := range want {
		known[k.Name] = k
	}
	seen := make(map[string]bool, len(got))
	var changed []schemaObject
	for _, o := range got {
		seen[o.name] = true
		k, ok := known[o.name]
		switch {
		case !ok:
			if later := laterVersionOf(o.name, version); later > 0 {
				return fmt.Sprintf("has %s %q that Tether makes only from schema %d on, yet it says it is at schema %d",
					article(o.typ), printable(o.name), later, version), nil
			}
			return fmt.Sprintf("has %s %q that Tether did not make", article(o.typ), printable(o.name)), nil
		case k.Type != o.typ || k.Hash != objectHash(o):
			changed = append(changed, o)
		}
	}
	if len(changed) > 0 {
		// The first is named: one line a person can act on.
		o := changed[0]
		k := known[o.name]
		if k.Type == "table" && o.typ == "table" {
			cols, err := tableColumns(ctx, db, o.name)
			if err != nil {
				return "", err
			}
			for _, c := range cols {
				if !slices.Contains(k.Columns, c) {
					return fmt.Sprintf("has a column %q in its table %q that Tether did not make", printable(c), o.name), nil
				}
			}
			for _, c := range k.Columns {
				if !slices.Contains(cols, c) {
					return fmt.Sprintf("is missing the column %q of its table %q", c, o.name), nil
				}
			}
		}
		return fmt.Sprintf("has %s %q that is not as Tether made it", article(o.typ), o.name), nil
	}
	for _, k := range want {
		if !seen[k.Name] {
			return fmt.Sprintf("is missing the %s %q that Tether makes", k.Type, k.Name), nil
		}
	}
	return "", nil
}

// laterVersionOf is the first schema after version that has an object
// named name, or 0: a journal whose user_version was lowered by hand still
// holds what the later migrations made.
func laterVersionOf(name string, version int) int {
	for v := version + 1; v <= latestVersion(); v++ {
		for _, k := range knownSchemas[v] {
			if k.Name == name {
				return v
			}
		}
	}
	return 0
}

func article(typ string) string {
	switch typ {
	case "index":
		return "an index"
	case "table", "trigger", "view":
		return "a " + typ
	}
	return "an object of the kind " + printable(typ)
}

// checkSchema refuses, as Open and the read-only opens do, a journal whose
// schema is not what Tether makes for its version. what begins the
// sentence ("open journal PATH"); path is the file, for a damaged one. The
// version and the schema are read in one snapshot: another window may be
// migrating the journal this very moment, and a version read before its
// commit with a schema read after would not match.
func checkSchema(ctx context.Context, db *sql.DB, path, what string) error {
	unreadable := func(err error) error {
		if d := damaged(path, err); d != nil {
			return d
		}
		return refuse(ErrUnreadable, nil, "%s: its schema cannot be read; it was left unchanged", what)
	}
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return unreadable(err)
	}
	defer tx.Rollback()
	var version int32
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return unreadable(err)
	}
	if int(version) > latestVersion() {
		// A newer Tether migrated it since it was judged.
		return judge(path, identity{appID: applicationID, version: version})
	}
	problem, err := schemaProblem(ctx, tx, int(version))
	if err != nil {
		return unreadable(err)
	}
	if problem != "" {
		return refuse(ErrForeignSchema, nil, "%s: this journal %s; it was left unchanged", what, problem)
	}
	return nil
}
