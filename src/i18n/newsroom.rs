//! The words of the newsroom tools, in Arabic and English: the published
//! view for readers, the publishing settings, and hand coding. Kept apart
//! from [`super::Words`] so that each concern's vocabulary reads as one list.

use super::Lang;

/// The newsroom tools' fixed words in one language.
pub struct NewsWords {
    pub skip_to_matrix: &'static str,
    pub automatic_notice: &'static str,
    pub published_notice: &'static str,
    pub original_article: &'static str,
    pub note: &'static str,
    pub checked_suffix: &'static str,
    pub checked_legend: &'static str,
    pub hand_rule: &'static str,
    pub nothing_published: &'static str,
    pub publish: &'static str,
    pub publish_hint: &'static str,
    pub pub_title: &'static str,
    pub pub_description: &'static str,
    pub pub_credit: &'static str,
    pub pub_full_texts: &'static str,
    pub pub_origin: &'static str,
    pub pub_origin_bad: &'static str,
    pub copy_published_link: &'static str,
    pub published_link_copied: &'static str,
    pub embed_snippet_copied: &'static str,
    pub add_statement: &'static str,
    pub select_first: &'static str,
    pub empty_cell_hint: &'static str,
    pub code_cell_title: &'static str,
    pub new_statement: &'static str,
    pub actor: &'static str,
    pub new_actor_option: &'static str,
    pub new_actor_name: &'static str,
    pub kind: &'static str,
    pub stance: &'static str,
    pub save_statement: &'static str,
    pub need_name: &'static str,
    pub delete_statement: &'static str,
    pub delete_cell: &'static str,
    pub cell_note: &'static str,
    pub save_note: &'static str,
    pub checked: &'static str,
    pub actor_details: &'static str,
    pub aliases: &'static str,
    pub member_of: &'static str,
    pub member_of_prefix: &'static str,
    pub save_details: &'static str,
    pub add_actor: &'static str,
    pub add_actor_apply: &'static str,
    pub actor_added: &'static str,
    pub statement_deleted: &'static str,
    pub cell_deleted: &'static str,
}

impl Lang {
    /// The newsroom tools' words.
    pub fn news(self) -> &'static NewsWords {
        match self {
            Lang::Ar => &AR,
            Lang::En => &EN,
        }
    }

    /// "Original article URL of article 2".
    pub fn pub_url_label(self, n: usize) -> String {
        match self {
            Lang::Ar => format!("رابط أصل {}", self.article_n(n)),
            Lang::En => format!("Address of the original of {}", self.article_n(n)),
        }
    }

    /// "Statement added: Lavrov, article 2."
    pub fn statement_added(self, actor: &str, article: usize) -> String {
        match self {
            Lang::Ar => format!("أُضيف التصريح إلى «{actor}» في {}.", self.article_n(article)),
            Lang::En => format!("Statement added to “{actor}” in {}.", self.article_n(article).to_lowercase()),
        }
    }

    /// The instruction in the card of an article coded from an empty cell:
    /// the words before and after the actor's name.
    pub fn code_cell_instruction(self, article: usize) -> (String, String) {
        match self {
            Lang::Ar => (
                "ترميز يدوي لتصريح «".to_string(),
                format!("» في {}: حدد في النص أدناه الجملة التي يعلن فيها موقفه، ثم اضغط «{}».", self.article_n(article), AR.add_statement),
            ),
            Lang::En => (
                "Coding a statement of “".to_string(),
                format!(
                    "” in {} by hand: select the sentence in the text below in which they take their stance, then press “{}”.",
                    self.article_n(article).to_lowercase(),
                    EN.add_statement
                ),
            ),
        }
    }

    /// The notice shown while a result file the widget exported is displayed.
    pub fn showing_widget_export(self, name: &str) -> String {
        match self {
            Lang::Ar => format!("تُعرض نتائج الملف {name} كما صدّرتها هذه الأداة، بتصحيحاتها. الكتابة في أي مقال تعيد التحليل."),
            Lang::En => format!(
                "Showing the results in {name} as this tool exported them, corrections included. Typing in any article analyses again."
            ),
        }
    }

    /// "Published snapshot refused: why."
    pub fn published_refused(self, why: &str) -> String {
        match self {
            Lang::Ar => format!("تعذر فتح المصفوفة المنشورة: {why}"),
            Lang::En => format!("The published matrix could not be opened: {why}"),
        }
    }
}

pub static AR: NewsWords = NewsWords {
    skip_to_matrix: "انتقل إلى المصفوفة",
    automatic_notice: "التحليل آلي وقد يخطئ: راجع كل خلية وأدلتها قبل النشر أو الاستشهاد.",
    published_notice: "صنع هذه المصفوفة برنامجٌ آلي وقد يخطئ؛ الخلايا المعلَّمة ✓ راجعها محرر.",
    original_article: "المقال الأصلي",
    note: "ملاحظة المحرر",
    checked_suffix: " (راجعها محرر)",
    checked_legend: "✓ راجعها محرر",
    hand_rule: "رُمِّز يدوياً",
    nothing_published: "لا شيء منشور هنا بعد.",
    publish: "النشر للقراء",
    publish_hint: "يرى القراء المصفوفة والدليل والأدلة فقط، بلا أدوات تحرير، ولا يُكتب شيء في متصفحهم.",
    pub_title: "العنوان الذي يراه القراء",
    pub_description: "الوصف",
    pub_credit: "سطر المصدر والحقوق",
    pub_full_texts: "انشر نصوص المقالات كاملة (وإلا فجمل الأدلة وحدها)",
    pub_origin: "أصل الموقع الذي يضمّنها (مثل https://cms.example)",
    pub_origin_bad: "هذا ليس أصلاً مثل https://cms.example، فلن يحمله كود التضمين.",
    copy_published_link: "نسخ رابط العرض المنشور",
    published_link_copied: "نُسخ رابط العرض للقراء: للقراءة فقط، ويحمل ما اخترت نشره وحده.",
    embed_snippet_copied: "نُسخ كود التضمين: الصقه في أي صفحة، فيتمدد الإطار ليعرض المصفوفة كلها.",
    add_statement: "أضف تصريحاً من النص المحدد",
    select_first: "حدد أولاً كلمات التصريح في نص المقال، ثم اضغط «أضف تصريحاً».",
    empty_cell_hint: "وعلى خلية فارغة (—) يبدأ Enter أو النقر ترميزها يدوياً.",
    code_cell_title: "انقر لترميز هذه الخلية يدوياً",
    new_statement: "تصريح جديد",
    actor: "الطرف",
    new_actor_option: "طرف جديد…",
    new_actor_name: "اسم الطرف الجديد",
    kind: "النوع",
    stance: "الموقف",
    save_statement: "أضف التصريح",
    need_name: "اكتب اسم الطرف الجديد.",
    delete_statement: "احذف هذا التصريح",
    delete_cell: "احذف هذه الخلية",
    cell_note: "ملاحظة على هذه الخلية",
    save_note: "احفظ الملاحظة",
    checked: "راجعها محرر",
    actor_details: "بيانات الطرف",
    aliases: "أسماء أخرى (تفصل بينها فاصلة)",
    member_of: "يتبع (هيئة أو دولة)",
    member_of_prefix: "من",
    save_details: "احفظ البيانات",
    add_actor: "إضافة طرف",
    add_actor_apply: "أضف الطرف",
    actor_added: "أُضيف الطرف. حدد تصريحاً له في مقال وأضفه.",
    statement_deleted: "حُذف التصريح.",
    cell_deleted: "حُذفت الخلية.",
};

pub static EN: NewsWords = NewsWords {
    skip_to_matrix: "Skip to the matrix",
    automatic_notice: "The analysis is automatic and can be wrong: check every cell and its evidence before publishing or quoting it.",
    published_notice: "This matrix was made by automatic analysis and can be wrong; cells marked ✓ were checked by an editor.",
    original_article: "Original article",
    note: "Editor's note",
    checked_suffix: " (checked)",
    checked_legend: "✓ checked by an editor",
    hand_rule: "coded by hand",
    nothing_published: "Nothing is published here yet.",
    publish: "Publish for readers",
    publish_hint:
        "Readers see the matrix, the legend and the evidence only, with no editing tool, and nothing is written in their browser.",
    pub_title: "Title readers see",
    pub_description: "Description",
    pub_credit: "Source and credit line",
    pub_full_texts: "Publish the full article texts (otherwise the evidence sentences only)",
    pub_origin: "Origin of the site that embeds it (such as https://cms.example)",
    pub_origin_bad: "This is not an origin such as https://cms.example, so the embed code leaves it out.",
    copy_published_link: "Copy the published link",
    published_link_copied: "Link to the read-only view copied: it carries only what you chose to publish.",
    embed_snippet_copied: "Embed code copied: paste it into any page; the frame grows to show the whole matrix.",
    add_statement: "Add a statement from the selection",
    select_first: "First select the statement's words in the article's text, then press “Add a statement”.",
    empty_cell_hint: "On an empty cell (—), Enter or a click starts coding it by hand.",
    code_cell_title: "Click to code this cell by hand",
    new_statement: "New statement",
    actor: "Actor",
    new_actor_option: "New actor…",
    new_actor_name: "New actor's name",
    kind: "Kind",
    stance: "Stance",
    save_statement: "Add the statement",
    need_name: "Give the new actor a name.",
    delete_statement: "Delete this statement",
    delete_cell: "Delete this cell",
    cell_note: "Note on this cell",
    save_note: "Save the note",
    checked: "Checked by an editor",
    actor_details: "Actor details",
    aliases: "Other names (separated by commas)",
    member_of: "Belongs to (body or state)",
    member_of_prefix: "of",
    save_details: "Save the details",
    add_actor: "Add an actor",
    add_actor_apply: "Add the actor",
    actor_added: "Actor added. Select a statement of theirs in an article and add it.",
    statement_deleted: "The statement was deleted.",
    cell_deleted: "The cell was deleted.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_holds_no_arabic_and_arabic_holds_arabic() {
        let arabic = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        for (en, ar) in [(EN.publish, AR.publish), (EN.add_statement, AR.add_statement), (EN.published_notice, AR.published_notice)] {
            assert!(!arabic(en) && arabic(ar), "{en} / {ar}");
        }
        assert!(Lang::En.statement_added("Lavrov", 2).ends_with("article 2."));
        for lang in [Lang::Ar, Lang::En] {
            let (before, after) = lang.code_cell_instruction(4);
            assert!(after.contains('4') && after.contains(lang.news().add_statement) && !before.is_empty());
        }
    }
}
