/*
Zwgk audits the government-affairs openness (政务公开) work of a district's
townships (乡镇) and departments (部门) against an indicator system
(考核评估指标体系) written as YAML, and reports scores, grades, ranks,
performance-review points and every register row that breaks a rule.

Usage:

	zwgk audit PATH… [flags]          audit submissions (xlsx files, CSV folders, or folders of them)
	zwgk template [--year N] [-o FILE] write the empty self-check workbook (自查台账模板.xlsx), 年度 filled in
	zwgk template --roster            write the empty roster workbook (应报送单位名单.xlsx)
	zwgk scores template [--roster R] [--items C1,E1]   write the evaluators' score sheet (评估打分.xlsx)
	zwgk checklist list|show ID|lint FILE…|schema
	zwgk sample PATH… --per-unit N --seed S -o 抽查表.xlsx
	zwgk diff OLD.json NEW.json [-o FILE.xlsx]
	zwgk report RESULT.json -o FILE…  (-o 通报.docx: the draft results bulletin, also on audit)
	zwgk combine RESULT.json:WEIGHT… [-o FILE…]   combine weighted stages (70% + 30%, quarterly) into one result
	zwgk annual-report PATH… --year N -o 年度报告.xlsx   fill the yearly disclosure report's tables
	                                   (-o 年度报告.docx: the report's text and tables in 公文格式)
	zwgk calendar import NOTICE.txt… [--region nx] [-o FILE.yaml]   a holiday notice as published → a --calendar file
	zwgk calendar show YEAR [--calendar FILE]                       a year's month grid: days off, make-up working days
	zwgk version                      also zwgk --version: version and commit (stamped by scripts/release.sh)

What a person reads — tables, report sheets, messages — is Chinese; --lang en
gives English. Exit status: 0 done; 1 findings matched --fail-on (audit) or
warnings with --strict (lint); 2 a usage error, a checklist with errors, or a
submission that could not be read (the others are still audited and
reported).

The district's own evidence: --table catalog=网站公开目录.xlsx (the website's
政府信息公开目录 as the CMS exports it), --table monitoring=… and
--table platform=… are read once and split to the units by name; --scores
评估打分.xlsx applies the evaluators' scores (a sheet with any mistake stops
the audit before anything is written).

Help, usage and cobra's argument and flag errors are Chinese too (help.go);
file-system errors are put in Chinese words. Every -o file written is named on
standard error; --format csv starts with a byte-order mark unless standard
output is a terminal; console tables are folded to 120 columns. On Windows the
console is put in VT mode (else the progress bar writes no escapes), and a
double-clicked zwgk.exe explains itself and waits for a key (console.go).

A unit's self-check report (`zwgk audit 本单位.xlsx -o 自查报告.xlsx`) has a
rectification list (整改清单) the unit types into. Rerunning over it with
--force, or writing a new report with --previous 自查报告.xlsx, carries what
was typed over to the findings still found and lists the others on a sheet
已整改; a file whose typed text would be lost is not replaced (exit 2)
unless --previous none.

The audited year is --year, else the 年度 every unit that states one agrees
on, else the checklist's; deadlines are judged on --as-of (default: the
earlier of today and 31 December of that year). A row whose deadline has not
passed is not yet due (未到期): not deducted, listed as coming due (即将到期).
A row whose verdict depends on a year the working-day calendar lacks is
undecided (待定): not deducted, with the calendar to load (docs/deadlines.md).

The contracts — the checklist format zwgk.checklist/v1, the workbook layout,
the command line and the zwgk.result/v1 JSON — are described in the docs/
folder of the source and in `zwgk COMMAND --help`.
*/
package main
