//! The words of reading a large matrix: the virtual grid, the phone cards,
//! the stance filter, the legend's definitions, the evidence panel's
//! speaker and "why", the column headings an editor sets, result files read
//! by the worker and editing a very large article. Kept apart from the
//! main table so that each concern's words sit together.

use stance_engine::Overall;

use super::Lang;

/// Words of reading a large matrix, in one language.
pub struct ReadingWords {
    /// Shows every row but those with no position.
    pub filter_not_none: &'static str,
    /// The legend's definitions, folded.
    pub definitions: &'static str,
    /// Defines "—".
    pub absent_definition: &'static str,
    /// The evidence panel's close button.
    pub close_evidence: &'static str,
    /// "Speaker".
    pub speaker: &'static str,
    /// The toggle that shows the rule behind a sentence.
    pub why: &'static str,
    /// Explains the rule code.
    pub why_note: &'static str,
    /// The toolbar's menu on a phone.
    pub menu: &'static str,
    /// More cards.
    pub more_cards: &'static str,
    /// The article card's heading fields.
    pub heading_parts: &'static str,
    /// The outlet field.
    pub outlet: &'static str,
    /// The date field.
    pub date: &'static str,
    /// The date field's example.
    pub date_placeholder: &'static str,
    /// A result file being read in the background.
    pub reading_result: &'static str,
    /// Exports of a result file held by the worker.
    pub corpus_no_export: &'static str,
    /// Go ahead with editing a very large article.
    pub edit_anyway: &'static str,
    /// Keep the preview.
    pub keep_preview: &'static str,
}

/// Arabic.
pub static AR: ReadingWords = ReadingWords {
    filter_not_none: "الكل ما عدا «بلا موقف»",
    definitions: "ماذا تعني التسميات",
    absent_definition: "لم يُذكر الطرف في هذا المقال مصدراً لقول أو صاحبَ موقف.",
    close_evidence: "إغلاق الأدلة",
    speaker: "القائل",
    why: "لماذا؟",
    why_note: "القاعدة التي أسندت الجملة إلى قائلها / والتي حددت الموقف:",
    menu: "القائمة",
    more_cards: "عرض المزيد",
    heading_parts: "عنوان العمود",
    outlet: "المصدر",
    date: "التاريخ",
    date_placeholder: "2024-05-03",
    reading_result: "جارٍ قراءة ملف النتائج في الخلفية…",
    corpus_no_export: "ملف النتائج هذا أكبر من أن يُصدَّر من الصفحة؛ استعمل سطر الأوامر (stance analyze --format csv).",
    edit_anyway: "تحرير على أي حال",
    keep_preview: "إبقاء المعاينة",
};

/// English.
pub static EN: ReadingWords = ReadingWords {
    filter_not_none: "All but “no position”",
    definitions: "What the labels mean",
    absent_definition: "The actor is not a source or holder of a position in this article.",
    close_evidence: "Close the evidence",
    speaker: "Speaker",
    why: "Why?",
    why_note: "The rule that gave the sentence to its speaker / that decided the stance:",
    menu: "Menu",
    more_cards: "Show more",
    heading_parts: "Column heading",
    outlet: "Outlet",
    date: "Date",
    date_placeholder: "2024-05-03",
    reading_result: "Reading the result file in the background…",
    corpus_no_export: "This result file is too large to export from the page; use the command line (stance analyze --format csv).",
    edit_anyway: "Edit anyway",
    keep_preview: "Keep the preview",
};

impl Lang {
    /// The words of reading a large matrix.
    pub fn reading(self) -> &'static ReadingWords {
        match self {
            Lang::Ar => &AR,
            Lang::En => &EN,
        }
    }

    /// What an overall label means, for the legend.
    pub fn definition(self, overall: Overall) -> &'static str {
        match (self, overall) {
            (Lang::Ar, Overall::For) => "يطالب بانسحاب القوات الأجنبية أو يؤيده.",
            (Lang::Ar, Overall::Against) => "يرفض الانسحاب أو يريد بقاء القوات.",
            (Lang::Ar, Overall::Conditional) => "يقبل الانسحاب بشرط أو بجدول أو انسحاباً جزئياً.",
            (Lang::Ar, Overall::Mixed) => "مواقفه مختلفة بين المقالات.",
            (Lang::Ar, Overall::None) => "ذُكر مصدراً لقول، لكن بلا موقف من الانسحاب.",
            (Lang::En, Overall::For) => "Demands or supports the withdrawal of the foreign forces.",
            (Lang::En, Overall::Against) => "Opposes the withdrawal or wants the forces to stay.",
            (Lang::En, Overall::Conditional) => "Accepts a withdrawal on a condition, a timetable, or in part.",
            (Lang::En, Overall::Mixed) => "Its positions differ between articles.",
            (Lang::En, Overall::None) => "Quoted or cited, but with no position on the withdrawal.",
        }
    }

    /// How the analyzer gave a sentence to its speaker, from the rule's
    /// first part (`speech-verb/permit` → "said it").
    pub fn attribution(self, rule: &str) -> &'static str {
        let family = rule.split('/').next().unwrap_or("");
        match (self, family) {
            (Lang::Ar, "speech-verb") => "قالها (فعل قول)",
            (Lang::Ar, "position-verb") => "موقف منسوب إليه (فعل موقف)",
            (Lang::Ar, "source-phrase") => "بحسب/وفق المصدر",
            (Lang::Ar, "author-attribution") => "نسبها إليه كاتب المقال",
            (Lang::Ar, "verbal-noun") => "مصدر فعل (مطالبته، رفضه…)",
            (Lang::Ar, "quotation") => "اقتباس",
            (Lang::Ar, "reader-comment") => "تعليق قارئ",
            (Lang::Ar, "implicit-subject") => "فاعل مقدَّر من الجملة السابقة",
            (Lang::Ar, _) => "منسوب إليه",
            (Lang::En, "speech-verb") => "said it (a verb of saying)",
            (Lang::En, "position-verb") => "a position given to them (a verb of position)",
            (Lang::En, "source-phrase") => "according to them",
            (Lang::En, "author-attribution") => "the article's writer gives it to them",
            (Lang::En, "verbal-noun") => "a verbal noun (their demand, their refusal…)",
            (Lang::En, "quotation") => "a quotation",
            (Lang::En, "reader-comment") => "a reader's comment",
            (Lang::En, "implicit-subject") => "the subject carried over from the sentence before",
            (Lang::En, _) => "attributed to them",
        }
    }

    /// What a result file read by the worker holds.
    pub fn corpus_summary(self, documents: usize, actors: usize, cells: usize) -> String {
        match self {
            Lang::Ar => format!("{documents} مقالاً، {actors} طرفاً، {cells} خلية (تُعرض منها الخلايا الظاهرة فقط)"),
            Lang::En => format!("{documents} articles, {actors} actors, {cells} cells (only those in view are rendered)"),
        }
    }

    /// The warning before a very large article opens in a text area.
    pub fn edit_large_warning(self, megabytes: f64, seconds: f64) -> String {
        match self {
            Lang::Ar => format!(
                "هذا المقال كبير ({megabytes:.1} ميغابايت): فتحه كله في مربع نص يجمّد الصفحة نحو {seconds:.0} ثوانٍ، وكل تعديل فيه بطيء. يمكنك بدلاً من ذلك تحرير النص في برنامج آخر ثم فتح الملف هنا."
            ),
            Lang::En => format!(
                "This article is large ({megabytes:.1} MB): opening all of it in a text area freezes the page for about {seconds:.0} seconds, and every edit is slow. You can instead edit it in another program and open the file here."
            ),
        }
    }
}
