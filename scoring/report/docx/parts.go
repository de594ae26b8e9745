package docx

import "fmt"

// The parts of the package besides the document's body. They are constant:
// the same styles, fonts and page for every document zwgk writes.

const (
	nsW   = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR   = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	xmlPI = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

const contentTypes = xmlPI + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const packageRels = xmlPI + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRels = xmlPI + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>` +
	`</Relationships>`

const coreXML = xmlPI + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
	`xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title><dc:creator>zwgk</dc:creator></cp:coreProperties>`

const documentHead = xmlPI + `<w:document ` + nsW + ` ` + nsR + `><w:body>`

var documentTail = fmt.Sprintf(`<w:sectPr><w:footerReference w:type="even" r:id="rId5"/><w:footerReference w:type="default" r:id="rId4"/>`+
	`<w:pgSz w:w="%d" w:h="%d"/>`+
	`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="992" w:gutter="0"/>`+
	`<w:cols w:space="425"/></w:sectPr></w:body></w:document>`,
	PageWidth, PageHeight, MarginTop, MarginRight, MarginBottom, MarginLeft)

// fonts sets a run's fonts: Latin letters and digits in Times New Roman,
// Chinese in east.
func fonts(east string) string {
	return fmt.Sprintf(`<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s"/>`, LatinFont, LatinFont, east, LatinFont)
}

func size(hp int) string { return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp) }

// noIndent takes back the body's first-line indent.
const noIndent = `<w:ind w:firstLineChars="0" w:firstLine="0"/>`

// lineExact is the body's line: 28.95 pt, 22 lines in the 225 mm block.
const lineExact = `<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>`

var stylesXML = xmlPI + `<w:styles ` + nsW + `>` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` + fonts(BodyFont) + `<w:kern w:val="2"/>` + size(BodySize) +
	`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	style(StyleNormal, "Normal", "", true,
		lineExact+`<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>`, fonts(BodyFont)+size(BodySize)) +
	style(StyleTitle, "Title", StyleNormal, false,
		`<w:keepNext/><w:spacing w:before="0" w:after="579" w:line="579" w:lineRule="exact"/>`+noIndent+`<w:jc w:val="center"/><w:outlineLvl w:val="0"/>`,
		fonts(TitleFont)+size(TitleSize)) +
	style(StyleHeading1, "heading 1", StyleNormal, false,
		`<w:keepNext/>`+lineExact+`<w:outlineLvl w:val="1"/>`, fonts(Heading1Font)+size(BodySize)) +
	style(StyleHeading2, "heading 2", StyleNormal, false,
		`<w:keepNext/>`+lineExact+`<w:outlineLvl w:val="2"/>`, fonts(Heading2Font)+size(BodySize)) +
	style(StyleCaption, "caption", StyleNormal, false,
		`<w:keepNext/><w:spacing w:before="120" w:after="120" w:line="360" w:lineRule="auto"/>`+noIndent+`<w:jc w:val="center"/>`,
		fonts(BodyFont)+size(TableSize+3)) +
	style(StyleTableText, "Table Text", StyleNormal, false,
		`<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`+noIndent+`<w:jc w:val="center"/>`,
		fonts(BodyFont)+size(TableSize)) +
	style(StyleNote, "zwgk Note", StyleNormal, false,
		`<w:pBdr><w:left w:val="single" w:sz="18" w:space="4" w:color="C00000"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>`+
			`<w:spacing w:before="0" w:after="60" w:line="300" w:lineRule="auto"/>`+noIndent+`<w:jc w:val="left"/>`,
		fonts(BodyFont)+size(NoteSize)) +
	style(StyleFlush, "Body Flush", StyleNormal, false, lineExact+noIndent, "") +
	style(StyleRight, "Signature", StyleNormal, false,
		lineExact+`<w:ind w:rightChars="400" w:right="1280" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>`, "") +
	style("Footer", "footer", StyleNormal, false,
		`<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`+noIndent+`<w:jc w:val="center"/>`,
		fonts(PageNumFont)+size(28)) +
	`</w:styles>`

func style(id, name, basedOn string, isDefault bool, pPr, rPr string) string {
	s := `<w:style w:type="paragraph" w:styleId="` + id + `"`
	if isDefault {
		s += ` w:default="1"`
	}
	s += `><w:name w:val="` + name + `"/>`
	if basedOn != "" {
		s += `<w:basedOn w:val="` + basedOn + `"/>`
	}
	s += `<w:qFormat/>`
	if pPr != "" {
		s += `<w:pPr>` + pPr + `</w:pPr>`
	}
	if rPr != "" {
		s += `<w:rPr>` + rPr + `</w:rPr>`
	}
	return s + `</w:style>`
}

const settingsXML = xmlPI + `<w:settings ` + nsW + `><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>` +
	`<w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

// fontTableXML names the fonts with a common fallback each (altName) and
// the GB2312 character set, so a machine without the 方正 or _GB2312 fonts
// substitutes the nearest Chinese face.
var fontTableXML = xmlPI + `<w:fonts ` + nsW + `>` +
	font(TitleFont, "宋体", "roman", "variable") +
	font(BodyFont, "仿宋", "modern", "fixed") +
	font(Heading2Font, "楷体", "modern", "fixed") +
	font(Heading1Font, "SimHei", "modern", "fixed") +
	font(PageNumFont, "SimSun", "auto", "variable") +
	`<w:font w:name="` + LatinFont + `"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
	`</w:fonts>`

func font(name, alt, family, pitch string) string {
	return `<w:font w:name="` + name + `"><w:altName w:val="` + alt + `"/><w:charset w:val="86"/>` +
		`<w:family w:val="` + family + `"/><w:pitch w:val="` + pitch + `"/></w:font>`
}

// The page numbers, 「— 1 —」 (GB/T 9704-2012 7.5): on odd pages at the
// right, on even pages at the left, one character in from the margin.
var (
	footerOdd  = footer("right", `<w:ind w:right="280" w:firstLineChars="0" w:firstLine="0"/>`)
	footerEven = footer("left", `<w:ind w:left="280" w:firstLineChars="0" w:firstLine="0"/>`)
)

func footer(jc, ind string) string {
	return xmlPI + `<w:ftr ` + nsW + ` ` + nsR + `><w:p><w:pPr><w:pStyle w:val="Footer"/>` + ind + `<w:jc w:val="` + jc + `"/></w:pPr>` +
		`<w:r><w:t xml:space="preserve">— </w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`
}
