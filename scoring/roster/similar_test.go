package roster

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		// One unit written two ways: pairs (at least SimilarThreshold).
		{"利通区发改局", "利通区发展和改革局", 1},
		{"区发改局", "发展和改革局", 1},
		{"发改局", "利通区发展改革局", 1},
		{"卫计局", "卫生和计划生育局", 1},
		{"利通区卫生计生局", "利通区卫生和计划生育局", 1},
		{"人社局", "人力资源和社会保障局", 1},
		{"住建局", "吴忠市利通区住房和城乡建设局", 1},
		{"发改委", "发展和改革委员会", 1},
		{"上桥乡", "上桥镇", 1},
		{"金积镇人民政府", "利通区金积镇", 1},
		{"ＡＢＣ局", "ABC局", 1},
		{"教育局", "教育体育局", 0.75},
		{"郭家桥乡", "郭桥乡", 6.0 / 7},
		// Different units: never pair.
		{"金积镇", "金银滩镇", 0},
		{"古城镇", "高闸镇", 0},
		{"民政局", "财政局", 0},
		{"水务局", "水利局", 0},
		{"教育局", "体育局", 0},
		{"郭家桥乡", "郭家庄乡", 0},
		{"马莲渠乡", "马家渠乡", 0},
		{"发改局", "发改委", 0},
		{"卫计局", "卫生健康局", 0},
		{"金积镇", "金积局", 0},
		{"城局", "城市管理综合执法局", 4.0 / 11}, // two characters of nine: below SimilarThreshold
		{"", "金积镇", 0},
	}
	for _, tt := range tests {
		if got := Similarity(tt.a, tt.b); got != tt.want {
			t.Errorf("Similarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Similarity(tt.b, tt.a); got != tt.want {
			t.Errorf("Similarity(%q, %q) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestSimilar(t *testing.T) {
	ro, err := Parse("名单.yaml", []byte(abbrevRoster))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		names []string
		want  []string
	}{
		{[]string{"利通区发展和改革局"}, []string{"利通区发改局"}},
		{[]string{"", "卫生和计划生育局"}, []string{"利通区卫计局"}}, // no 单位信息 name: the file name
		{[]string{"教育和体育局"}, []string{"教育局", "教育体育局"}},
		{[]string{"金银滩镇", "高闸镇"}, nil},
	} {
		var got []string
		for _, u := range ro.Similar(tt.names...) {
			got = append(got, u.Name)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Similar(%q) (-want +got):\n%s", tt.names, diff)
		}
	}
}
