package checklists

import (
	"embed"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/zwgk/zwgk/checklists/msg"
)

// dataFS holds the embedded checklists and the shared item definitions.
//
//go:embed data/*.yaml
var dataFS embed.FS

// schemaText is the JSON Schema of the checklist format.
//
//go:embed schema.json
var schemaText string

// SchemaComment is the first line of every embedded YAML file: it points
// editors that run yaml-language-server at the JSON Schema beside data/.
const SchemaComment = "# yaml-language-server: $schema=../schema.json"

const (
	dataDir        = "data"
	fragmentsFile  = "common.yaml"
	embeddedPrefix = "embedded:"
	defaultID      = "litong-2017"
)

// Default returns the id of the checklist used when none is named: the
// district's own indicator system.
func Default() string { return defaultID }

// Embedded returns the ids of the embedded checklists, sorted.
func Embedded() []string {
	files, _ := fs.Glob(dataFS, dataDir+"/*.yaml")
	var ids []string
	for _, f := range files {
		base := path.Base(f)
		if base == fragmentsFile {
			continue
		}
		ids = append(ids, strings.TrimSuffix(base, ".yaml"))
	}
	slices.Sort(ids)
	return ids
}

// EmbeddedYAML returns the text of the embedded checklist id.
func EmbeddedYAML(id string) ([]byte, error) {
	if !slices.Contains(Embedded(), id) {
		return nil, unknownChecklist(id)
	}
	return dataFS.ReadFile(dataDir + "/" + id + ".yaml")
}

// LoadEmbedded loads the embedded checklist id; its Source is "embedded:ID".
func LoadEmbedded(id string, opts LoadOptions) (*Checklist, error) {
	data, err := EmbeddedYAML(id)
	if err != nil {
		return nil, err
	}
	return Load(embeddedPrefix+id, data, opts)
}

// Resolve loads the embedded checklist named idOrFile, or else the file of
// that name as read by readFile.
func Resolve(idOrFile string, readFile func(string) ([]byte, error), opts LoadOptions) (*Checklist, error) {
	if slices.Contains(Embedded(), idOrFile) {
		return LoadEmbedded(idOrFile, opts)
	}
	if readFile == nil {
		return nil, unknownChecklist(idOrFile)
	}
	data, err := readFile(idOrFile)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && checklistIDRe.MatchString(idOrFile) {
			return nil, unknownChecklist(idOrFile)
		}
		return nil, msg.Errorf("无法读取指标体系文件：%w", "read checklist: %w", err)
	}
	return Load(idOrFile, data, opts)
}

// unknownChecklist is the error for a name that is neither an embedded
// checklist nor a file.
func unknownChecklist(id string) error {
	ids := strings.Join(Embedded(), ", ")
	return ErrorList{{
		Pos:  Pos{File: id},
		Text: msg.New("没有这个内置指标体系，也没有这个文件（内置的有：%s）", "no such embedded checklist or file (embedded: %s)", ids),
	}}
}

// JSONSchema returns the JSON Schema (draft 2020-12) of the checklist format
// and of the shared item definitions file, for editors and validators.
func JSONSchema() []byte { return []byte(schemaText) }
