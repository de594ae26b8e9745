package synth

import (
	"math/rand/v2"
	"strings"
)

// The word lists the synthetic province is made of. The place names are
// built from syllables and are not meant to be real places.
var (
	syllables = []string{
		"金", "积", "高", "闸", "马", "莲", "渠", "扁", "担", "沟", "上", "桥", "东", "塔", "古", "城",
		"郭", "家", "板", "新", "华", "红", "星", "清", "水", "白", "土", "岗", "杨", "和", "平", "安",
		"乐", "永", "宁", "兴", "隆", "富", "丰", "太", "阳", "明", "珠", "青", "山", "石", "泉", "沙",
		"湖", "河", "源", "堡", "营", "湾", "川", "原", "林", "梁", "滩", "坪", "峰", "泾", "固", "盐",
	}

	// bureaus are county departments and the abbreviation in their 文号.
	bureaus = []struct{ name, abbr string }{
		{"发展和改革局", "发改"}, {"教育局", "教"}, {"科学技术局", "科"}, {"工业和信息化局", "工信"},
		{"民政局", "民"}, {"司法局", "司"}, {"财政局", "财"}, {"人力资源和社会保障局", "人社"},
		{"自然资源局", "自然资"}, {"生态环境局", "环"}, {"住房和城乡建设局", "住建"}, {"交通运输局", "交"},
		{"水务局", "水"}, {"农业农村局", "农"}, {"商务局", "商"}, {"文化旅游体育广电局", "文旅"},
		{"卫生健康局", "卫健"}, {"退役军人事务局", "退役"}, {"应急管理局", "应急"}, {"审计局", "审"},
		{"市场监督管理局", "市监"}, {"统计局", "统"}, {"医疗保障局", "医保"}, {"林业和草原局", "林草"},
		{"信访局", "信访"}, {"城市管理局", "城管"}, {"乡村振兴局", "振兴"}, {"政务服务管理局", "政服"},
		{"民族宗教事务局", "民宗"}, {"粮食和物资储备局", "粮储"}, {"公安局", "公"}, {"档案局", "档"},
	}

	topics = []string{
		"农村人居环境整治", "脱贫攻坚", "城乡居民基本医疗保险", "安全生产大检查", "秋冬季大气污染防治",
		"全面推行河长制", "重大项目建设", "全民健身", "困难群众临时救助", "老旧小区改造",
		"农村土地承包经营权确权登记", "森林草原防火", "防汛抗旱", "食品安全监管", "义务教育均衡发展",
		"政务公开", "优化营商环境", "“双随机、一公开”监管", "殡葬改革", "高标准农田建设",
		"残疾人两项补贴", "农业保险", "小微企业减税降费", "城市管理综合执法", "农村危房改造",
		"生态移民", "扶贫小额信贷", "畜禽养殖废弃物资源化利用", "城乡居民养老保险", "住房公积金",
		"冬春农田水利建设", "特色产业发展", "招商引资", "政府投资项目管理", "公共租赁住房分配",
		"行政审批制度改革", "社会救助兜底保障", "农村饮水安全", "校园安全", "退耕还林",
	}

	docKinds = []string{"实施方案", "工作方案", "管理办法", "实施细则", "工作要点", "考核办法", "应急预案", "补助标准", "工作制度"}

	titlePatterns = []string{
		"关于印发《%s%s》的通知", "关于做好%s%s落实工作的通知", "关于调整%s%s领导小组成员的通知",
		"关于%s%s有关事项的通知", "关于报送%s%s执行情况的报告", "关于下达%s%s资金的通知",
	}

	catalogs = []string{"规划计划", "财政预决算", "人事信息", "政策文件", "工作动态", "行政执法", "公共服务", "重大项目", "社会公益事业"}

	// withheldReasons are lawful grounds for 不予公开 and 脱密后公开.
	withheldReasons = []string{
		"属于内部事务信息（内部工作流程）", "属于过程性信息（请示报告）", "涉及个人隐私", "涉及商业秘密",
		"涉及国家秘密", "属于人事管理信息", "公开后可能危及社会稳定", "依据条例第十四条不予公开",
	}
	// onRequestReasons are the reasons written for 依申请公开.
	onRequestReasons = []string{
		"仅涉及特定对象，依申请公开", "涉及部分群体切身利益，依申请公开", "属于内部事务信息，依申请公开",
		"只对特定申请人有意义，依申请公开",
	}

	visualForms    = []string{"图解", "视频解读", "在线访谈", "H5", "动漫", "图表解读", "微视频"}
	nonVisualForms = []string{"政策问答", "文字解读", "答记者问", "新闻发布会"}

	outcomeNames = []string{"予以公开", "予以公开", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "公开", "同意公开"}
	// badOutcomes are 答复结果 values no enum value or alias names.
	badOutcomes = []string{"已答复", "已办结", "同意", "已处理"}

	repostSources = []string{"宁夏回族自治区人民政府", "宁夏回族自治区人民政府办公厅", "吴忠市人民政府", "吴忠市人民政府办公室"}

	surnames   = []string{"王", "李", "张", "刘", "陈", "杨", "马", "丁", "何", "周", "吴", "赵", "孙", "田", "苏", "金", "罗", "冯"}
	givenNames = []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "海燕", "文博", "晓东"}
)

// placeName returns a two-syllable place name not used before.
func placeName(r *rand.Rand, used map[string]bool) string {
	for {
		a, b := syllables[r.IntN(len(syllables))], syllables[r.IntN(len(syllables))]
		if a == b {
			continue
		}
		if n := a + b; !used[n] {
			used[n] = true
			return n
		}
	}
}

// unitIdentity is what the generator decides about a unit before its
// registers: its name, type and the prefix of its 文号.
type unitIdentity struct {
	name   string
	typ    string // 乡镇 or 部门
	pilot  bool
	prefix string // 文号 prefix: 青教, 金积政
}

// identities names n units: about four in ten townships (「某某镇」「某某乡」),
// the rest county departments (「某某县某某局」), every name unique. Each
// county has at most one department of each kind.
func identities(r *rand.Rand, n int) []unitIdentity {
	out := make([]unitIdentity, 0, n)
	used := map[string]bool{}
	var county string
	var countyDepts []int // indexes into bureaus, shuffled, not yet used
	for len(out) < n {
		if r.IntN(10) < 4 {
			p := placeName(r, used)
			suffix := "镇"
			if r.IntN(4) == 0 {
				suffix = "乡"
			}
			out = append(out, unitIdentity{name: p + suffix, typ: "乡镇", prefix: p + "政"})
			continue
		}
		if len(countyDepts) == 0 {
			suffix := "县"
			if r.IntN(3) == 0 {
				suffix = "区"
			}
			county = placeName(r, used) + suffix
			countyDepts = r.Perm(len(bureaus))
		}
		b := bureaus[countyDepts[0]]
		countyDepts = countyDepts[1:]
		first, _ := firstRune(county)
		out = append(out, unitIdentity{name: county + b.name, typ: "部门", pilot: r.IntN(10) == 0, prefix: first + b.abbr})
	}
	return out
}

func firstRune(s string) (string, string) {
	for i := range s {
		if i > 0 {
			return s[:i], s[i:]
		}
	}
	return s, ""
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func person(r *rand.Rand) string { return pick(r, surnames) + pick(r, givenNames) }

func docTitle(r *rand.Rand) string {
	p := pick(r, titlePatterns)
	return strings.Replace(strings.Replace(p, "%s", pick(r, topics), 1), "%s", pick(r, docKinds), 1)
}
