// Package annual fills the tables of the yearly government information
// disclosure report (政府信息公开工作年度报告, Regulations 2019 Art. 49–50) from
// a unit's registers, and checks them.
//
// Table 三 (收到和处理政府信息公开申请情况) is computed from the requests
// register (依申请公开台账), table 四 (行政复议、行政诉讼) from the reviews
// register (行政复议诉讼), and table 二 (主动公开政府信息情况) is taken from the
// 主动公开情况 form; see Compute. The layout follows the report year
// (LayoutFor): the format of 国办公开办函〔2021〕30号 from 2021, the trial
// format of 国办公开办函〔2019〕60号 before. Checks runs the arithmetic checks
// (the rule printed on table 三, totals, the 部分公开-once rule, and last
// year's carry-forward). File is the zwgk.annual/v1 JSON contract.
//
// The package is pure: it reads no files and no clock; the renderers (and
// the reader of the report workbook) live in scoring/annual/annualreport.
package annual
