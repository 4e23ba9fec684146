package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	for _, tc := range []struct{ code, text string }{
		{"en", "The draft would cap Ukraine's armed forces at 600,000 and bar it from joining NATO, according to a copy seen by reporters. Officials in Kyiv said they had not been consulted and that several of the points were unacceptable."},
		{"de", "Der Entwurf sieht vor, dass die Ukraine ihre Armee auf 600.000 Soldaten begrenzt und auf einen Beitritt zur NATO verzichtet. In Kiew hieß es, man sei nicht konsultiert worden und mehrere Punkte seien für die Regierung nicht annehmbar."},
		{"fr", "Le projet prévoit que l'Ukraine limite son armée à 600 000 soldats et renonce à son adhésion à l'OTAN. À Kiev, des responsables ont affirmé qu'ils n'avaient pas été consultés et que plusieurs points de ce plan sont inacceptables pour le gouvernement."},
		{"es", "El borrador prevé que Ucrania limite su ejército a 600.000 soldados y renuncie a su ingreso en la OTAN. En Kiev, los responsables dijeron que no habían sido consultados y que varios de los puntos del plan son inaceptables para el gobierno."},
		{"it", "La bozza prevede che l'Ucraina limiti il suo esercito a 600.000 soldati e rinunci all'adesione alla NATO. A Kiev i funzionari hanno detto che non sono stati consultati e che diversi punti del piano sono inaccettabili per il governo, come anche per gli alleati."},
		{"pt", "O rascunho prevê que a Ucrânia limite o seu exército a 600 mil soldados e renuncie à adesão à NATO. Em Kiev, os responsáveis disseram que não foram consultados e que vários pontos do plano são inaceitáveis para o governo, como também para os aliados."},
		{"nl", "Het ontwerp bepaalt dat Oekraïne zijn leger beperkt tot 600.000 soldaten en afziet van een lidmaatschap van de NAVO. In Kyiv zeiden ambtenaren dat zij niet zijn geraadpleegd en dat een aantal punten van het plan voor de regering onaanvaardbaar is."},
		{"pl", "Projekt przewiduje, że Ukraina ograniczy swoją armię do 600 tysięcy żołnierzy i zrezygnuje z członkostwa w NATO. W Kijowie urzędnicy powiedzieli, że nie zostali o to zapytani i że wiele punktów planu jest dla rządu nie do przyjęcia, jak również dla sojuszników."},
		{"ru", "Проект предусматривает, что Украина сократит свою армию до 600 тысяч военнослужащих и откажется от вступления в НАТО. В Киеве заявили, что с ними не консультировались и что ряд пунктов плана неприемлем."},
		{"uk", "Проєкт передбачає, що Україна скоротить свою армію до 600 тисяч військовослужбовців і відмовиться від вступу до НАТО. У Києві заявили, що з ними не консультувалися і що низка пунктів плану є неприйнятною."},
		{"el", "Το σχέδιο προβλέπει ότι η Ουκρανία θα περιορίσει τον στρατό της σε 600.000 στρατιώτες και θα παραιτηθεί από την ένταξη στο ΝΑΤΟ. Στο Κίεβο δήλωσαν ότι δεν ρωτήθηκαν."},
		{"ar", "تنص المسودة على أن تقلص أوكرانيا جيشها إلى 600 ألف جندي وأن تتخلى عن الانضمام إلى حلف شمال الأطلسي. وقال مسؤولون في كييف إنهم لم تتم استشارتهم."},
		{"zh", "草案规定乌克兰将其军队限制在六十万人，并放弃加入北约。基辅官员表示，他们没有被征求意见，计划中的若干条款是不可接受的，政府不会签署这样的协议。"},
		{"ja", "草案では、ウクライナは軍の規模を六十万人に制限し、北大西洋条約機構への加盟を断念することになっている。キーウの当局者は、事前に相談を受けていないと述べた。"},
		{"unknown", "Too short to tell."},
		{"unknown", ""},
		{"unknown", "Xqz vrp blorft ktt smagg, gnurr plik zopp wrell dask fimm lopp grak tunn bliff sorp kreel vamm jusk plonk trell wibb dorm kasp."},
	} {
		got := Detect(tc.text)
		if got.Code != tc.code {
			t.Errorf("%s: got %s (%s) for %.50q", tc.code, got.Code, got.Name, tc.text)
		}
	}
}

// An English article quoting a sentence in another language, or written
// as a terse bullet list, is still English.
func TestDetectEnglishEdgeCases(t *testing.T) {
	for _, text := range []string{
		"Der Spiegel reported: \"Die Ukraine soll ihre Armee verkleinern.\" The newspaper said the draft would cap the army at 600,000 and that Kyiv was not consulted on the terms of the plan, which was drafted by Witkoff and Dmitriev in Miami.",
		"Key points:\n- Army capped at 600,000\n- No NATO membership\n- Crimea, Luhansk and Donetsk recognised as de facto Russian\n- Elections within 100 days\n- Full amnesty for all parties\n- Frozen assets to fund reconstruction\n- Sanctions lifted in stages\n- Russia to rejoin the G8",
	} {
		if got := Detect(text); got.Code != "en" {
			t.Errorf("got %s for %.60q", got.Code, text)
		}
	}
}

// Every seed and test article is English.
func TestDetectCorpusIsEnglish(t *testing.T) {
	var files []string
	for _, g := range []string{"../../seeds/*.txt", "../../testdata/articles/*"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(string(data)); got.Code != "en" {
			t.Errorf("%s: detected %s", f, got.Code)
		}
	}
}

func TestDetectSamplesOnlyTheStart(t *testing.T) {
	text := strings.Repeat("The plan would cap the army and bar NATO membership for Ukraine. ", 100) + strings.Repeat("Проект предусматривает сокращение армии. ", 1000)
	if got := Detect(text); got.Code != "en" {
		t.Errorf("got %s", got.Code)
	}
}

func BenchmarkDetect(b *testing.B) {
	data, err := os.ReadFile("../../seeds/002_94fc421d96a0f64e.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(SampleBytes)
	for b.Loop() {
		Detect(text)
	}
}

// Detect decides early on text that is plainly English, and only then: a
// few English words before another language do not decide it.
func TestDetectEarlyOnlyWhenClear(t *testing.T) {
	english := strings.Repeat("The plan would cap the army and bar NATO membership for Ukraine. ", 20)
	if got := Detect(english); got.Code != "en" {
		t.Errorf("English: got %s", got.Code)
	}
	// A German text with an English headline of a few words.
	german := "Peace plan for Ukraine. " + strings.Repeat("Der Entwurf sieht vor, dass die Ukraine ihre Armee begrenzt und auf einen Beitritt zur NATO verzichtet. ", 20)
	if got := Detect(german); got.Code != "de" {
		t.Errorf("German with an English headline: got %s", got.Code)
	}
	// A bilingual opening (English and French sentences in turn) is not
	// decided early; the French that follows decides it.
	bilingual := strings.Repeat("The plan is for the army of the country. Le plan est pour l'armée du pays et de la région. ", 8) +
		strings.Repeat("Le projet prévoit que l'Ukraine limite son armée et renonce à son adhésion à l'OTAN, selon les responsables de la région. ", 20)
	if got := Detect(bilingual); got.Code != "fr" {
		t.Errorf("bilingual opening, then French: got %s", got.Code)
	}
}
