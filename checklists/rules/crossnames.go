package rules

import (
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"

	"github.com/zwgk/zwgk/checklists/msg"
)

// crossNames finds a table or field named inside a cross-table expression
// that the scope does not have: tables.T, tables.T[i].f, .f in the predicate
// of a walk of tables.T (filter, count, any, …), and count_rows("T", "f", x).
// Rows of another table are maps to the compiler, so it cannot tell; without
// this a misspelt name would silently match nothing. It reads src as written,
// before Compile's rewrites, so the error is placed at the name.
func (s *Scope) crossNames(src string) *Error {
	tree, err := parser.Parse(src)
	if err != nil {
		return nil // the compiler has accepted src; nothing to add
	}
	var found *Error
	fail := func(n ast.Node, e *Error) {
		if found == nil {
			e.Offset = n.Location().From
			found = e
		}
	}
	// table checks the name of a table; ok is false when it is unknown.
	table := func(n ast.Node, name string) bool {
		if s.hasTable(name) {
			return true
		}
		fail(n, &Error{Kind: UnknownTable, Name: name, Suggest: msg.Closest(name, s.tableNames()),
			Msg: "unknown table " + name})
		return false
	}
	field := func(n ast.Node, tbl, name string) {
		if tbl == "" || !s.hasTable(tbl) || s.hasField(tbl, name) {
			return
		}
		fail(n, &Error{Kind: UnknownField, Table: tbl, Name: name, Suggest: msg.Closest(name, s.fieldNames(tbl)),
			Msg: "table " + tbl + " has no field " + name})
	}
	// rows is the table whose rows the list n holds: tables.T, or a filter
	// or sort of such a list.
	var rows func(n ast.Node) string
	rows = func(n ast.Node) string {
		switch n := n.(type) {
		case *ast.MemberNode:
			if id, ok := n.Node.(*ast.IdentifierNode); ok && id.Value == VarTables {
				if p, ok := n.Property.(*ast.StringNode); ok {
					return p.Value
				}
			}
		case *ast.BuiltinNode:
			switch n.Name {
			case "filter", "sortBy", "sort", "reverse", "take", "uniq":
				if len(n.Arguments) > 0 {
					return rows(n.Arguments[0])
				}
			}
		}
		return ""
	}
	// row is the table one row of which n is: tables.T[i], first(tables.T), find(tables.T, …).
	row := func(n ast.Node) string {
		switch n := n.(type) {
		case *ast.MemberNode:
			if _, named := n.Property.(*ast.StringNode); !named {
				return rows(n.Node)
			}
		case *ast.BuiltinNode:
			switch n.Name {
			case "first", "last", "find", "findLast":
				if len(n.Arguments) > 0 {
					return rows(n.Arguments[0])
				}
			}
		}
		return ""
	}
	ast.Walk(&tree.Node, visitFunc(func(n ast.Node) {
		switch n := n.(type) {
		case *ast.MemberNode:
			p, named := n.Property.(*ast.StringNode)
			if !named {
				return
			}
			if id, ok := n.Node.(*ast.IdentifierNode); ok && id.Value == VarTables {
				table(p, p.Value)
				return
			}
			field(p, row(n.Node), p.Value)
		case *ast.BuiltinNode:
			tbl := ""
			if len(n.Arguments) > 0 {
				tbl = rows(n.Arguments[0])
			}
			for _, a := range n.Arguments[min(1, len(n.Arguments)):] {
				pred, ok := a.(*ast.PredicateNode)
				if !ok || tbl == "" {
					continue
				}
				// .f inside a walk within this predicate is that walk's own.
				inner := map[ast.Node]bool{}
				body := pred.Node
				ast.Walk(&body, visitFunc(func(m ast.Node) {
					if ip, ok := m.(*ast.PredicateNode); ok {
						ib := ip.Node
						ast.Walk(&ib, visitFunc(func(k ast.Node) { inner[k] = true }))
					}
				}))
				ast.Walk(&body, visitFunc(func(m ast.Node) {
					mn, ok := m.(*ast.MemberNode)
					if !ok || inner[m] {
						return
					}
					if ptr, ok := mn.Node.(*ast.PointerNode); ok && ptr.Name == "" {
						if p, ok := mn.Property.(*ast.StringNode); ok {
							field(p, tbl, p.Value)
						}
					}
				}))
			}
		case *ast.CallNode:
			id, ok := n.Callee.(*ast.IdentifierNode)
			if !ok || id.Value != VarCountRows || len(n.Arguments) < 2 {
				return
			}
			t, ok := n.Arguments[0].(*ast.StringNode)
			if !ok || !table(t, t.Value) {
				return
			}
			if f, ok := n.Arguments[1].(*ast.StringNode); ok {
				field(f, t.Value, f.Value)
			}
		}
	}))
	return found
}

func (s *Scope) hasTable(name string) bool {
	for _, t := range s.tables {
		if t.Name == name {
			return true
		}
	}
	return false
}

func (s *Scope) hasField(table, name string) bool {
	for _, f := range s.table(table).Fields {
		if f.Name == name {
			return true
		}
	}
	return false
}

func (s *Scope) tableNames() []string {
	out := make([]string, len(s.tables))
	for i, t := range s.tables {
		out[i] = t.Name
	}
	return out
}

func (s *Scope) fieldNames(table string) []string {
	var out []string
	for _, f := range s.table(table).Fields {
		out = append(out, f.Name)
	}
	return out
}
